/**
 * DynamoDB requests and capacity per use case, read from `ReturnConsumedCapacity: INDEXES` by a
 * middleware on the SDK client the handlers use, against DynamoDB Local. First a calibration against
 * DynamoDB's published prices; where DynamoDB Local miscounts (transactions), the figures are computed
 * from what it reports per item and the correction is said.
 */
import {
  DeleteItemCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  TransactWriteItemsCommand,
} from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { localDynamoClientConfig } from '#infra/local/dynamodb-local';
import { ensureTable } from '#infra/local/table';
import { adminItem } from '#lib/adapters/dynamodb/admins-store';
import { keys } from '#lib/adapters/dynamodb/keys';
import { membershipItems } from '#lib/adapters/dynamodb/memberships-store';
import { ENV } from '#lib/config/env-names';
import { PROFILE_SERVICE_PROVIDER, VLAIO_RIGHT } from '#lib/domain/catalogue';
import { noticeName } from '#lib/domain/expiry';
import { type DigestLine, isWeeklyRound } from '#lib/domain/notifications';
import { addDays } from '#lib/domain/period';
import type { ApprovalInput } from '#lib/domain/ports';
import { initialReviewState } from '#lib/domain/reviews';
import { getDeps, resetDeps, setDeps } from '#lib/runtime/deps';
import { recordLogin } from '#lib/services/accounts';
import { DEMO, seedDemoWorld } from '#lib/services/demo-seed';
import { batchPut, grantItem, personWithDueRight } from '../test/support/items.ts';
import {
  type CallOptions,
  type CallResult,
  CapacityRecorder,
  call,
  configureHandlers,
  expectStatus,
  invokeWorkflowStep,
  log,
  registerWith,
  syntheticNationalNumber,
  type Usage,
  uniqueName,
  workRelationship,
} from './support.ts';

export interface Calibration {
  name: string;
  expected: number;
  reported: number;
  used: number;
  note?: string;
}

export interface UseCaseRow {
  useCase: string;
  fn: string;
  kind: 'read' | 'write' | 'sweep';
  usage: Usage;
  /** What the target is and whether it holds; `null` where the issue sets none. */
  target: string | null;
  met: boolean | null;
  note?: string;
}

export interface SweepRow {
  grants: number;
  due: number;
  queries: number;
  rcu: number;
  itemsFound: number;
  /** FindDue pages (at most 500 items each) the run needed. */
  pages?: number;
  /** The largest page as the state machine passes it on (Step Functions allows 256 KiB). */
  largestPageBytes?: number;
  ms: number;
}

/** The change events a measured write put in its outbox, against what docs/events.md says it emits. */
export interface EventsRow {
  useCase: string;
  fn: string;
  written: string[];
  expected: string[];
  met: boolean;
}

/** The local administrators' digests of one day: k due items, 10 per organisation, 2 administrators each. */
export interface DigestRow {
  /** Other grants in the table (the sweep's table of that size). */
  grants: number;
  due: number;
  organisations: number;
  /** Digests sent (e-mails) and the lines in them. */
  digests: number;
  lines: number;
  /** PlanDigests' pages and the requests of PlanDigests and every SendDigest together. */
  pages: number;
  requests: Record<string, number>;
  rcu: number;
  wcu: number;
  /** Recording the k lines, each in its HandleItem transaction: the WCU that adds to them. */
  lineWcu: number;
  ms: number;
}

export interface CapacityResults {
  /** Every write's change events: each documented event exactly once. */
  events?: EventsRow[];
  calibration: Calibration[];
  transactionCorrection: string;
  useCases: UseCaseRow[];
  sweep: SweepRow[];
  sweepVerdict: { met: boolean; note: string };
  /** The digests' cost for 10, 100 and 1,000 due items, at each table size of the sweep. */
  digests?: DigestRow[];
  digestVerdict?: { met: boolean; note: string };
  /** Opening an access review of an organisation with this many active rights (target: under a minute). */
  reviewOpening?: ReviewOpeningRow;
}

export interface ReviewOpeningRow {
  lines: number;
  ms: number;
  queries: number;
  getItems: number;
  batchWrites: number;
  transactions: number;
  rcu: number;
  wcu: number;
  met: boolean;
}

/** An organisation with `n` persons, each with a relationship and a right: opening its review, timed. */
async function reviewOpening(endpoint: string, n: number): Promise<ReviewOpeningRow> {
  const client = new DynamoDBClient({ ...localDynamoClientConfig(endpoint), maxAttempts: 5 });
  const tableName = uniqueName(`review-${n}`);
  await ensureTable(client, tableName, { stream: false });
  process.env[ENV.tableName] = tableName;
  resetDeps();
  const deps = await getDeps();
  const en = DEMO.boekhouding;
  const items: Record<string, unknown>[] = [];
  for (let i = 0; i < n; i++) {
    const { aggregate } = personWithDueRight({
      personId: `01REVIEWPERSON${String(i).padStart(12, '0')}`,
      grantId: `01REVIEWGRANT${String(i).padStart(13, '0')}`,
      enterpriseNumber: en,
      index: i,
      endDate: '2029-12-31',
      startDate: '2025-01-01',
      pseudonymize: deps.pseudonymize,
    });
    for (const t of membershipItems(tableName, null, aggregate, [], '2025-01-01'))
      if (t.Put?.Item) items.push(t.Put.Item);
  }
  await batchPut(client, tableName, items, 8);
  await deps.organisations.put(en, 'Boekhouding Test NV');
  const org = await deps.organisations.get(en);
  if (!org) throw new Error('no organisation');
  await deps
    .unitOfWork()
    .saveOrganisation(org, { ...org, review: { ...initialReviewState(TODAY), nextOn: TODAY } })
    .commit();
  const recorder = new CapacityRecorder();
  recorder.attach(deps.clients.client);
  const t0 = performance.now();
  const { result, usage } = await recorder.measure(() =>
    invokeWorkflowStep('workflow-advance-review', { date: TODAY, enterpriseNumber: en }),
  );
  const ms = Math.round(performance.now() - t0);
  const opened = result as { step: string; lines?: number };
  client.destroy();
  return {
    lines: opened.lines ?? 0,
    ms,
    queries: usage.requests.Query ?? 0,
    getItems: usage.requests.GetItem ?? 0,
    batchWrites: usage.requests.BatchWriteItem ?? 0,
    transactions: usage.requests.TransactWriteItems ?? 0,
    rcu: usage.rcu,
    wcu: usage.wcu,
    met: opened.step === 'open' && opened.lines === n && ms < 60_000 && (usage.requests.Scan ?? 0) === 0,
  };
}

const TODAY = '2026-11-26';
const VLAIO = VLAIO_RIGHT;
const SP = PROFILE_SERVICE_PROVIDER;

// ---------------------------------------------------------------------------------------------------
// Calibration

async function calibrate(endpoint: string): Promise<Calibration[]> {
  const client = new DynamoDBClient(localDynamoClientConfig(endpoint));
  const recorder = new CapacityRecorder();
  recorder.attach(client);
  const TableName = uniqueName('calibration');
  await ensureTable(client, TableName, { stream: false });
  const key = { pk: { S: 'CAL' }, sk: { S: 'ONE' } };
  // 1 KB exactly: the attribute names and values together (pk, sk and d).
  const filler = 'x'.repeat(1024 - 'pkCAL'.length - 'skONE'.length - 'd'.length);
  const rows: Calibration[] = [];
  const put = await recorder.measure(() =>
    client.send(new PutItemCommand({ TableName, Item: { ...key, d: { S: filler } } })),
  );
  rows.push({ name: 'PutItem of 1 KB (WCU)', expected: 1, reported: put.usage.wcu, used: put.usage.wcu });
  const get = await recorder.measure(() => client.send(new GetItemCommand({ TableName, Key: key })));
  rows.push({
    name: 'GetItem, eventually consistent, ≤ 4 KB (RCU)',
    expected: 0.5,
    reported: get.usage.rcu,
    used: get.usage.rcu,
  });
  const tx = await recorder.measure(() =>
    client.send(
      new TransactWriteItemsCommand({
        TransactItems: [
          { Put: { TableName, Item: { pk: { S: 'CAL' }, sk: { S: 'A' } } } },
          { Put: { TableName, Item: { pk: { S: 'CAL' }, sk: { S: 'B' } } } },
        ],
      }),
    ),
  );
  rows.push({
    name: 'TransactWriteItems of 2 small puts (WCU)',
    expected: 4,
    reported: tx.usage.wcuReported,
    used: tx.usage.wcu,
    ...(tx.usage.wcuReported !== 4
      ? {
          note: `DynamoDB Local reports ${tx.usage.wcuReported}: it does not double transactional writes. The bench doubles the table part of every TransactWriteItems it reports (2 WCU per KB per item, as DynamoDB bills transactions); index upkeep is counted as reported.`,
        }
      : {}),
  });
  client.destroy();
  return rows;
}

// ---------------------------------------------------------------------------------------------------
// Use cases through the real handlers

interface World {
  recorder: CapacityRecorder;
  started: ApprovalInput[];
}

async function setUpWorld(endpoint: string): Promise<World> {
  const client = new DynamoDBClient(localDynamoClientConfig(endpoint));
  const tableName = uniqueName('bench');
  await ensureTable(client, tableName, { stream: false });
  client.destroy();
  configureHandlers({ tableName, endpoint }, TODAY);
  resetDeps();
  const deps = await getDeps();
  const recorder = new CapacityRecorder();
  recorder.attach(deps.clients.client);
  const synthetic = new Set<string>();
  const started: ApprovalInput[] = [];
  await setDeps({
    mailer: { send: async () => undefined },
    // The API function's own requests only: the workflow's steps are measured one by one below.
    workflows: {
      startApproval: async (input) => {
        started.push(input);
      },
      sendTaskSuccess: async () => undefined,
      sendTaskFailure: async () => undefined,
      startReview: async () => undefined,
      startBulkJob: async () => undefined,
    },
    nationalRegister: registerWith(synthetic),
  });
  await seedDemoWorld(await getDeps());
  // 60 more people in Sofie's organisation, so a page of 50 is a full page.
  for (let i = 0; i < 60; i++) {
    const nrn = syntheticNationalNumber('700101', 200 + 2 * i);
    synthetic.add(nrn);
    expectStatus(
      await call('add-person', {
        as: DEMO.sofie,
        params: { enterpriseNumber: DEMO.adviesbureau },
        body: { nationalNumber: nrn },
      }),
      201,
      'add synthetic person',
    );
  }
  return { recorder, started };
}

async function measureUseCases(world: World): Promise<UseCaseRow[]> {
  const { recorder } = world;
  const rows: UseCaseRow[] = [];
  const en = DEMO.adviesbureau;
  /** Calls `fn` with `options`, checks the status and records what the call cost. */
  const measure = async (
    useCase: string,
    fn: string,
    kind: 'read' | 'write',
    options: CallOptions,
    status: number,
  ): Promise<{ res: CallResult; usage: Usage }> => {
    const { result, usage } = await recorder.measure(() => call(fn, options));
    expectStatus(result, status, useCase);
    rows.push({ useCase, fn, kind, usage, target: null, met: null });
    return { res: result, usage };
  };
  const org = { enterpriseNumber: en };
  const sofie = { as: DEMO.sofie };
  const relationship = (email: string, endDate = '2030-12-31') =>
    workRelationship({ startDate: TODAY, endDate, email });

  // Writes, in the order of the seed story.
  const added = await measure(
    'add a person',
    'add-person',
    'write',
    { ...sofie, params: org, body: { nationalNumber: DEMO.emma, reason: 'Nieuwe medewerker' } },
    201,
  );
  const personId = added.res.body.personId as string;
  const person = { enterpriseNumber: en, personId };
  await measure(
    'add a person with Idempotency-Key',
    'add-person',
    'write',
    {
      ...sofie,
      params: org,
      body: { nationalNumber: DEMO.lucas },
      headers: { 'idempotency-key': 'bench-1' },
    },
    201,
  );
  await measure(
    'create the work relationship',
    'create-work-relationship',
    'write',
    { ...sofie, params: person, body: relationship('emma.willems@example.be', '2035-11-25') },
    201,
  );
  await measure(
    'edit the work relationship',
    'update-work-relationship',
    'write',
    { ...sofie, params: person, body: { phone: '+3293456789' }, headers: { 'if-match': '"1"' } },
    200,
  );
  const granted = await measure(
    'grant a right',
    'grant-right',
    'write',
    {
      ...sofie,
      params: person,
      body: { right: VLAIO, profiles: [SP], startDate: TODAY, endDate: '2031-11-25' },
    },
    201,
  );
  const grant = granted.res.body.grants?.at(-1) ?? granted.res.body;
  const grantParams = { ...person, grantId: grant.grantId as string };
  await measure(
    'edit a right',
    'update-grant',
    'write',
    {
      ...sofie,
      params: grantParams,
      body: { profiles: [SP, 'Gebruiker'] },
      headers: { 'if-match': `"${grant.version}"` },
    },
    200,
  );
  await measure(
    'pause the relationship',
    'pause-work-relationship',
    'write',
    { ...sofie, params: person, body: { reason: 'Ouderschapsverlof' } },
    200,
  );
  await measure(
    'resume the relationship',
    'resume-work-relationship',
    'write',
    { ...sofie, params: person, body: {} },
    200,
  );

  // Reads.
  const access = await measure(
    'access check (portal)',
    'check-access',
    'read',
    {
      asService: ['access/check'],
      body: { nationalNumber: DEMO.tom, enterpriseNumber: DEMO.boekhouding, right: VLAIO, profile: SP },
    },
    200,
  );
  setTarget(
    rows,
    access.usage,
    'access check (portal)',
    'GetItem: 1 request, 0.5 RCU',
    (u) => u.total === 1 && u.requests.GetItem === 1 && u.rcu === 0.5,
  );
  const page = await measure('person page', 'get-person', 'read', { ...sofie, params: person }, 200);
  setTarget(
    rows,
    page.usage,
    'person page',
    '1 Query for the page (+1 strongly consistent GetItem, 1 RCU: the local-admin check of every organisation route)',
    (u) => u.requests.Query === 1 && u.total === 2 && u.requests.GetItem === 1,
  );
  const list = await measure(
    'a page of 50 persons',
    'list-persons',
    'read',
    { ...sofie, params: org, query: { limit: '50' } },
    200,
  );
  if (list.res.body.items.length !== 50)
    throw new Error(`expected 50 persons, got ${list.res.body.items.length}`);
  setTarget(
    rows,
    list.usage,
    'a page of 50 persons',
    '1 Query, ≤ 2 RCU for the page (+1 strongly consistent GetItem admin check, 1 RCU)',
    (u) => u.requests.Query === 1 && u.total === 2 && u.rcu - 1 <= 2,
  );
  await measure('history of a person', 'get-history', 'read', { ...sofie, params: person }, 200);
  // The Accounts tab's own route: the membership (for the pseudonym), then the person's logins
  // (two recorded first, so the item is read, not missed).
  for (const [amr, at] of [
    ['eid', '2026-11-20T08:00:00.000Z'],
    ['itsme', '2026-11-25T09:30:00.000Z'],
  ] as const)
    await recordLogin(await getDeps(), { nationalNumber: DEMO.emma, amr: [amr], at });
  await measure('accounts of a person', 'get-person-accounts', 'read', { ...sofie, params: person }, 200);
  const ids = list.res.body.items.slice(0, 3).map((p: { personId: string }) => p.personId);
  await measure(
    'compare 3 persons',
    'compare-persons',
    'read',
    { ...sofie, params: org, query: { personIds: ids.join(',') } },
    200,
  );
  await measure('right catalogue', 'list-rights', 'read', sofie, 200);
  await measure('who am I (me)', 'get-me', 'read', sofie, 200);
  await measure(
    'my access',
    'get-my-access',
    'read',
    { as: DEMO.tom, query: { enterpriseNumber: DEMO.boekhouding, right: VLAIO, profile: SP } },
    200,
  );
  await measure('local administrators', 'list-local-admins', 'read', { ...sofie, params: org }, 200);
  await measure(
    'register lookup',
    'lookup-national-register',
    'read',
    { ...sofie, params: org, body: { nationalNumber: DEMO.jonas } },
    200,
  );

  // More writes.
  await measure(
    'extend relationship and rights',
    'extend-work-relationship',
    'write',
    { ...sofie, params: person, body: { includeRights: true } },
    200,
  );
  const current = (await call('get-person', { ...sofie, params: person })).body;
  const currentGrant = current.grants.find((g: { grantId: string }) => g.grantId === grantParams.grantId);
  await measure(
    'revoke a right',
    'revoke-grant',
    'write',
    { ...sofie, params: grantParams, body: {}, headers: { 'if-match': `"${currentGrant.version}"` } },
    200,
  );
  await measure(
    'delete the relationship',
    'delete-work-relationship',
    'write',
    { ...sofie, params: person, body: {}, headers: { 'if-match': `"${current.relationship.version}"` } },
    200,
  );
  await measure(
    'quick grant (new person, relationship and right)',
    'quick-grant',
    'write',
    {
      ...sofie,
      params: org,
      body: {
        nationalNumber: DEMO.jonas,
        right: VLAIO,
        profiles: [SP],
        relationship: relationship('jonas@example.be'),
      },
    },
    201,
  );
  await measure(
    'remember the last organisation',
    'update-preferences',
    'write',
    { ...sofie, body: { lastOrganisation: en } },
    200,
  );
  const preferences = await measure('my preferences (Meldingen)', 'get-preferences', 'read', sofie, 200);
  await measure(
    'choose the weekly digest (Meldingen, If-Match)',
    'update-preferences',
    'write',
    {
      ...sofie,
      body: { notifications: { frequency: 'weekly' } },
      headers: { 'if-match': `"${preferences.res.body.version}"` },
    },
    200,
  );
  const appointed = await measure(
    'appoint a local administrator',
    'appoint-local-admin',
    'write',
    {
      as: DEMO.lotte,
      params: { enterpriseNumber: DEMO.consultancy },
      body: { nationalNumber: DEMO.lotte, reason: 'Zaakvoerder' },
    },
    201,
  );
  await measure(
    'remove a local administrator',
    'remove-local-admin',
    'write',
    {
      as: DEMO.lotte,
      params: { enterpriseNumber: DEMO.consultancy, personId: appointed.res.body.personId },
      body: {},
      headers: { 'if-match': `"${appointed.res.body.version ?? 1}"` },
    },
    200,
  );

  // The approval workflow: the request, then each step as its Task state calls it.
  const requested = await measure(
    'request access',
    'request-access',
    'write',
    {
      as: DEMO.pieter,
      body: { enterpriseNumber: en, right: VLAIO, profiles: [SP], reason: 'Ik dien aanvragen in.' },
    },
    202,
  );
  const approval = world.started.at(-1);
  if (!approval || approval.requestId !== requested.res.body.requestId)
    throw new Error('no approval started');
  const step = async (useCase: string, fn: string, input: unknown) => {
    const { usage } = await recorder.measure(() => invokeWorkflowStep(fn, input));
    rows.push({ useCase, fn, kind: 'write', usage, target: null, met: null });
  };
  await step('approval: open the task', 'workflow-open-approval-task', {
    ...approval,
    taskToken: 'bench-token',
  });
  await measure('my tasks', 'list-tasks', 'read', { ...sofie, params: org }, 200);
  await measure('my access requests', 'list-my-requests', 'read', { as: DEMO.pieter }, 200);
  const task = (await call('list-tasks', { ...sofie, params: org })).body.items[0];
  await measure(
    'decide a task (approve)',
    'decide-task',
    'write',
    {
      ...sofie,
      params: { enterpriseNumber: en, taskId: task.taskId },
      body: { decision: 'approve', reason: 'Akkoord', relationship: relationship('pieter@example.be') },
    },
    202,
  );
  const stored = await (await getDeps()).tasks.get(en, task.taskId);
  await step('approval: apply the decision', 'workflow-apply-approval-decision', {
    ...approval,
    decision: stored?.decision,
  });

  // The organisation's audit trail: a page is one Query on its index key.
  await measure(
    'the organisation’s audit trail (a page of 50)',
    'list-audit',
    'read',
    { ...sofie, params: org },
    200,
  );
  // Who held a right on a day: one Query of that right's holdings in this organisation.
  await measure(
    'who held a right on a day (holders)',
    'list-right-holders',
    'read',
    { ...sofie, params: { ...org, rightId: VLAIO_RIGHT }, query: { on: TODAY } },
    200,
  );

  // Access reviews: a campaign opened for this organisation by its step, then one answer.
  const startedReview = await call('start-review', { ...sofie, params: org, body: { confirm: true } });
  expectStatus(startedReview, 202, 'start a review');
  await step('access review: open a campaign (this organisation)', 'workflow-advance-review', {
    date: TODAY,
    enterpriseNumber: en,
    campaignId: startedReview.body.campaignId,
  });
  const review = await call('get-review', {
    ...sofie,
    params: { ...org, campaignId: startedReview.body.campaignId },
  });
  const line = (review.body.lines as { personId: string; grantId: string; name: string }[]).find(
    (l) => l.name !== 'Sofie Janssens',
  );
  if (!line) throw new Error('the bench review has no line');
  await measure(
    'a review decision (Behouden)',
    'answer-review-line',
    'write',
    {
      ...sofie,
      params: { ...org, campaignId: startedReview.body.campaignId },
      body: { personId: line.personId, grantId: line.grantId, decision: 'keep' },
    },
    200,
  );

  // The daily KBO follow, per organisation: a page of the organisations' list, then an organisation
  // whose KBO reading did not change (the usual day: read, compare, write nothing).
  const followed = { date: TODAY, enterpriseNumber: DEMO.boekhouding };
  await invokeWorkflowStep('workflow-follow-organisation', followed);
  const kboStep = async (
    useCase: string,
    fn: string,
    input: unknown,
    target: string,
    met: (u: Usage) => boolean,
  ) => {
    const { usage } = await recorder.measure(() => invokeWorkflowStep(fn, input));
    rows.push({ useCase, fn, kind: 'read', usage, target, met: met(usage) });
  };
  const writes = (u: Usage) =>
    (u.requests.TransactWriteItems ?? 0) + (u.requests.PutItem ?? 0) + (u.requests.UpdateItem ?? 0);
  await kboStep(
    'KBO follow: a page of organisations',
    'workflow-list-organisations',
    { input: { date: TODAY } },
    '1 Query a page (+ the day’s position: 1 GetItem, 1 PutItem)',
    (u) => u.requests.Query === 1,
  );
  await kboStep(
    'KBO follow: an organisation, nothing changed',
    'workflow-follow-organisation',
    followed,
    '1 GetItem, 1 Query, no write',
    (u) => writes(u) === 0 && u.requests.GetItem === 1 && u.requests.Query === 1,
  );

  // The target of every write: its change and history in one TransactWriteItems.
  for (const row of rows) {
    if (row.kind !== 'write') continue;
    const tx = row.usage.requests.TransactWriteItems ?? 0;
    if (row.fn === 'update-preferences') {
      row.target = 'one item, no history: 1 UpdateItem';
      row.met = row.usage.requests.UpdateItem === 1 && tx === 0;
    } else if (row.useCase.includes('Idempotency-Key')) {
      row.target = '1 TransactWriteItems (+ the idempotency record: 1 PutItem, 1 UpdateItem)';
      row.met = tx === 1;
    } else {
      row.target = '1 TransactWriteItems';
      row.met = tx === 1;
    }
  }
  return rows;
}

/**
 * The events each measured write must emit, by the rules of docs/events.md for what the bench does: an
 * edit of the phone emits nothing, an edit of the profiles `grant.updated`, the extension of a
 * relationship whose right is at its five years already `relationship.extended` alone, the deletion of a
 * relationship without rights `relationship.deleted` alone.
 */
const EXPECTED_EVENTS: Record<string, string[]> = {
  'add a person': [],
  'add a person with Idempotency-Key': [],
  'create the work relationship': ['relationship.created'],
  'edit the work relationship': [],
  'grant a right': ['grant.created'],
  'edit a right': ['grant.updated'],
  'pause the relationship': ['relationship.paused'],
  'resume the relationship': ['relationship.resumed'],
  'extend relationship and rights': ['relationship.extended'],
  'revoke a right': ['grant.revoked'],
  'delete the relationship': ['relationship.deleted'],
  'quick grant (new person, relationship and right)': ['relationship.created', 'grant.created'],
  'remember the last organisation': [],
  'choose the weekly digest (Meldingen, If-Match)': [],
  'appoint a local administrator': [],
  'remove a local administrator': [],
  'request access': [],
  'approval: open the task': [],
  'decide a task (approve)': [],
  'approval: apply the decision': ['relationship.created', 'grant.created'],
  'access review: open a campaign (this organisation)': [],
  'a review decision (Behouden)': [],
};

export function eventRows(rows: UseCaseRow[]): EventsRow[] {
  return rows
    .filter((r) => r.kind === 'write' || r.useCase in EXPECTED_EVENTS)
    .map((r) => {
      const expected = EXPECTED_EVENTS[r.useCase];
      const written = r.usage.events ?? [];
      return {
        useCase: r.useCase,
        fn: r.fn,
        written,
        expected: expected ?? [],
        met: expected !== undefined && JSON.stringify(written) === JSON.stringify(expected),
      };
    });
}

function setTarget(
  rows: UseCaseRow[],
  usage: Usage,
  useCase: string,
  target: string,
  check: (u: Usage) => boolean,
): void {
  const row = rows.find((r) => r.useCase === useCase)!;
  row.target = target;
  row.met = check(usage);
}

// ---------------------------------------------------------------------------------------------------
// Expiry sweep: reads against table size and number of due items

const SWEEP_DATE = '2027-06-15';

/** A grant item as the store writes it (keys, by-date index entry), with an end date. */
function benchGrant(i: number, endDate: string): Record<string, unknown> {
  return grantItem(
    {
      enterpriseNumber: '0795012394',
      personId: `01BENCHPERSON${String(i).padStart(13, '0')}`,
      grantId: `01BENCHGRANT${String(i).padStart(14, '0')}`,
      endDate,
    },
    {
      right: VLAIO,
      profiles: [SP],
      startDate: '2026-01-01',
      status: 'active',
      reason: null,
      createdAt: '2026-01-01T00:00:00.000Z',
      version: 1,
    },
  );
}

/** End dates of the grants that are not due: spread over four years, far from the sweep's days. */
const notDue = (i: number) => addDays('2028-01-01', i % 1460);

async function sweepScaling(endpoint: string, sizes: number[], digests: DigestRow[]): Promise<SweepRow[]> {
  const rows: SweepRow[] = [];
  const dueDate = addDays(SWEEP_DATE, 60);
  for (const n of sizes) {
    const client = new DynamoDBClient({ ...localDynamoClientConfig(endpoint), maxAttempts: 5 });
    const tableName = uniqueName(`sweep-${n}`);
    await ensureTable(client, tableName, { stream: false });
    const t0 = performance.now();
    await batchPut(
      client,
      tableName,
      Array.from({ length: n }, (_, i) => benchGrant(i, notDue(i))),
    );
    log(`  sweep: ${n} grants written in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    process.env[ENV.tableName] = tableName;
    resetDeps();
    const deps = await getDeps();
    const recorder = new CapacityRecorder();
    recorder.attach(deps.clients.client);
    let due = 0;
    // At the largest table, every grant due on one day too: FindDue pages through all of them.
    const ks = n === Math.max(...sizes) ? [0, 100, 1000, n] : [0, 100, 1000];
    for (const k of ks) {
      // k of the N grants now end 60 days after the sweep's day: the sweep must warn about exactly those.
      await batchPut(
        client,
        tableName,
        Array.from({ length: k - due }, (_, j) => benchGrant(due + j, dueDate)),
      );
      due = k;
      await client.send(new DeleteItemCommand({ TableName: tableName, Key: marshall(keys.sweep()) }));
      const started = performance.now();
      // FindDue, then FindMore page after page, as the state machine runs them.
      type Page = { date: string; from: string; through: string; items: unknown[]; cursor: string | null };
      const { result, usage } = await recorder.measure(async () => {
        let page = (await invokeWorkflowStep('workflow-find-due-items', {
          input: { date: SWEEP_DATE },
        })) as Page;
        let items = page.items.length;
        let pages = 1;
        let largest = Buffer.byteLength(JSON.stringify(page));
        while (page.cursor) {
          const { date, from, through, cursor } = page;
          page = (await invokeWorkflowStep('workflow-find-due-items', {
            page: { date, from, through, cursor },
          })) as Page;
          items += page.items.length;
          pages += 1;
          largest = Math.max(largest, Buffer.byteLength(JSON.stringify(page)));
        }
        return { items, pages, largest };
      });
      rows.push({
        grants: n,
        due: k,
        queries: usage.requests.Query ?? 0,
        rcu: usage.rcu,
        itemsFound: result.items,
        pages: result.pages,
        largestPageBytes: result.largest,
        ms: Math.round(performance.now() - started),
      });
    }
    // The digests on the same table: what they read must not grow with its N grants either.
    for (const [i, k] of DIGEST_SIZES.entries()) {
      digests.push(await digestCost(client, tableName, recorder, n, k, addDays(DIGEST_DAY, 7 * i)));
    }
    client.destroy();
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------------
// The local administrators' digests: cost against due items and table size

const DIGEST_SIZES = [10, 100, 1000];
/** A Wednesday (no weekly round): the digests of the day read that day's lines only. */
const DIGEST_DAY = '2027-08-04';
const PER_ORGANISATION = 10;

/**
 * k persons with a right warned about on `day`, 10 per organisation, each organisation with two local
 * administrators who have an address there; their digest lines recorded as HandleItem records them
 * (one transaction each, measured apart); then PlanDigests page by page and SendDigest per
 * organisation, as the state machine runs them, measured together.
 */
async function digestCost(
  client: DynamoDBClient,
  tableName: string,
  recorder: CapacityRecorder,
  grants: number,
  k: number,
  day: string,
): Promise<DigestRow> {
  if (isWeeklyRound({ from: day, through: day })) throw new Error(`${day} is a weekly round`);
  const deps = await getDeps();
  const organisations = Math.ceil(k / PER_ORGANISATION);
  const items: Record<string, unknown>[] = [];
  const lines: DigestLine[] = [];
  const id = (kind: string, i: number) =>
    `01BENCH${kind}${String(day.replaceAll('-', ''))}${String(i).padStart(7, '0')}`.slice(0, 26);
  for (let o = 0; o < organisations; o++) {
    const en = `0${String(300_000_000 + grants / 1000 + o * 7 + k).padStart(9, '0')}`;
    const member = (personId: string, index: number, endDate: string, email?: string) => {
      const { aggregate } = personWithDueRight({
        personId,
        grantId: id('G', index),
        enterpriseNumber: en,
        index,
        endDate,
        startDate: '2025-01-01',
        ...(email ? { email } : {}),
        pseudonymize: deps.pseudonymize,
      });
      for (const t of membershipItems(tableName, null, aggregate, [], '2025-01-01'))
        if (t.Put?.Item) items.push(t.Put.Item);
      return aggregate;
    };
    for (let a = 0; a < 2; a++) {
      const index = 900_000 + o * 2 + a;
      const personId = id('A', index);
      member(personId, index, '2029-12-31', `beheerder${a}@org${o}.example.be`);
      const admin = adminItem(tableName, {
        enterpriseNumber: en,
        personId,
        pseudonym: deps.pseudonymize(`due-${index}`),
        name: `Beheerder ${a}`,
        appointedAt: '2025-01-01T00:00:00.000Z',
        appointedBy: 'Bench',
        version: 1,
      });
      if (admin.Put?.Item) items.push(admin.Put.Item);
    }
    for (let j = 0; j < PER_ORGANISATION && o * PER_ORGANISATION + j < k; j++) {
      const index = o * PER_ORGANISATION + j;
      const personId = id('P', index);
      const endDate = addDays(day, 60);
      const agg = member(personId, index, endDate);
      lines.push({
        day,
        enterpriseNumber: en,
        organisationName: agg.membership.organisationName,
        personId,
        personName: `${agg.membership.person.firstName} ${agg.membership.person.lastName}`,
        kind: 'grant',
        grantId: agg.grants[0]!.grantId,
        right: VLAIO,
        endDate,
        notice: 'warning',
        warning: 60,
        marker: noticeName(
          { kind: 'grant', personId, grantId: agg.grants[0]!.grantId, endDate },
          'warning-60',
        ),
        individually: [],
      });
    }
  }
  await batchPut(client, tableName, items, 8);
  const recorded = await recorder.measure(async () => {
    for (const line of lines) await deps.unitOfWork().addDigestLine(line).commit();
  });
  let sent = 0;
  await setDeps({ mailer: { send: async () => void sent++ } });
  const started = performance.now();
  type Plan = {
    date: string;
    from: string;
    through: string;
    organisations: unknown[];
    cursor: string | null;
  };
  const { result, usage } = await recorder.measure(async () => {
    let page = (await invokeWorkflowStep('workflow-plan-digests', {
      run: { date: day, from: day, through: day },
    })) as Plan;
    let pages = 1;
    let shown = 0;
    for (;;) {
      for (const target of page.organisations) {
        const r = (await invokeWorkflowStep('workflow-send-digest', target)) as { lines: number };
        shown += r.lines;
      }
      if (!page.cursor) break;
      const { date, from, through, cursor } = page;
      page = (await invokeWorkflowStep('workflow-plan-digests', {
        page: { date, from, through, cursor },
      })) as Plan;
      pages += 1;
    }
    return { pages, shown };
  });
  return {
    grants,
    due: k,
    organisations,
    digests: sent,
    lines: result.shown,
    pages: result.pages,
    requests: usage.requests,
    rcu: usage.rcu,
    wcu: usage.wcu,
    lineWcu: recorded.usage.wcu,
    ms: Math.round(performance.now() - started),
  };
}

function digestVerdict(rows: DigestRow[]): { met: boolean; note: string } {
  const sizes = [...new Set(rows.map((r) => r.grants))];
  const at = (n: number, k: number) => rows.find((r) => r.grants === n && r.due === k)!;
  const total = (r: DigestRow) => Object.values(r.requests).reduce((a, b) => a + b, 0);
  const sameAcrossSizes = DIGEST_SIZES.every((k) =>
    sizes.every((n) => total(at(n, k)) === total(at(sizes[0]!, k)) && at(n, k).rcu === at(sizes[0]!, k).rcu),
  );
  const grows = sizes.every((n) => {
    const [a, b, c] = DIGEST_SIZES.map((k) => at(n, k).rcu);
    return a! < b! && b! < c!;
  });
  const complete = rows.every((r) => r.digests === 2 * r.organisations && r.lines === 2 * r.due);
  const noScan = rows.every((r) => !r.requests.Scan);
  return {
    met: sameAcrossSizes && grows && complete && noScan,
    note: `Every administrator got one digest with every line: ${complete}; same requests and RCU for the same k at N = ${sizes.join(' and ')}: ${sameAcrossSizes}; RCU grows with k: ${grows}; no Scan: ${noScan}.`,
  };
}

function sweepVerdict(rows: SweepRow[]): { met: boolean; note: string } {
  const bySize = new Map<number, SweepRow[]>();
  for (const r of rows) bySize.set(r.grants, [...(bySize.get(r.grants) ?? []), r]);
  const sizes = [...bySize.keys()];
  // Independent of N: the same k costs the same at every table size.
  const sameAcrossSizes = [0, 100, 1000].every((k) => {
    const costs = sizes.map((n) => bySize.get(n)!.find((r) => r.due === k)!);
    return costs.every((c) => c.queries === costs[0]!.queries && c.rcu === costs[0]!.rcu);
  });
  const found = rows.every((r) => r.itemsFound === r.due);
  const withinLimit = rows.every((r) => (r.largestPageBytes ?? 0) <= 256 * 1024);
  const grows = sizes.every((n) => {
    const [a, b, c] = [0, 100, 1000].map((k) => bySize.get(n)!.find((r) => r.due === k)!.rcu);
    return a! <= b! && b! < c!;
  });
  return {
    met: sameAcrossSizes && found && grows && withinLimit,
    note: `FindDue found exactly the k due grants: ${found}; same requests and RCU for the same k at N = ${sizes.join(' and ')}: ${sameAcrossSizes}; RCU grows with k: ${grows}; every page within 256 KiB: ${withinLimit}.`,
  };
}

// ---------------------------------------------------------------------------------------------------

export async function runCapacity(
  endpoint: string,
  opts: { sweepSizes: number[] },
): Promise<CapacityResults> {
  const logLevel = process.env.POWERTOOLS_LOG_LEVEL;
  process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';
  try {
    log('capacity: calibration');
    const calibration = await calibrate(endpoint);
    log('capacity: use cases');
    const world = await setUpWorld(endpoint);
    const rows = await measureUseCases(world);
    log(`capacity: expiry sweep and digests at N = ${opts.sweepSizes.join(', ')}`);
    const digests: DigestRow[] = [];
    const sweep = await sweepScaling(endpoint, opts.sweepSizes, digests);
    log('capacity: opening an access review of 1,000 lines');
    const opening = await reviewOpening(endpoint, 1000);
    return {
      events: eventRows(rows),
      reviewOpening: opening,
      calibration,
      transactionCorrection:
        'TransactWriteItems: WCU = 2 × the table units DynamoDB Local reports + the index units it reports.',
      useCases: rows,
      sweep,
      sweepVerdict: sweepVerdict(sweep),
      digests,
      digestVerdict: digestVerdict(digests),
    };
  } finally {
    if (logLevel === undefined) delete process.env.POWERTOOLS_LOG_LEVEL;
    else process.env.POWERTOOLS_LOG_LEVEL = logLevel;
    resetDeps();
  }
}
