/**
 * Expiry step HandleItem (one per due item, in the Map of infra/workflows/expiry.asl.json): warns the
 * person and opens one task *Verlengen?* per item and end date, or marks the item expired with its
 * history entry; then it e-mails. The local administrators hear of it in their digest (digests.ts):
 * the transaction of the notice marker records its digest line, so a line exists exactly when the
 * warning or expiry happened. Administrators who chose an e-mail per item get one here, as the person
 * does. Notice markers written in the same transaction make every step happen once; a marker stays
 * `pending` until every e-mail went out, so a failed e-mail is sent by the next attempt instead of
 * being lost. An address the mail service refuses for good is skipped and reported, not retried for ever.
 */
import * as z from 'zod/mini';
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
  staleReason,
  WARNING_OFFSETS,
} from '#lib/domain/expiry';
import type { Clock, PersonAggregate, RightGrant, WorkRelationship } from '#lib/domain/membership';
import type { DigestLine } from '#lib/domain/notifications';
import { type Email, MailRefusedError } from '#lib/domain/ports';
import type { Actor } from '#lib/domain/records';
import type { Task } from '#lib/domain/tasks';
import { changeAggregate, withRetry } from '#lib/services/aggregate';
import type { Deps } from '#lib/services/deps';
import {
  Day,
  type DueItemResult,
  emit,
  fullName,
  individualAdmins,
  invalid,
  itemKey,
  type Recipient,
  recipients,
} from '#lib/services/expiry/shared';
import { uiLinks } from '#lib/services/links';
import { expiryWarning, formatDateNl, itemExpired } from '#lib/services/messages';

/** Who the history names for what the sweep does. */
export const SWEEP_ACTOR: Actor = { personId: 'SYSTEM', name: 'Vervaldatumcontrole' };

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

/** What runs out, in words: "Gebruikersrecht VLAIO Inkom Gebruiker Nieuw" or "Werkrelatie". */
function itemLabel(target: WorkRelationship | RightGrant): string {
  return 'grantId' in target ? `Gebruikersrecht ${rightOf(target)}` : 'Werkrelatie';
}

function rightOf(target: WorkRelationship | RightGrant): string | undefined {
  return 'grantId' in target ? (target.rightName ?? target.rightId) : undefined;
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

/** The administrators' digest line of a warning or expiry, written with its notice marker. */
function digestLine(
  agg: PersonAggregate,
  target: WorkRelationship | RightGrant,
  item: DueItem,
  marker: string,
  individually: string[],
): DigestLine {
  const right = rightOf(target);
  return {
    day: item.date,
    enterpriseNumber: item.enterpriseNumber,
    organisationName: agg.membership.organisationName,
    personId: item.personId,
    personName: fullName(agg),
    kind: item.kind,
    ...(item.grantId ? { grantId: item.grantId } : {}),
    ...(right ? { right } : {}),
    endDate: item.endDate,
    ...(item.action === 'expire'
      ? { notice: 'expired' as const }
      : { notice: 'warning' as const, warning: item.warning ?? 1 }),
    marker,
    individually,
  };
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
    if (notice) {
      const individually = notice.individually ?? (await individualAdmins(deps, en));
      return { agg, target, notice, individually, taskOpened: false };
    }
    const now = deps.clock().now;
    const [hasTask, individually] = await Promise.all([
      store.getNotice(en, personId, taskWhat).then((n) => n !== null),
      individualAdmins(deps, en),
    ]);
    const task = hasTask ? null : extensionTask(deps, agg, target, item, now);
    const work = deps
      .unitOfWork()
      .requireEnding(asEntry(item))
      .addNotice(en, personId, what, { at: now, status: 'pending', individually })
      .addDigestLine(digestLine(agg, target, item, what, individually));
    if (task) work.addTask(task).addNotice(en, personId, taskWhat, { at: now, taskId: task.taskId });
    await work.commit();
    return { agg, target, notice: { delivered: [] as string[] }, individually, taskOpened: task !== null };
  });
  if ('skip' in state) return { outcome: 'skipped', reason: state.skip, emails: 0, taskOpened: false };

  const { agg, target } = state;
  const daysLeft = Math.max(0, daysBetween(item.date, item.endDate));
  const links = uiLinks(deps.appUrl);
  const mails = (await recipients(deps, agg, state.individually)).map((recipient) => ({
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
        tasksUrl: links.tasks(item.enterpriseNumber),
        personUrl: personUrl(deps, item),
        preferencesUrl: links.preferences(),
        language: recipient.language,
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
  let notice: Pick<Notice, 'delivered' | 'status' | 'individually'> | null = await store.getNotice(
    en,
    personId,
    what,
  );
  if (notice?.status === 'sent')
    return { outcome: 'skipped', reason: 'already-sent', emails: 0, taskOpened: false };
  let agg: PersonAggregate | null = null;
  // Read before the transaction: the marker and the digest line record who gets an e-mail of its own.
  let individually = notice?.individually ?? (await individualAdmins(deps, en));
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
        (work, change, clock) => {
          const expired = findDueTarget(change.next, item);
          work.addNotice(en, personId, what, { at: clock.now, status: 'pending', individually });
          if (expired) work.addDigestLine(digestLine(change.next, expired, item, what, individually));
        },
      );
      notice = { status: 'pending', delivered: [], individually };
    } catch (error) {
      if (error instanceof Skip) {
        // Expired by a concurrent run whose e-mails may still be owed: finish them, at least once.
        const pending = error.reason === 'already-expired' ? await store.getNotice(en, personId, what) : null;
        if (pending?.status !== 'pending')
          return { outcome: 'skipped', reason: error.reason, emails: 0, taskOpened: false };
        notice = pending;
        individually = pending.individually ?? individually;
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
  const mails = (await recipients(deps, agg, individually)).map((recipient) => ({
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
        preferencesUrl: uiLinks(deps.appUrl).preferences(),
        language: recipient.language,
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
