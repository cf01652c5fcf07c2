/**
 * What the KBO follow's pieces share: reading the KBO for a use case (which also notices a stop at
 * once), its observer (the local `npm run sweep` prints a summary), the persons of an organisation, and
 * the e-mail about an organisation, sent once per recipient. The workflow's steps have a file each,
 * named after their states in infra/workflows/kbo.asl.json:
 *
 * - ListOrganisations and MoreOrganisations: list-organisations.ts
 * - FollowOrganisation and DeliverNotices: follow-organisation.ts (what it does: apply.ts)
 * - RecordFailure: follow-organisation.ts too
 * - Complete: list-organisations.ts
 */
import { RegistryUnavailableError, TransientError } from '#lib/domain/errors';
import type { Change, Clock, PersonAggregate } from '#lib/domain/membership';
import { type Email, type Enterprise, MailRefusedError, type UnitOfWork } from '#lib/domain/ports';
import type { Actor } from '#lib/domain/records';
import { historyEntry, withRetry } from '#lib/services/aggregate';
import type { Deps } from '#lib/services/deps';

// ---------------------------------------------------------------------------------------------------
// Observing a run

export interface KboOutcome {
  enterpriseNumber: string;
  /** `skipped`: nobody to follow it for (no local administrator, no person); `not-in-kbo`: unknown there. */
  outcome: 'unchanged' | 'changed' | 'skipped' | 'not-in-kbo';
  changes: ('stopped' | 'active-again' | 'representatives' | 'no-local-admin')[];
  paused: number;
  tasksOpened: number;
}

export type KboEvent =
  | { type: 'planned'; date: string; organisations: number; resumed: boolean }
  | { type: 'followed'; date: string; result: KboOutcome }
  | { type: 'delivered'; date: string; enterpriseNumber: string; emails: number }
  | { type: 'failed'; date: string; enterpriseNumber: string; code: string }
  | { type: 'completed'; date: string };

const listeners = new Set<(event: KboEvent) => void>();

export function observeKboFollow(listener: (event: KboEvent) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function emitKbo(event: KboEvent): void {
  for (const listener of listeners) listener(event);
}

// ---------------------------------------------------------------------------------------------------
// Reading the KBO

/** The KBO's answer; an adapter failing in any other way than "unavailable" is an outage too, never a 500. */
export async function askKbo(deps: Deps, enterpriseNumber: string): Promise<Enterprise | null> {
  try {
    return await deps.enterpriseRegistry.getEnterprise(enterpriseNumber);
  } catch (error) {
    if (error instanceof RegistryUnavailableError) throw error;
    deps.log.error('KBO adapter failed', { error: error instanceof Error ? error.name : 'unknown' });
    throw new RegistryUnavailableError('kbo', 'adapter-error');
  }
}

// ---------------------------------------------------------------------------------------------------
// The persons of an organisation

/** Every member's id, page by page (the person list's index). */
export async function* membersOf(deps: Deps, enterpriseNumber: string): AsyncGenerator<string> {
  let cursor: string | undefined;
  do {
    const page = await deps.memberships.list(enterpriseNumber, { limit: 100, ...(cursor ? { cursor } : {}) });
    for (const m of page.items) yield m.personId;
    cursor = page.cursor ?? undefined;
  } while (cursor);
}

/** One change of a person aggregate when `decide` finds one (null: nothing to do); retried on conflicts. */
export async function changeIfNeeded(
  deps: Deps,
  target: { enterpriseNumber: string; personId: string; actor: Actor; reason: string | null },
  decide: (agg: PersonAggregate, clock: Clock) => Change | null,
  alongside?: (work: UnitOfWork) => void,
): Promise<PersonAggregate | null> {
  return withRetry(async () => {
    const loaded = await deps.memberships.load(target.enterpriseNumber, target.personId);
    if (!loaded) return null;
    const clock = deps.clock();
    const change = decide(loaded, clock);
    if (!change) return null;
    const work = deps
      .unitOfWork()
      .saveMembership(
        loaded,
        change.next,
        [historyEntry(deps, clock, target.actor, change, target.reason)],
        clock.today,
      );
    alongside?.(work);
    await work.commit();
    return change.next;
  });
}

// ---------------------------------------------------------------------------------------------------
// E-mail about an organisation, once per recipient

/** The organisation's own notice markers sit beside the persons' under this id. */
export const ORGANISATION = 'ORG';

export interface OrgRecipient {
  /** Recorded once delivered: `person#{personId}`, `admin#{personId}`, never an address. */
  id: string;
  email: Email;
}

/**
 * Sends what the marker `what` still owes: each recipient once (recorded as delivered), then the marker
 * is sent. An address the mail service refuses for good counts as done and is reported; anything else
 * fails the step, so the state machine retries and the next attempt finishes the rest.
 */
export async function deliverOrganisationNotice(
  deps: Deps,
  enterpriseNumber: string,
  what: string,
  date: string,
  mails: OrgRecipient[],
): Promise<number> {
  const notice = await deps.expiry.getNotice(enterpriseNumber, ORGANISATION, what);
  if (!notice || notice.status === 'sent') return 0;
  let sent = 0;
  for (const { id, email } of mails) {
    if (notice.delivered.includes(id)) continue;
    try {
      await deps.mailer.send(email);
      sent += 1;
    } catch (error) {
      if (!(error instanceof MailRefusedError))
        throw new TransientError('An e-mail could not be sent.', { cause: error });
      await deps.kbo.recordFailure(date, enterpriseNumber, `mail.refused#${id}`, deps.clock().now);
    }
    await deps.expiry.delivered(enterpriseNumber, ORGANISATION, what, id);
  }
  await deps.expiry.sent(enterpriseNumber, ORGANISATION, what, deps.clock().now);
  return sent;
}

/** One e-mail per address. */
export function uniqueAddresses(mails: OrgRecipient[]): OrgRecipient[] {
  const seen = new Set<string>();
  return mails.filter((m) => {
    const key = (m.email.to[0] ?? '').toLowerCase();
    if (!key || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
