/**
 * The daily expiry sweep's three workflow steps (infra/workflows/expiry.asl.json):
 *
 * - FindDue reads only the partitions `DUE#{date}` of the sparse by-date index that matter for the
 *   days the run covers (60, 30, 7 and 1 days ahead, and yesterday), never a Scan; it catches up on
 *   days a failed or missed run left out (from the `SWEEP/LAST` item, at most 60 days).
 * - HandleDueItem warns the person and the local administrators and opens one task *Verlengen?* per
 *   item and end date, or marks the item expired with its history entry; then it e-mails. Notice
 *   markers written in the same transaction make every step happen once; a marker stays `pending`
 *   until every e-mail went out, so a failed e-mail is sent by the next attempt instead of being lost.
 * - CompleteSweep records the last day swept.
 */
import * as z from 'zod/mini';
import { type DueEntry, ExpiryStore, type Notice } from '#lib/adapters/dynamodb/expiry-store';
import type { Actor } from '#lib/adapters/dynamodb/store';
import { ENV } from '#lib/config/env-names';
import { BusinessRuleError, ValidationError } from '#lib/domain/errors';
import {
  type DueItem,
  daysBetween,
  expireGrant,
  expireRelationship,
  findDueTarget,
  noticeName,
  partitionsToQuery,
  planFor,
  staleReason,
  sweepRange,
  WARNING_OFFSETS,
} from '#lib/domain/expiry';
import type { Clock, PersonAggregate, RightGrant, WorkRelationship } from '#lib/domain/membership';
import { parseCalendarDate, todayInBrussels } from '#lib/domain/period';
import type { Email } from '#lib/domain/ports';
import type { Task } from '#lib/domain/tasks';
import type { Deps } from '#lib/http/deps';
import { TransientError } from '#lib/http/workflow-handler';
import { changeAggregate, withRetry } from '#lib/services/aggregate';
import { expiryWarning, formatDateNl, itemExpired } from '#lib/services/messages';

/** Who the history names for what the sweep does. */
export const SWEEP_ACTOR: Actor = { personId: 'SYSTEM', name: 'Vervaldatumcontrole' };

/** Partition Queries FindDue runs at once during a catch-up (a daily run has five). */
const QUERY_CONCURRENCY = 8;

const expiryStore = (deps: Deps) => new ExpiryStore(deps.clients.doc, deps.tableName);

// ---------------------------------------------------------------------------------------------------
// Observing a run (the local `npm run sweep` prints a summary; in AWS the logs and metrics do)

export interface DueItemResult {
  outcome: 'warned' | 'expired' | 'skipped';
  /** Why nothing was done: the item is gone, its end date changed, or this was done already. */
  reason?: 'gone' | 'changed' | 'already-expired' | 'already-sent';
  emails: number;
  taskOpened: boolean;
}

export type SweepEvent =
  | { type: 'planned'; date: string; from: string; through: string; items: number; partitions: number }
  | { type: 'handled'; item: DueItem; result: DueItemResult }
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

const Day = z.string().check(z.refine((v) => parseCalendarDate(v).ok, 'Geef de datum op als JJJJ-MM-DD.'));

const FindDueInput = z.object({
  input: z.nullish(z.looseObject({ date: z.optional(Day) })),
  startTime: z.optional(z.string()),
});

export interface FindDueOutput {
  /** The day the run is for. */
  date: string;
  /** The first day the run covers (earlier than `date` after missed days). */
  from: string;
  /** The last day covered: what CompleteSweep records. */
  through: string;
  items: DueItem[];
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
function runDate(input: z.infer<typeof FindDueInput>, deps: Deps): string {
  if (input.input?.date) return input.input.date;
  const fixed = process.env[ENV.today];
  if (fixed && parseCalendarDate(fixed).ok) return fixed;
  const start = input.startTime ? new Date(input.startTime) : new Date(deps.clock().now);
  return todayInBrussels(Number.isNaN(start.getTime()) ? new Date(deps.clock().now) : start);
}

async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) results[i] = await fn(items[i]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export async function findDueItems(deps: Deps, event: unknown): Promise<FindDueOutput> {
  const parsed = FindDueInput.safeParse(event ?? {});
  if (!parsed.success) throw invalid(parsed.error);
  const date = runDate(parsed.data, deps);
  const store = expiryStore(deps);
  const range = sweepRange(date, await store.lastSweep());
  const partitions = partitionsToQuery(range);
  const found = await mapLimit(partitions, QUERY_CONCURRENCY, (p) =>
    store.due(p.endDate, { notExpired: p.action === 'expire' }),
  );
  const items: DueItem[] = [];
  for (const entry of found.flat()) {
    const plan = planFor(entry.endDate, range);
    if (!plan) continue;
    items.push({
      ...entry,
      action: plan.action,
      ...(plan.action === 'warn' ? { warning: plan.warning } : {}),
      date: range.through,
    });
  }
  emit({ type: 'planned', date, ...range, items: items.length, partitions: partitions.length });
  return { date, ...range, items };
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
  const admins = await deps.store.listAdmins(en);
  const adminAggs = await Promise.all(admins.map((a) => deps.store.loadAggregate(en, a.personId, false)));
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

/** Sends what a pending marker still owes, recording each recipient; then marks it sent. */
async function deliver(
  deps: Deps,
  item: DueItem,
  what: string,
  notice: Pick<Notice, 'delivered'>,
  mails: { recipient: Recipient; email: Email }[],
): Promise<number> {
  const store = expiryStore(deps);
  let sent = 0;
  for (const { recipient, email } of mails) {
    if (notice.delivered.includes(recipient.id)) continue;
    try {
      await deps.mailer.send(email);
    } catch (error) {
      // Retried by the state machine; the marker stays pending, so a later run finishes it too.
      throw new TransientError('An e-mail could not be sent.', { cause: error });
    }
    await store.delivered(item.enterpriseNumber, item.personId, what, recipient.id);
    sent += 1;
  }
  await store.sent(item.enterpriseNumber, item.personId, what, deps.clock().now);
  return sent;
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
  const store = expiryStore(deps);
  const what = noticeName(item, `warning-${item.warning ?? 1}`);
  const taskWhat = noticeName(item, 'task');
  const en = item.enterpriseNumber;
  const personId = item.personId;

  const state = await withRetry(async () => {
    const agg = await deps.store.loadAggregate(en, personId);
    const target = findDueTarget(agg, item);
    const stale = staleReason(target, item);
    if (stale || !agg || !target) return { skip: stale ?? 'gone' } as const;
    const notice = await store.getNotice(en, personId, what);
    if (notice?.status === 'sent') return { skip: 'already-sent' } as const;
    if (notice) return { agg, target, notice, taskOpened: false };
    const now = deps.clock().now;
    const hasTask = (await store.getNotice(en, personId, taskWhat)) !== null;
    const task = hasTask ? null : extensionTask(deps, agg, target, item, now);
    await deps.store.transact([
      store.stillEnding(asEntry(item)),
      store.newNotice(en, personId, what, { at: now, status: 'pending' }),
      ...(task
        ? [
            deps.tasks.putNewTask(task),
            store.newNotice(en, personId, taskWhat, { at: now, taskId: task.taskId }),
          ]
        : []),
    ]);
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
        tasksUrl: `${deps.appUrl}/taken`,
      }),
    },
  }));
  const emails = await deliver(deps, item, what, state.notice, mails);
  return { outcome: 'warned', emails, taskOpened: state.taskOpened };
}

/** An expiry: the item keeps its history and gets `expiredOn`, with its marker, in one transaction; then e-mail. */
async function expire(deps: Deps, item: DueItem): Promise<DueItemResult> {
  const store = expiryStore(deps);
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
        (_change, clock) => [store.newNotice(en, personId, what, { at: clock.now, status: 'pending' })],
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
  agg ??= await deps.store.loadAggregate(en, personId);
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
      }),
    },
  }));
  const emails = await deliver(deps, item, what, notice, mails);
  return { outcome: 'expired', emails, taskOpened: false };
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
// CompleteSweep

const CompleteSweepInput = z.object({ through: Day });

export async function completeSweep(
  deps: Deps,
  event: unknown,
): Promise<{ through: string; advanced: boolean }> {
  const parsed = CompleteSweepInput.safeParse(event);
  if (!parsed.success) throw invalid(parsed.error);
  const result = await expiryStore(deps).completeSweep(parsed.data.through, deps.clock().now);
  emit({ type: 'completed', ...result });
  return result;
}
