/**
 * What follows from one reading of the KBO for an organisation (the rules are in lib/domain/kbo.ts):
 *
 * 1. In one transaction guarded by the organisation's version: the reading, the organisation's history
 *    entries (stopped, active again, legal representatives changed), the tasks (resume, confirm a local
 *    administrator, appoint one) and the markers of the e-mail that is owed. From a recorded stop on,
 *    no relationship starts or resumes there (a condition of those transactions).
 * 2. Stopped: every work relationship not paused yet is paused, one transaction per person with its
 *    history entry and access projection, so the portal's access check answers `relationship-paused`
 *    from then on. `kboPausing` stays set on the organisation until all are, so a run that stops
 *    halfway pauses the rest the next time.
 * 3. The e-mail owed is sent by the daily follow's own step (`deliverOwed`, with the mailer): each
 *    recipient once.
 *
 * An action that reads the KBO and finds the enterprise stopped runs 1 and 2 at once, so the access
 * check reflects it immediately; the e-mail follows with the next daily run.
 */
import type { Language } from '#lib/domain/i18n/language';
import { adminsToConfirm, compareKbo, KBO_ACTOR, representativesView, snapshotOf } from '#lib/domain/kbo';
import { KBO_STOPPED_REASON, pauseForStoppedEnterprise } from '#lib/domain/membership';
import type { Email, Enterprise } from '#lib/domain/ports';
import type { AdminRecord, HistoryEntry, KboSnapshot, OrganisationRecord } from '#lib/domain/records';
import type { Task, TaskKind } from '#lib/domain/tasks';
import { withRetry } from '#lib/services/aggregate';
import type { Deps } from '#lib/services/deps';
import { fullName } from '#lib/services/expiry/shared';
import {
  changeIfNeeded,
  deliverOrganisationNotice,
  type KboOutcome,
  membersOf,
  type OrgRecipient,
  uniqueAddresses,
} from '#lib/services/kbo/shared';
import { uiLinks } from '#lib/services/links';
import { enterpriseActiveAgain, enterpriseStopped, noLocalAdministrator } from '#lib/services/messages';
import { languageOf } from '#lib/services/recipients';

/** Pauses every relationship of the organisation that is not paused yet; returns how many. */
async function pauseAll(deps: Deps, enterpriseNumber: string): Promise<number> {
  let paused = 0;
  for await (const personId of membersOf(deps, enterpriseNumber)) {
    const next = await changeIfNeeded(
      deps,
      { enterpriseNumber, personId, actor: KBO_ACTOR, reason: KBO_STOPPED_REASON },
      (agg, clock) => pauseForStoppedEnterprise(agg, clock),
    );
    if (next) paused += 1;
  }
  return paused;
}

/** How many of the organisation's relationships the KBO paused, and those persons' ids. */
async function pausedByKbo(deps: Deps, enterpriseNumber: string): Promise<string[]> {
  const ids: string[] = [];
  for await (const personId of membersOf(deps, enterpriseNumber)) {
    const agg = await deps.memberships.load(enterpriseNumber, personId, { consistent: false });
    if (agg?.relationship?.paused && agg.relationship.pausedBy === 'kbo') ids.push(personId);
  }
  return ids;
}

async function hasMembers(deps: Deps, enterpriseNumber: string): Promise<boolean> {
  return (await deps.memberships.list(enterpriseNumber, { limit: 1 })).items.length > 0;
}

export function kboTask(
  deps: Deps,
  kind: TaskKind,
  enterpriseNumber: string,
  title: string,
  subject: { personId?: string | null; name: string; count?: number },
  now: string,
): Task {
  return {
    taskId: deps.newId(),
    enterpriseNumber,
    kind,
    status: 'open',
    title,
    subject: {
      personId: subject.personId ?? null,
      name: subject.name,
      right: null,
      profiles: [],
      endDate: null,
      item: null,
      ...(subject.count !== undefined ? { count: subject.count } : {}),
    },
    requestId: null,
    taskToken: null,
    reason: null,
    createdAt: now,
    decidedAt: null,
    decidedBy: null,
    version: 1,
  };
}

export const confirmTaskTitle = (adminName: string, organisationName: string) =>
  `Bevestig lokale beheerder: ${adminName} werd aangeduid door iemand die volgens de KBO geen wettelijk vertegenwoordiger van ${organisationName} meer is`;

export const appointTaskTitle = (organisationName: string) =>
  `Duid een lokale beheerder aan: ${organisationName} heeft er geen meer`;

/** The appoint task and its e-mail marker, for a unit of work: when the last local administrator goes. */
export function appointTaskFor(
  deps: Deps,
  org: Pick<OrganisationRecord, 'enterpriseNumber' | 'name'>,
  now: string,
) {
  const task = kboTask(
    deps,
    'appoint-admin',
    org.enterpriseNumber,
    appointTaskTitle(org.name),
    { name: org.name },
    now,
  );
  return { task, notice: `no-admin#${task.taskId}` };
}

function entry(deps: Deps, now: string, action: string, before: unknown, after: unknown): HistoryEntry {
  return { entryId: deps.newId(), at: now, actor: KBO_ACTOR, action, reason: null, before, after };
}

/** The reading changed nothing we keep: no need to write. */
function sameReading(a: KboSnapshot | null | undefined, b: KboSnapshot): boolean {
  return (
    !!a &&
    a.status === b.status &&
    a.stoppedOn === b.stoppedOn &&
    // Field by field: a map read back from DynamoDB keeps its values, not its key order.
    a.representatives.length === b.representatives.length &&
    a.representatives.every((r, i) => {
      const o = b.representatives[i];
      return o && r.pseudonym === o.pseudonym && r.name === o.name && r.function === o.function;
    })
  );
}

interface Recorded {
  org: OrganisationRecord;
  changes: KboOutcome['changes'];
  tasksOpened: number;
}

/** Step 1: the reading, history, tasks and markers, together, on the organisation's current version. */
async function record(
  deps: Deps,
  enterprise: Enterprise,
  snapshot: KboSnapshot,
  admins: AdminRecord[],
  /** The organisation as just read: the first attempt decides on it, a retry after a conflict reads again. */
  read: OrganisationRecord,
): Promise<Recorded | null> {
  const en = enterprise.enterpriseNumber;
  let first: OrganisationRecord | null = read;
  return withRetry(async () => {
    const current = first ?? (await deps.organisations.get(en));
    first = null;
    if (!current) return null;
    const now = deps.clock().now;
    const changes = compareKbo(current.kbo, snapshot);
    const next: OrganisationRecord = { ...current, name: enterprise.name, kbo: snapshot };
    const notices = new Set(current.kboNotices ?? []);
    const work = deps.unitOfWork();
    const done: KboOutcome['changes'] = [];
    const tasks: Task[] = [];

    if (changes.stopped) {
      done.push('stopped');
      work.addOrganisationHistory(
        en,
        entry(
          deps,
          now,
          'kbo.stopped',
          { status: 'active' },
          { status: 'stopped', stoppedOn: snapshot.stoppedOn },
        ),
      );
      const what = `kbo-stopped#${snapshot.readOn}`;
      work.addNotice(en, 'ORG', what, { at: now, status: 'pending' });
      notices.add(what);
      next.kboPausing = true;
    }
    if (changes.activeAgain) {
      done.push('active-again');
      work.addOrganisationHistory(
        en,
        entry(
          deps,
          now,
          'kbo.active-again',
          { status: 'stopped', stoppedOn: current.kbo?.stoppedOn ?? null },
          { status: 'active' },
        ),
      );
      next.kboPausing = false;
      const paused = (await pausedByKbo(deps, en)).length;
      if (paused > 0) {
        const task = kboTask(
          deps,
          'resume',
          en,
          `Werkrelaties hervatten? ${enterprise.name} is opnieuw actief in de KBO`,
          { name: enterprise.name, count: paused },
          now,
        );
        tasks.push(task);
        const what = `kbo-active#${task.taskId}`;
        work.addNotice(en, 'ORG', what, { at: now, status: 'pending', taskId: task.taskId });
        notices.add(what);
      }
    }
    if (changes.representatives) {
      done.push('representatives');
      work.addOrganisationHistory(
        en,
        entry(
          deps,
          now,
          'kbo.representatives-changed',
          { legalRepresentatives: representativesView(current.kbo?.representatives ?? []) },
          {
            legalRepresentatives: representativesView(snapshot.representatives),
            left: representativesView(changes.representatives.left),
            arrived: representativesView(changes.representatives.arrived),
          },
        ),
      );
    }
    for (const admin of adminsToConfirm(admins, snapshot)) {
      const task = kboTask(
        deps,
        'confirm-admin',
        en,
        confirmTaskTitle(admin.name, enterprise.name),
        { personId: admin.personId, name: admin.name },
        now,
      );
      tasks.push(task);
      work.updateAdmin(admin, { ...admin, confirmationTaskId: task.taskId });
    }
    if (
      admins.length === 0 &&
      !current.appointTaskId &&
      snapshot.representatives.length > 0 &&
      (await hasMembers(deps, en))
    ) {
      done.push('no-local-admin');
      const { task, notice } = appointTaskFor(deps, current, now);
      tasks.push(task);
      next.appointTaskId = task.taskId;
      work.addNotice(en, 'ORG', notice, { at: now, status: 'pending', taskId: task.taskId });
      notices.add(notice);
    }
    if (
      tasks.length === 0 &&
      done.length === 0 &&
      sameReading(current.kbo, snapshot) &&
      current.name === enterprise.name
    ) {
      return { org: current, changes: [], tasksOpened: 0 };
    }
    for (const task of tasks) work.addTask(task);
    next.kboNotices = [...notices];
    await work.saveOrganisation(current, next).commit();
    return {
      org: { ...next, version: (current.version ?? 0) + 1 },
      changes: done,
      tasksOpened: tasks.length,
    };
  });
}

/** Recipients: the local administrators, at their relationship's address in this organisation. */
async function adminRecipients(deps: Deps, en: string): Promise<KboRecipient[]> {
  const admins = await deps.admins.list(en);
  const out: KboRecipient[] = [];
  for (const admin of admins) {
    const email = (await deps.memberships.load(en, admin.personId, { consistent: false }))?.relationship
      ?.email;
    if (email) {
      const language = await languageOf(deps, admin.pseudonym);
      out.push({ id: `admin#${admin.personId}`, name: admin.name, email, language });
    }
  }
  return out;
}

/** Whom a KBO e-mail goes to: an id for the marker, the greeting's name, the address and their language. */
interface KboRecipient {
  id: string;
  name: string;
  email: string;
  language: Language;
}

/** The legal representatives we know an address of: their relationship here, if they have one. */
async function representativeRecipients(deps: Deps, en: string, snapshot: KboSnapshot | null | undefined) {
  const out: KboRecipient[] = [];
  for (const r of snapshot?.representatives ?? []) {
    const person = await deps.persons.get(r.pseudonym);
    if (!person) continue;
    const email = (await deps.memberships.load(en, person.personId, { consistent: false }))?.relationship
      ?.email;
    if (email) {
      const language = await languageOf(deps, r.pseudonym);
      out.push({ id: `representative#${person.personId}`, name: r.name, email, language });
    }
  }
  return out;
}

const to = (email: string, content: Omit<Email, 'to'>): Email => ({ to: [email], ...content });

/** The e-mail a marker owes, for the recipients of today. */
async function mailsFor(deps: Deps, org: OrganisationRecord, what: string): Promise<OrgRecipient[]> {
  const en = org.enterpriseNumber;
  const links = uiLinks(deps.appUrl);
  if (what.startsWith('kbo-stopped#')) {
    const persons = await pausedByKbo(deps, en);
    const admins = await adminRecipients(deps, en);
    const mails: OrgRecipient[] = admins.map((a) => ({
      id: a.id,
      email: to(
        a.email,
        enterpriseStopped({
          recipientName: a.name,
          organisationName: org.name,
          stoppedOn: org.kbo?.stoppedOn ?? null,
          paused: persons.length,
          url: links.persons(en),
          forAdministrator: true,
          preferencesUrl: links.preferences(),
          language: a.language,
        }),
      ),
    }));
    for (const personId of persons) {
      const agg = await deps.memberships.load(en, personId, { consistent: false });
      const email = agg?.relationship?.email;
      if (!agg || !email) continue;
      mails.push({
        id: `person#${personId}`,
        email: to(
          email,
          enterpriseStopped({
            recipientName: fullName(agg),
            organisationName: org.name,
            stoppedOn: org.kbo?.stoppedOn ?? null,
            url: links.portal(),
            forAdministrator: false,
            preferencesUrl: links.preferences(),
            language: await languageOf(deps, agg.membership.pseudonym),
          }),
        ),
      });
    }
    return uniqueAddresses(mails);
  }
  if (what.startsWith('kbo-active#')) {
    const paused = (await pausedByKbo(deps, en)).length;
    return uniqueAddresses(
      (await adminRecipients(deps, en)).map((a) => ({
        id: a.id,
        email: to(
          a.email,
          enterpriseActiveAgain({
            organisationName: org.name,
            paused,
            tasksUrl: links.tasks(en),
            preferencesUrl: links.preferences(),
            language: a.language,
          }),
        ),
      })),
    );
  }
  if (what.startsWith('no-admin#')) {
    return uniqueAddresses(
      (await representativeRecipients(deps, en, org.kbo)).map((r) => ({
        id: r.id,
        email: to(
          r.email,
          noLocalAdministrator({
            recipientName: r.name,
            organisationName: org.name,
            localAdminsUrl: links.localAdmins(en),
            preferencesUrl: links.preferences(),
            language: r.language,
          }),
        ),
      })),
    );
  }
  return [];
}

/** The end of step 2: every relationship is paused. */
async function pausingDone(deps: Deps, en: string): Promise<void> {
  await withRetry(async () => {
    const current = await deps.organisations.get(en);
    if (!current?.kboPausing) return;
    await deps
      .unitOfWork()
      .saveOrganisation(current, { ...current, kboPausing: false })
      .commit();
  });
}

/** Step 3: the e-mail the organisation's markers still owe; each marker leaves the list once sent. */
export async function deliverOwed(deps: Deps, en: string, date: string): Promise<number> {
  const org = await deps.organisations.get(en);
  let sent = 0;
  for (const what of org?.kboNotices ?? []) {
    if (!org) break;
    sent += await deliverOrganisationNotice(deps, en, what, date, await mailsFor(deps, org, what));
    await withRetry(async () => {
      const current = await deps.organisations.get(en);
      if (!current?.kboNotices?.includes(what)) return;
      await deps
        .unitOfWork()
        .saveOrganisation(current, { ...current, kboNotices: current.kboNotices.filter((w) => w !== what) })
        .commit();
    });
  }
  return sent;
}

/** Whether anything is kept for the organisation that the KBO could change: its people, administrators, owed e-mail. */
export async function worthFollowing(
  deps: Deps,
  org: OrganisationRecord,
  admins: AdminRecord[],
): Promise<boolean> {
  if ((org.kboNotices ?? []).length > 0 || org.appointTaskId || admins.length > 0) return true;
  return hasMembers(deps, org.enterpriseNumber);
}

/**
 * What the KBO says of an organisation we keep, applied: steps 1 and 2 (`date`: the day of the reading).
 * `org` and `admins`, when the caller has just read them, spare reading them again. Returns the
 * organisation as it is afterwards too.
 */
export async function applyKboReading(
  deps: Deps,
  enterprise: Enterprise,
  opts: { date: string; org?: OrganisationRecord; admins?: AdminRecord[] },
): Promise<KboOutcome & { org: OrganisationRecord | null }> {
  const en = enterprise.enterpriseNumber;
  const base = { enterpriseNumber: en, paused: 0, tasksOpened: 0 };
  const org = opts.org ?? (await deps.organisations.get(en));
  if (!org) return { ...base, outcome: 'skipped', changes: [], org: null };
  const snapshot = snapshotOf(enterprise, deps.pseudonymize, opts.date);
  const admins = opts.admins ?? (await deps.admins.list(en));
  const recorded = await record(deps, enterprise, snapshot, admins, org);
  const paused = recorded?.org.kboPausing ? await pauseAll(deps, en) : 0;
  if (recorded?.org.kboPausing) await pausingDone(deps, en);
  const changes = recorded?.changes ?? [];
  return {
    ...base,
    outcome: changes.length > 0 || (recorded?.tasksOpened ?? 0) > 0 ? 'changed' : 'unchanged',
    changes,
    paused,
    tasksOpened: recorded?.tasksOpened ?? 0,
    org: recorded?.org ?? org,
  };
}
