/**
 * The daily expiry sweep's three workflow steps (infra/workflows/expiry.asl.json):
 *
 * - FindDue reads only the partitions `DUE#{date}` of the sparse by-date index that matter for the
 *   days the run covers (60, 30, 7 and 1 days ahead, and yesterday), never a Scan; it catches up on
 *   days a failed or missed run left out (from the `SWEEP/LAST` item, at most 60 days). It returns one
 *   page of at most SWEEP_PAGE_SIZE items and a cursor; the state machine loops over the pages, so no
 *   state's input or output comes near the 256 KiB Step Functions allows, however much is due.
 * - HandleDueItem warns the person and the local administrators and opens one task *Verlengen?* per
 *   item and end date, or marks the item expired with its history entry; then it e-mails. Notice
 *   markers written in the same transaction make every step happen once; a marker stays `pending`
 *   until every e-mail went out, so a failed e-mail is sent by the next attempt instead of being lost.
 *   An address the mail service refuses for good is skipped and reported, not retried for ever.
 * - RecordFailure (the Map's per-item catch) reports an item that failed for good, so one bad item
 *   does not stop the day; what failed only for the moment fails the run, and the next one covers the
 *   day again.
 * - CompleteSweep records the last day swept.
 */
import * as z from 'zod/mini';
import { ENV } from '#lib/config/env-names';
import { BusinessRuleError, TransientError, ValidationError } from '#lib/domain/errors';
import {
  type DueEntry,
  type DueItem,
  daysBetween,
  expireGrant,
  expireRelationship,
  findDueTarget,
  type Notice,
  noticeName,
  partitionsToQuery,
  planFor,
  staleReason,
  sweepRange,
  WARNING_OFFSETS,
} from '#lib/domain/expiry';
import type { Clock, PersonAggregate, RightGrant, WorkRelationship } from '#lib/domain/membership';
import { parseCalendarDate, todayInBrussels } from '#lib/domain/period';
import { type Email, MailRefusedError } from '#lib/domain/ports';
import type { Actor } from '#lib/domain/records';
import type { Task } from '#lib/domain/tasks';
import { type CaughtError, failureMessage } from '#lib/services/access-requests';
import { changeAggregate, withRetry } from '#lib/services/aggregate';
import type { Deps } from '#lib/services/deps';
import { uiLinks } from '#lib/services/links';
import { expiryWarning, formatDateNl, itemExpired } from '#lib/services/messages';

/** Who the history names for what the sweep does. */
export const SWEEP_ACTOR: Actor = { personId: 'SYSTEM', name: 'Vervaldatumcontrole' };

// ---------------------------------------------------------------------------------------------------
// Observing a run (the local `npm run sweep` prints a summary; in AWS the logs and metrics do)

export interface DueItemResult {
  outcome: 'warned' | 'expired' | 'skipped';
  /** Why nothing was done: the item is gone, its end date changed, or this was done already. */
  reason?: 'gone' | 'changed' | 'already-expired' | 'already-sent';
  emails: number;
  /** Recipients whose address the mail service refused for good (reported, not retried). */
  refused?: number;
  taskOpened: boolean;
}

export type SweepEvent =
  | { type: 'planned'; date: string; from: string; through: string; items: number; partitions: number }
  | { type: 'handled'; item: DueItem; result: DueItemResult }
  | { type: 'failed'; item: DueItem; code: string }
  | { type: 'completed'; through: string; advanced: boolean };

const listeners = new Set<(event: SweepEvent) => void>();

/** Calls `listener` for every step of sweeps run in this process; returns the unsubscribe. */
export function observeSweep(listener: (event: SweepEvent) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function emit(event: SweepEvent): void {
  for (const listener of listeners) listener(event);
}

// ---------------------------------------------------------------------------------------------------
// FindDue

/**
 * Due items per page: about 200 bytes each, so a page stays near 100 KB, well below 256 KiB.
 * `SWEEP_PAGE_SIZE` overrides it (the tests show what a page too large does).
 */
export const SWEEP_PAGE_SIZE = 500;
const pageSizeFromEnv = () => Number(process.env.SWEEP_PAGE_SIZE) || SWEEP_PAGE_SIZE;

const Day = z.string().check(z.refine((v) => parseCalendarDate(v).ok, 'Geef de datum op als JJJJ-MM-DD.'));

const FindDueInput = z.union([
  // The next page of a run: its range and where the previous page stopped.
  z.object({
    page: z.object({ date: Day, from: Day, through: Day, cursor: z.string().check(z.minLength(1)) }),
  }),
  z.object({
    input: z.nullish(z.looseObject({ date: z.optional(Day) })),
    startTime: z.optional(z.string()),
  }),
]);
type FirstPageInput = {
  input?: { date?: string | undefined } | null | undefined;
  startTime?: string | undefined;
};

export interface FindDueOutput {
  /** The day the run is for. */
  date: string;
  /** The first day the run covers (earlier than `date` after missed days). */
  from: string;
  /** The last day covered: what CompleteSweep records. */
  through: string;
  items: DueItem[];
  /** Where the next page starts; `null` on the last page. Ids only (index keys), never personal data. */
  cursor: string | null;
}

function invalid(error: z.core.$ZodError): ValidationError {
  return new ValidationError(
    error.issues.map((i) => ({ path: i.path.join('.'), code: 'invalid', message: i.message })),
  );
}

/**
 * The day a run is for: the input's `date`, else the fixed demo day (APP_TODAY), else the Brussels
 * calendar day at the execution's start (a retried step keeps the day it started on).
 */
function runDate(input: FirstPageInput, deps: Deps): string {
  if (input.input?.date) return input.input.date;
  const fixed = process.env[ENV.today];
  if (fixed && parseCalendarDate(fixed).ok) return fixed;
  const start = input.startTime ? new Date(input.startTime) : new Date(deps.clock().now);
  return todayInBrussels(Number.isNaN(start.getTime()) ? new Date(deps.clock().now) : start);
}

/** Position in a run: the partition (index into partitionsToQuery) and the Query's start key in it. */
interface Cursor {
  p: number;
  k?: Record<string, unknown>;
}

const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');

function decodeCursor(text: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Cursor;
    if (Number.isInteger(c.p) && c.p >= 0 && (c.k === undefined || typeof c.k === 'object')) return c;
  } catch {
    // Falls through to the refusal.
  }
  throw new ValidationError([{ path: 'page.cursor', code: 'invalid', message: 'Ongeldige cursor.' }]);
}

export async function findDueItems(
  deps: Deps,
  event: unknown,
  pageSize = pageSizeFromEnv(),
): Promise<FindDueOutput> {
  const parsed = FindDueInput.safeParse(event ?? {});
  if (!parsed.success) throw invalid(parsed.error);
  const store = deps.expiry;
  let date: string;
  let range: { from: string; through: string };
  let cursor: Cursor;
  if ('page' in parsed.data) {
    date = parsed.data.page.date;
    range = { from: parsed.data.page.from, through: parsed.data.page.through };
    cursor = decodeCursor(parsed.data.page.cursor);
  } else {
    date = runDate(parsed.data, deps);
    range = sweepRange(date, await store.lastSweep());
    cursor = { p: 0 };
  }
  const partitions = partitionsToQuery(range);
  const items: DueItem[] = [];
  let at: Cursor | null = cursor;
  // Partitions one after the other, each page by page, until the page is full or the run is done.
  while (at && at.p < partitions.length && items.length < pageSize) {
    const partition = partitions[at.p]!;
    const { entries, next } = await store.duePage(partition.endDate, {
      notExpired: partition.action === 'expire',
      limit: pageSize - items.length,
      start: at.k,
    });
    for (const entry of entries) {
      const plan = planFor(entry.endDate, range);
      if (!plan) continue;
      items.push({
        ...entry,
        action: plan.action,
        ...(plan.action === 'warn' ? { warning: plan.warning } : {}),
        date: range.through,
      });
    }
    at = next ? { p: at.p, k: next } : { p: at.p + 1 };
  }
  const done = !at || at.p >= partitions.length;
  if (cursor.p === 0 && !cursor.k) {
    emit({ type: 'planned', date, ...range, items: items.length, partitions: partitions.length });
  }
  return { date, ...range, items, cursor: done || !at ? null : encodeCursor(at) };
}

// ---------------------------------------------------------------------------------------------------
// HandleDueItem

const DueItemInput = z.object({
  kind: z.enum(['relationship', 'grant']),
  enterpriseNumber: z.string().check(z.regex(/^\d{10}$/)),
  personId: z.string().check(z.minLength(1)),
  grantId: z.optional(z.string().check(z.minLength(1))),
  endDate: Day,
  action: z.enum(['warn', 'expire']),
  warning: z.optional(z.literal(WARNING_OFFSETS)),
  date: Day,
});

interface Recipient {
  /** Recorded in the marker once delivered: `person` or `admin#{personId}`, never an address. */
  id: string;
  name: string;
  email: string;
}

/** The person (their relationship's e-mail) and the local administrators (theirs at this organisation). */
async function recipients(deps: Deps, agg: PersonAggregate): Promise<Recipient[]> {
  const en = agg.membership.enterpriseNumber;
  const out: Recipient[] = [];
  if (agg.relationship?.email) out.push({ id: 'person', name: fullName(agg), email: agg.relationship.email });
  const admins = await deps.admins.list(en);
  const adminAggs = await Promise.all(
    admins.map((a) => deps.memberships.load(en, a.personId, { consistent: false })),
  );
  for (const [i, admin] of admins.entries()) {
    const email = adminAggs[i]?.relationship?.email;
    if (email) out.push({ id: `admin#${admin.personId}`, name: admin.name, email });
  }
  // One e-mail per address: an administrator whose own item runs out gets the person's e-mail.
  const seen = new Set<string>();
  return out.filter((r) => {
    const key = r.email.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** What runs out, in words: "Gebruikersrecht VLAIO Inkom Gebruiker Nieuw" or "Werkrelatie". */
function itemLabel(target: WorkRelationship | RightGrant): string {
  return 'grantId' in target ? `Gebruikersrecht ${rightOf(target)}` : 'Werkrelatie';
}

function rightOf(target: WorkRelationship | RightGrant): string | undefined {
  return 'grantId' in target ? (target.rightName ?? target.rightId) : undefined;
}

function fullName(agg: PersonAggregate): string {
  return `${agg.membership.person.firstName} ${agg.membership.person.lastName}`;
}

export function extensionTaskTitle(label: string, name: string, endDate: string): string {
  return `Verlengen? ${label} van ${name} loopt af op ${formatDateNl(endDate)}`;
}

function extensionTask(
  deps: Deps,
  agg: PersonAggregate,
  target: WorkRelationship | RightGrant,
  item: DueItem,
  now: string,
): Task {
  const grant = 'grantId' in target ? target : null;
  return {
    taskId: deps.newId(),
    enterpriseNumber: item.enterpriseNumber,
    kind: 'extension',
    status: 'open',
    title: extensionTaskTitle(itemLabel(target), fullName(agg), item.endDate),
    subject: {
      personId: item.personId,
      name: fullName(agg),
      right: grant?.rightId ?? null,
      profiles: grant?.profiles ?? [],
      endDate: item.endDate,
      item: item.kind,
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

const personUrl = (deps: Deps, item: DueItem) =>
  uiLinks(deps.appUrl).person(item.enterpriseNumber, item.personId);

/** The report key of a due item: `{REL|GRANT}#{en}#{personId}[#{grantId}]` (ids only). */
function itemKey(item: DueItem): string {
  const kind = item.kind === 'grant' ? 'GRANT' : 'REL';
  return `${kind}#${item.enterpriseNumber}#${item.personId}${item.grantId ? `#${item.grantId}` : ''}`;
}

/**
 * Sends what a pending marker still owes, recording each recipient; then marks it sent. An address the
 * mail service refuses for good counts as done and is reported (never the address itself), so it
 * neither blocks the other recipients nor comes back in every later run; any other failure is retried.
 */
async function deliver(
  deps: Deps,
  item: DueItem,
  what: string,
  notice: Pick<Notice, 'delivered'>,
  mails: { recipient: Recipient; email: Email }[],
): Promise<{ sent: number; refused: number }> {
  const store = deps.expiry;
  let sent = 0;
  let refused = 0;
  for (const { recipient, email } of mails) {
    if (notice.delivered.includes(recipient.id)) continue;
    try {
      await deps.mailer.send(email);
      sent += 1;
    } catch (error) {
      if (!(error instanceof MailRefusedError)) {
        // Retried by the state machine; the marker stays pending, so a later run finishes it too.
        throw new TransientError('An e-mail could not be sent.', { cause: error });
      }
      refused += 1;
      await store.recordFailure({
        date: item.date,
        itemKey: `${itemKey(item)}#${recipient.id}`,
        enterpriseNumber: item.enterpriseNumber,
        reason: 'mail-refused',
        code: 'mail.refused',
        detail: 'De mailserver weigert dit e-mailadres; kijk het na in de werkrelatie.',
        at: deps.clock().now,
      });
    }
    await store.delivered(item.enterpriseNumber, item.personId, what, recipient.id);
  }
  await store.sent(item.enterpriseNumber, item.personId, what, deps.clock().now);
  return { sent, refused };
}

class Skip extends Error {
  constructor(readonly reason: NonNullable<DueItemResult['reason']>) {
    super(reason);
  }
}

function asEntry(item: DueItem): DueEntry {
  return {
    kind: item.kind,
    enterpriseNumber: item.enterpriseNumber,
    personId: item.personId,
    ...(item.grantId ? { grantId: item.grantId } : {}),
    endDate: item.endDate,
  };
}

/** A warning: marker (and, the first time for this item and end date, the task) in one transaction, then e-mail. */
async function warn(deps: Deps, item: DueItem): Promise<DueItemResult> {
  const store = deps.expiry;
  const what = noticeName(item, `warning-${item.warning ?? 1}`);
  const taskWhat = noticeName(item, 'task');
  const en = item.enterpriseNumber;
  const personId = item.personId;

  const state = await withRetry(async () => {
    const agg = await deps.memberships.load(en, personId);
    const target = findDueTarget(agg, item);
    const stale = staleReason(target, item);
    if (stale || !agg || !target) return { skip: stale ?? 'gone' } as const;
    const notice = await store.getNotice(en, personId, what);
    if (notice?.status === 'sent') return { skip: 'already-sent' } as const;
    if (notice) return { agg, target, notice, taskOpened: false };
    const now = deps.clock().now;
    const hasTask = (await store.getNotice(en, personId, taskWhat)) !== null;
    const task = hasTask ? null : extensionTask(deps, agg, target, item, now);
    const work = deps
      .unitOfWork()
      .requireEnding(asEntry(item))
      .addNotice(en, personId, what, { at: now, status: 'pending' });
    if (task) work.addTask(task).addNotice(en, personId, taskWhat, { at: now, taskId: task.taskId });
    await work.commit();
    return { agg, target, notice: { delivered: [] as string[] }, taskOpened: task !== null };
  });
  if ('skip' in state) return { outcome: 'skipped', reason: state.skip, emails: 0, taskOpened: false };

  const { agg, target } = state;
  const daysLeft = Math.max(0, daysBetween(item.date, item.endDate));
  const mails = (await recipients(deps, agg)).map((recipient) => ({
    recipient,
    email: {
      to: [recipient.email],
      ...expiryWarning({
        recipientName: recipient.name,
        organisationName: agg.membership.organisationName,
        personName: fullName(agg),
        item: item.kind,
        ...(rightOf(target) ? { right: rightOf(target) } : {}),
        endDate: item.endDate,
        daysLeft,
        tasksUrl: uiLinks(deps.appUrl).tasks(item.enterpriseNumber),
        personUrl: personUrl(deps, item),
      }),
    },
  }));
  const { sent, refused } = await deliver(deps, item, what, state.notice, mails);
  return { outcome: 'warned', emails: sent, refused, taskOpened: state.taskOpened };
}

/** An expiry: the item keeps its history and gets `expiredOn`, with its marker, in one transaction; then e-mail. */
async function expire(deps: Deps, item: DueItem): Promise<DueItemResult> {
  const store = deps.expiry;
  const what = noticeName(item, 'expired');
  const en = item.enterpriseNumber;
  const personId = item.personId;
  let notice: Pick<Notice, 'delivered' | 'status'> | null = await store.getNotice(en, personId, what);
  if (notice?.status === 'sent')
    return { outcome: 'skipped', reason: 'already-sent', emails: 0, taskOpened: false };
  let agg: PersonAggregate | null = null;
  if (!notice) {
    try {
      agg = await changeAggregate(
        deps,
        { enterpriseNumber: en, personId, actor: SWEEP_ACTOR },
        (loaded, clock) => {
          const stale = staleReason(findDueTarget(loaded, item), item);
          if (stale) throw new Skip(stale);
          // The sweep's day, not the wall clock's: a run for another day (a catch-up, `npm run sweep
          // -- --date`) expires what ended before that day.
          const day: Clock = { today: item.date, now: clock.now };
          return item.kind === 'relationship'
            ? expireRelationship(loaded, item.endDate, day)
            : expireGrant(loaded, item.grantId ?? '', item.endDate, day);
        },
        (work, _change, clock) => {
          work.addNotice(en, personId, what, { at: clock.now, status: 'pending' });
        },
      );
      notice = { status: 'pending', delivered: [] };
    } catch (error) {
      if (error instanceof Skip) {
        // Expired by a concurrent run whose e-mails may still be owed: finish them, at least once.
        const pending = error.reason === 'already-expired' ? await store.getNotice(en, personId, what) : null;
        if (pending?.status !== 'pending')
          return { outcome: 'skipped', reason: error.reason, emails: 0, taskOpened: false };
        notice = pending;
      } else if (error instanceof BusinessRuleError && error.code === 'expiry.not-due') {
        return { outcome: 'skipped', reason: 'changed', emails: 0, taskOpened: false };
      } else throw error;
    }
  }
  agg ??= await deps.memberships.load(en, personId);
  const target = findDueTarget(agg, item);
  if (!agg || !target || target.endDate !== item.endDate) {
    // Gone or extended since it expired: there is nothing left to tell.
    await store.sent(en, personId, what, deps.clock().now);
    return { outcome: 'expired', emails: 0, taskOpened: false };
  }
  const mails = (await recipients(deps, agg)).map((recipient) => ({
    recipient,
    email: {
      to: [recipient.email],
      ...itemExpired({
        organisationName: agg.membership.organisationName,
        personName: fullName(agg),
        item: item.kind,
        ...(rightOf(target) ? { right: rightOf(target) } : {}),
        endDate: item.endDate,
        personUrl: personUrl(deps, item),
      }),
    },
  }));
  const { sent, refused } = await deliver(deps, item, what, notice, mails);
  return { outcome: 'expired', emails: sent, refused, taskOpened: false };
}

export async function handleDueItem(deps: Deps, event: unknown): Promise<DueItemResult> {
  const parsed = DueItemInput.safeParse(event);
  if (!parsed.success) throw invalid(parsed.error);
  const item = parsed.data as DueItem;
  if (item.kind === 'grant' && !item.grantId) {
    throw new ValidationError([
      { path: 'grantId', code: 'invalid', message: 'Een recht heeft een grantId.' },
    ]);
  }
  const result = item.action === 'warn' ? await warn(deps, item) : await expire(deps, item);
  emit({ type: 'handled', item, result });
  return result;
}

// ---------------------------------------------------------------------------------------------------
// RecordFailure

const RecordFailureInput = z.looseObject({
  kind: z.enum(['relationship', 'grant']),
  enterpriseNumber: z.string().check(z.regex(/^\d{10}$/)),
  personId: z.string().check(z.minLength(1)),
  grantId: z.optional(z.string()),
  date: Day,
  error: z.optional(z.looseObject({ Error: z.optional(z.string()), Cause: z.optional(z.string()) })),
});

/**
 * The Map's catch for one item that failed for good (bad data, a bug): reported for the day, so the
 * rest of the day and the record of the day swept go on. Only ids and the error's code are kept.
 */
export async function recordSweepFailure(deps: Deps, event: unknown): Promise<{ recorded: true }> {
  const parsed = RecordFailureInput.safeParse(event);
  if (!parsed.success) throw invalid(parsed.error);
  const item = parsed.data as unknown as DueItem & { error?: CaughtError };
  const { code, message } = failureMessage(item.error, 'Kon door een technische fout niet verwerkt worden.');
  await deps.expiry.recordFailure({
    date: item.date,
    itemKey: itemKey(item),
    enterpriseNumber: item.enterpriseNumber,
    reason: 'failed',
    code,
    detail: message,
    at: deps.clock().now,
  });
  deps.log.error('due item not handled', { code, kind: item.kind });
  emit({ type: 'failed', item, code });
  return { recorded: true };
}

// ---------------------------------------------------------------------------------------------------
// CompleteSweep

const CompleteSweepInput = z.object({ through: Day });

export async function completeSweep(
  deps: Deps,
  event: unknown,
): Promise<{ through: string; advanced: boolean }> {
  const parsed = CompleteSweepInput.safeParse(event);
  if (!parsed.success) throw invalid(parsed.error);
  const result = await deps.expiry.completeSweep(parsed.data.through, deps.clock().now);
  emit({ type: 'completed', ...result });
  return result;
}
