/**
 * In-memory fakes of the persistence ports (lib/domain/ports.ts) and a Deps built on them, for unit
 * tests of the use cases without DynamoDB. The unit of work keeps the one rule the services rely on:
 * a change based on an old version, or a "new" item that exists already, fails the whole commit with
 * ConcurrentChangeError and writes nothing. No vitest in here.
 */
import { toAccessProjection } from '#lib/domain/access';
import { SEED_CATALOGUE } from '#lib/domain/catalogue';
import { ConcurrentChangeError } from '#lib/domain/errors';
import type { DueEntry, Notice, SweepFailure } from '#lib/domain/expiry';
import { type HoldingRecord, holdingChanges } from '#lib/domain/holdings';
import type { LoginSummary } from '#lib/domain/logins';
import { emptied, type PersonAggregate, type PersonDetails } from '#lib/domain/membership';
import type { DigestLine, DigestState } from '#lib/domain/notifications';
import type { Email, Enterprise, RegisterRead, StoredLine, UnitOfWork } from '#lib/domain/ports';
import type {
  AdminRecord,
  AuditSubject,
  HistoryEntry,
  OrganisationRecord,
  PersonRecord,
  Preferences,
} from '#lib/domain/records';
import type { Campaign, ReviewLine } from '#lib/domain/reviews';
import type { AccessRequest, Task } from '#lib/domain/tasks';
import { TASK_AUDIENCE } from '#lib/domain/tasks';
import type { Deps } from '#lib/services/deps';

/** Everything the fakes hold, open to the test for arranging and asserting. */
export interface FakeWorld {
  persons: Map<string, PersonRecord>;
  /** By `${en}/${personId}`. */
  aggregates: Map<string, PersonAggregate>;
  history: Map<string, HistoryEntry[]>;
  /** By `${en}/${rightId}/${personId}/${day}`, as keys.ts 28. */
  holdings: Map<string, HoldingRecord & { subject: AuditSubject }>;
  admins: Map<string, AdminRecord>;
  organisations: Map<string, OrganisationRecord>;
  organisationHistory: Map<string, HistoryEntry[]>;
  tasks: Map<string, Task>;
  requests: Map<string, AccessRequest>;
  notices: Map<string, Notice>;
  /** The administrators' digest lines, and per `${en}/${personId}` what their digests covered. */
  digestLines: Map<string, DigestLine>;
  digestStates: Map<string, DigestState>;
  /** By `${en}/${campaignId}`, and lines by `${en}/${campaignId}/${personId}/${grantId}`. */
  campaigns: Map<string, Campaign>;
  reviewLines: Map<string, StoredLine>;
  /** Commits that wrote, and commits refused as concurrent changes. */
  commits: { written: number; refused: number };
  outbox: Email[];
}

const aggKey = (en: string, personId: string) => `${en}/${personId}`;
const copy = <T>(value: T): T => structuredClone(value);

class FakeUnitOfWork implements UnitOfWork {
  private readonly checks: (() => boolean)[] = [];
  private readonly writes: (() => void)[] = [];

  constructor(private readonly world: FakeWorld) {}

  private step(check: () => boolean, write: () => void): this {
    this.checks.push(check);
    this.writes.push(write);
    return this;
  }

  saveMembership(
    loaded: PersonAggregate | null,
    next: PersonAggregate,
    history: HistoryEntry[],
    today: string,
  ) {
    const { enterpriseNumber: en, personId } = next.membership;
    const key = aggKey(en, personId);
    return this.step(
      () => {
        const current = this.world.aggregates.get(key);
        return loaded ? current?.membership.version === loaded.membership.version : !current;
      },
      () => {
        // The store bumps the membership's version on every write, as the DynamoDB adapter does.
        const version = loaded ? loaded.membership.version + 1 : 1;
        this.world.aggregates.set(key, copy({ ...next, membership: { ...next.membership, version } }));
        this.world.history.set(key, [...(this.world.history.get(key) ?? []), ...copy(history)]);
        const m = next.membership;
        const subject = { name: `${m.person.firstName} ${m.person.lastName}`, nationalNumber: '***' };
        for (const { rightId, holding } of holdingChanges(loaded, next)) {
          this.world.holdings.set(`${en}/${rightId}/${personId}/${today}`, {
            personId,
            day: today,
            holding,
            subject,
          });
        }
      },
    );
  }

  removeMembership(loaded: PersonAggregate, history: HistoryEntry[], today: string) {
    const { enterpriseNumber: en, personId } = loaded.membership;
    const key = aggKey(en, personId);
    return this.step(
      () => this.world.aggregates.get(key)?.membership.version === loaded.membership.version,
      () => {
        this.world.aggregates.delete(key);
        // The history stays: only entries are added.
        this.world.history.set(key, [...(this.world.history.get(key) ?? []), ...copy(history)]);
        const m = loaded.membership;
        const subject = { name: `${m.person.firstName} ${m.person.lastName}`, nationalNumber: '***' };
        for (const { rightId, holding } of holdingChanges(loaded, emptied(loaded))) {
          this.world.holdings.set(`${en}/${rightId}/${personId}/${today}`, {
            personId,
            day: today,
            holding,
            subject,
          });
        }
      },
    );
  }

  putPerson(pseudonym: string, record: PersonRecord, opts: { exists: boolean }) {
    return this.step(
      () => opts.exists || !this.world.persons.has(pseudonym),
      () => this.world.persons.set(pseudonym, copy(record)),
    );
  }

  addAdmin(admin: AdminRecord) {
    const key = `${admin.pseudonym}/${admin.enterpriseNumber}`;
    return this.step(
      () => !this.world.admins.has(key),
      () => this.world.admins.set(key, copy(admin)),
    );
  }

  updateAdmin(previous: AdminRecord, next: AdminRecord) {
    const key = `${next.pseudonym}/${next.enterpriseNumber}`;
    return this.step(
      () => this.world.admins.get(key)?.version === previous.version,
      () => this.world.admins.set(key, copy({ ...next, version: previous.version + 1 })),
    );
  }

  saveOrganisation(previous: OrganisationRecord | null, next: OrganisationRecord) {
    const en = next.enterpriseNumber;
    return this.step(
      () => {
        const current = this.world.organisations.get(en);
        return previous ? current?.version === previous.version : !current;
      },
      () => this.world.organisations.set(en, copy({ ...next, version: (previous?.version ?? 0) + 1 })),
    );
  }

  addOrganisationHistory(en: string, entry: HistoryEntry) {
    return this.step(
      () => true,
      () =>
        this.world.organisationHistory.set(en, [
          ...(this.world.organisationHistory.get(en) ?? []),
          copy(entry),
        ]),
    );
  }

  removeAdmin(admin: AdminRecord) {
    const key = `${admin.pseudonym}/${admin.enterpriseNumber}`;
    return this.step(
      () => this.world.admins.get(key)?.version === admin.version,
      () => this.world.admins.delete(key),
    );
  }

  addHistory(en: string, personId: string, entry: HistoryEntry) {
    const key = aggKey(en, personId);
    return this.step(
      () => true,
      () => this.world.history.set(key, [...(this.world.history.get(key) ?? []), copy(entry)]),
    );
  }

  addTask(task: Task) {
    return this.step(
      () => !this.world.tasks.has(task.taskId),
      () => this.world.tasks.set(task.taskId, copy(task)),
    );
  }

  updateTask(previous: Task, next: Task) {
    return this.step(
      () => this.world.tasks.get(previous.taskId)?.version === previous.version,
      () => this.world.tasks.set(next.taskId, copy({ ...next, version: previous.version + 1 })),
    );
  }

  closeTask(previous: Task, next: Task) {
    return this.updateTask(previous, next);
  }

  addRequest(request: AccessRequest) {
    return this.step(
      () => !this.world.requests.has(request.requestId),
      () => this.world.requests.set(request.requestId, copy(request)),
    );
  }

  finishRequest(previous: AccessRequest, next: AccessRequest) {
    return this.step(
      () => this.world.requests.get(previous.requestId)?.version === previous.version,
      () => this.world.requests.set(next.requestId, copy({ ...next, version: previous.version + 1 })),
    );
  }

  addNotice(
    en: string,
    personId: string,
    what: string,
    fields: { at: string; status?: Notice['status']; individually?: string[] },
  ) {
    const key = `${en}/${personId}/${what}`;
    return this.step(
      () => !this.world.notices.has(key),
      () =>
        this.world.notices.set(key, {
          status: fields.status ?? 'sent',
          delivered: [],
          at: fields.at,
          ...(fields.individually ? { individually: fields.individually } : {}),
        }),
    );
  }

  addDigestLine(line: DigestLine) {
    const key = `${line.day}/${line.enterpriseNumber}/${line.personId}/${line.kind}/${line.grantId ?? ''}/${line.endDate}/${line.notice}/${line.warning ?? ''}`;
    return this.step(
      () => !this.world.digestLines.has(key),
      () => this.world.digestLines.set(key, copy(line)),
    );
  }

  saveCampaign(previous: Campaign | null, next: Campaign) {
    const key = `${next.enterpriseNumber}/${next.campaignId}`;
    return this.step(
      () => (this.world.campaigns.get(key)?.version ?? null) === (previous?.version ?? null),
      () => this.world.campaigns.set(key, copy({ ...next, version: (previous?.version ?? 0) + 1 })),
    );
  }

  answerLine(en: string, campaignId: string, previous: StoredLine, next: ReviewLine) {
    const key = `${en}/${campaignId}/${next.personId}/${next.grantId}`;
    return this.step(
      () => this.world.reviewLines.get(key)?.version === previous.version,
      () => this.world.reviewLines.set(key, copy({ ...next, version: previous.version + 1 })),
    );
  }

  requireOpenCampaign(en: string, campaignId: string) {
    return this.step(
      () => this.world.campaigns.get(`${en}/${campaignId}`)?.status === 'open',
      () => undefined,
    );
  }

  recordJobRow(): this {
    throw new Error('bulk jobs are not faked: the integration tests run them on DynamoDB Local');
  }

  requireActiveOrganisation(en: string) {
    return this.step(
      () => this.world.organisations.get(en)?.kbo?.status !== 'stopped',
      () => undefined,
    );
  }

  requireEnding(entry: DueEntry) {
    return this.step(
      () => {
        const agg = this.world.aggregates.get(aggKey(entry.enterpriseNumber, entry.personId));
        const item =
          entry.kind === 'relationship'
            ? agg?.relationship
            : agg?.grants.find((g) => g.grantId === entry.grantId);
        return item?.endDate === entry.endDate;
      },
      () => undefined,
    );
  }

  async commit(): Promise<void> {
    // All or nothing, as one transaction.
    if (!this.checks.every((check) => check())) {
      this.world.commits.refused += 1;
      throw new ConcurrentChangeError();
    }
    for (const write of this.writes) write();
    this.world.commits.written += 1;
  }
}

export interface FakeOptions {
  today?: string;
  /** The national register: national number → details. */
  register?: Record<string, PersonDetails>;
  enterprises?: Enterprise[];
  /** Called before each commit is checked: lets a test change the world in between (a race). */
  beforeCommit?: (world: FakeWorld) => void;
}

/** A Deps on in-memory ports. Pseudonyms are `p:` + the number: readable in assertions, never a key in AWS. */
export function fakeDeps(options: FakeOptions = {}): { deps: Deps; world: FakeWorld } {
  const world: FakeWorld = {
    persons: new Map(),
    aggregates: new Map(),
    history: new Map(),
    holdings: new Map(),
    admins: new Map(),
    organisations: new Map(),
    organisationHistory: new Map(),
    tasks: new Map(),
    requests: new Map(),
    notices: new Map(),
    digestLines: new Map(),
    digestStates: new Map(),
    campaigns: new Map(),
    reviewLines: new Map(),
    commits: { written: 0, refused: 0 },
    outbox: [],
  };
  const today = options.today ?? '2026-12-02';
  let counter = 0;
  const newId = () => `01FAKE${String(++counter).padStart(20, '0')}`;
  const register = options.register ?? {};
  const registerReads = new Map<string, RegisterRead>();
  const kboRuns = new Map<string, { cursor: string | null; done: boolean }>();
  const enterprises = options.enterprises ?? [];
  const deps: Deps = {
    persons: {
      get: async (p) => copy(world.persons.get(p) ?? null),
      registerRead: async (p) => copy(registerReads.get(p) ?? null),
      rememberRegisterRead: async (p, read) => void registerReads.set(p, copy(read)),
    },
    memberships: {
      load: async (en, personId) => copy(world.aggregates.get(aggKey(en, personId)) ?? null),
      pseudonymOf: async (en, personId) =>
        world.aggregates.get(aggKey(en, personId))?.membership.pseudonym ?? null,
      list: async (en, opts) => ({
        items: [...world.aggregates.values()]
          .filter((a) => a.membership.enterpriseNumber === en)
          .slice(0, opts.limit)
          .map((a) => copy(a.membership)),
        cursor: null,
      }),
      history: async (en, personId) => ({
        items: [...(world.history.get(aggKey(en, personId)) ?? [])].reverse(),
        cursor: null,
      }),
      accessProjection: async (pseudonym, en) => {
        const agg = [...world.aggregates.values()].find(
          (a) => a.membership.pseudonym === pseudonym && a.membership.enterpriseNumber === en,
        );
        return agg ? toAccessProjection(agg) : null;
      },
    },
    admins: {
      get: async (p, en) => copy(world.admins.get(`${p}/${en}`) ?? null),
      list: async (en) => [...world.admins.values()].filter((a) => a.enterpriseNumber === en),
      organisationsOf: async (p) => [...world.admins.values()].filter((a) => a.pseudonym === p),
    },
    organisations: {
      get: async (en) => copy(world.organisations.get(en) ?? null),
      put: async (en, name) =>
        void world.organisations.set(en, {
          ...(world.organisations.get(en) ?? { enterpriseNumber: en }),
          name,
        }),
      list: async ({ limit }) => ({ items: [...world.organisations.keys()].slice(0, limit), cursor: null }),
      history: async (en) => ({
        items: copy(world.organisationHistory.get(en) ?? []).reverse(),
        cursor: null,
      }),
    },
    catalogue: {
      get: async (id) => copy(SEED_CATALOGUE.find((r) => r.rightId === id) ?? null),
      list: async () => copy([...SEED_CATALOGUE]),
      put: async () => undefined,
    },
    preferences: {
      get: async () => null,
      update: async (_p, change): Promise<Preferences> => ({
        lastOrganisation: null,
        notifications: { frequency: 'daily' },
        language: 'nl',
        ...change,
        version: 1,
      }),
    },
    tasks: {
      get: async (_en, id) => copy(world.tasks.get(id) ?? null),
      listOpen: async (en) =>
        [...world.tasks.values()].filter((t) => t.enterpriseNumber === en && t.status === 'open'),
      countOpen: async (en, audience) =>
        [...world.tasks.values()].filter(
          (t) => t.enterpriseNumber === en && t.status === 'open' && TASK_AUDIENCE[t.kind] === audience,
        ).length,
    },
    requests: {
      get: async (id) => copy(world.requests.get(id) ?? null),
      listMine: async (p) => [...world.requests.values()].filter((r) => r.pseudonym === p),
      listOpen: async () =>
        [...world.requests.values()]
          .filter((r) => r.status === 'pending')
          .map((r) => ({ requestId: r.requestId, enterpriseNumber: r.enterpriseNumber })),
    },
    reviews: {
      campaign: async (en, id) => copy(world.campaigns.get(`${en}/${id}`) ?? null),
      campaigns: async (en, limit) =>
        [...world.campaigns.values()]
          .filter((c) => c.enterpriseNumber === en)
          .sort((a, b) => b.campaignId.localeCompare(a.campaignId))
          .slice(0, limit)
          .map(copy),
      lines: async (en, id) =>
        [...world.reviewLines.entries()]
          .filter(([k]) => k.startsWith(`${en}/${id}/`))
          .map(([, v]) => copy(v)),
      line: async (en, id, personId, grantId) =>
        copy(world.reviewLines.get(`${en}/${id}/${personId}/${grantId}`) ?? null),
      putLines: async (en, id, lines) => {
        for (const l of lines)
          world.reviewLines.set(`${en}/${id}/${l.personId}/${l.grantId}`, { ...copy(l), version: 1 });
      },
    },
    notices: {
      has: async (en, p, what) => world.notices.has(`${en}/${p}/${what}`),
      put: async (en, p, what, at) => {
        const key = `${en}/${p}/${what}`;
        if (world.notices.has(key)) return false;
        world.notices.set(key, { status: 'sent', delivered: [], at });
        return true;
      },
    },
    audit: {
      holdings: async (en, rightId) =>
        [...world.holdings.entries()]
          .filter(([k]) => k.startsWith(`${en}/${rightId}/`))
          .map(([, v]) => copy(v)),
      // Every history entry of the organisation, newest first (the fake keeps no subjects).
      page: async (en, opts) => {
        const items = [...world.history.entries()]
          .filter(([key]) => key.startsWith(`${en}/`) || key === en)
          .flatMap(([key, entries]) =>
            entries.map((e) => ({
              ...e,
              personId: key.includes('/') ? key.split('/')[1]! : null,
              subject: null,
            })),
          )
          .filter((e) => !opts.action || e.action.startsWith(opts.action))
          .sort((a, b) => b.entryId.localeCompare(a.entryId));
        return { items: items.slice(0, opts.limit), cursor: null };
      },
    },
    kbo: {
      position: async (date) => copy(kboRuns.get(date) ?? null),
      savePosition: async (date, cursor, done) => void kboRuns.set(date, { cursor, done }),
      lastFollowed: async () =>
        [...kboRuns]
          .filter(([, r]) => r.done)
          .map(([d]) => d)
          .sort()
          .at(-1) ?? null,
      recordFailure: async () => undefined,
      failures: async () => [],
    },
    expiry: {
      lastSweep: async () => null,
      completeSweep: async (through) => ({ through, advanced: true }),
      duePage: async () => ({ entries: [], next: null }),
      getNotice: async (en, p, what) => copy(world.notices.get(`${en}/${p}/${what}`) ?? null),
      delivered: async () => undefined,
      sent: async () => undefined,
      recordFailure: async (_report: SweepFailure) => undefined,
      failures: async () => [],
    },
    jobs: {
      get: async () => null,
      create: async () => undefined,
      update: async () => undefined,
      rows: async () => [],
      saveOutcome: async () => undefined,
      saveProgress: async () => undefined,
      progress: async () => [],
      running: async () => [],
    },
    digests: {
      organisations: async (day, { after, limit }) =>
        [
          ...new Set(
            [...world.digestLines.values()].filter((l) => l.day === day).map((l) => l.enterpriseNumber),
          ),
        ]
          .sort()
          .filter((en) => !after || en > after)
          .slice(0, limit),
      lines: async (day, en) =>
        copy([...world.digestLines.values()].filter((l) => l.day === day && l.enterpriseNumber === en)),
      states: async (en) =>
        copy([...world.digestStates.entries()].filter(([k]) => k.startsWith(`${en}/`)).map(([, v]) => v)),
      covered: async (en, personId, through) => {
        const state = world.digestStates.get(`${en}/${personId}`);
        if (state?.through && state.through >= through) return false;
        world.digestStates.set(`${en}/${personId}`, { personId, through, owedSince: null });
        return true;
      },
      owe: async (en, personId, day) => {
        const state = world.digestStates.get(`${en}/${personId}`) ?? {
          personId,
          through: null,
          owedSince: null,
        };
        if (!state.owedSince || state.owedSince > day)
          world.digestStates.set(`${en}/${personId}`, { ...state, owedSince: day });
      },
    },
    logins: {
      record: async () => undefined,
      get: async (): Promise<LoginSummary | null> => null,
      bindCognitoUser: async () => 'bound',
    },
    unitOfWork: () => {
      const work = new FakeUnitOfWork(world);
      const commit = work.commit.bind(work);
      work.commit = async () => {
        options.beforeCommit?.(world);
        return commit();
      };
      return work;
    },
    pseudonymize: (nn) => `p:${nn}`,
    nationalRegister: {
      lookup: async (nn) => {
        const details = register[nn];
        return details ? { ...copy(details), deceased: null, register: 'national' } : null;
      },
    },
    enterpriseRegistry: {
      getEnterprise: async (en) => copy(enterprises.find((e) => e.enterpriseNumber === en) ?? null),
      findRepresentations: async () => [],
    },
    clock: () => ({ today, now: `${today}T09:00:00.000Z` }),
    newId,
    mailer: { send: async (email) => void world.outbox.push(email) },
    workflows: {
      startApproval: async () => undefined,
      sendTaskSuccess: async () => undefined,
      sendTaskFailure: async () => undefined,
      startReview: async () => undefined,
      startBulkJob: async () => undefined,
    },
    log: { info: () => undefined, warn: () => undefined, error: () => undefined },
    appUrl: 'http://localhost:3000',
    registerMaxAgeHours: 24,
  };
  return { deps, world };
}
