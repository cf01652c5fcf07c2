/**
 * Runs one change of a person aggregate: load (one read), decide (pure domain), write (one unit of
 * work with the history entry). When another writer got there first, the whole cycle is
 * retried on fresh data, so If-Match conflicts surface as 412 and nothing is ever lost or half-written.
 */
import { ConcurrentChangeError, ConflictError, NotFoundError } from '#lib/domain/errors';
import type { Change, Clock, PersonAggregate } from '#lib/domain/membership';
import type { UnitOfWork } from '#lib/domain/ports';
import type { Actor, HistoryEntry } from '#lib/domain/records';
import type { Deps } from '#lib/services/deps';

const MAX_ATTEMPTS = 5;

export function personNotFound(): NotFoundError {
  return new NotFoundError('person.not-found');
}

export function historyEntry(
  deps: Deps,
  clock: Clock,
  actor: Actor,
  change: Change,
  reason?: string | null,
): HistoryEntry {
  return {
    entryId: deps.newId(),
    at: clock.now,
    on: clock.today,
    actor,
    action: change.action,
    reason: reason ?? null,
    before: change.before,
    after: change.after,
  };
}

export async function withRetry<T>(attempt: () => Promise<T>): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof ConcurrentChangeError)) throw error;
      if (i >= MAX_ATTEMPTS) {
        throw new ConflictError('concurrent-change');
      }
    }
  }
}

export async function changeAggregate(
  deps: Deps,
  input: { enterpriseNumber: string; personId: string; actor: Actor; reason?: string | null },
  decide: (agg: PersonAggregate, clock: Clock) => Change | Promise<Change>,
  /** More changes written together with this one (closing a task, a marker), given the change. */
  alongside?: (work: UnitOfWork, change: Change, clock: Clock) => void,
): Promise<PersonAggregate> {
  return withRetry(async () => {
    const loaded = await deps.memberships.load(input.enterpriseNumber, input.personId);
    if (!loaded) throw personNotFound();
    const clock = deps.clock();
    const change = await decide(loaded, clock);
    const entry = historyEntry(deps, clock, input.actor, change, input.reason);
    const work = deps.unitOfWork().saveMembership(loaded, change.next, [entry], clock.today);
    alongside?.(work, change, clock);
    await work.commit();
    return committed(loaded, change.next);
  });
}

/** The aggregate as stored: the store bumps the membership version on every write. */
export function committed(loaded: PersonAggregate | null, next: PersonAggregate): PersonAggregate {
  return { ...next, membership: { ...next.membership, version: loaded ? loaded.membership.version + 1 : 1 } };
}
