/**
 * Who holds a right, day by day: what the audit question "who held right X, with which profiles, on
 * day D?" is answered from. A person holds a right on a day when the grant's period and the work
 * relationship's period both contain the day and the relationship is not paused. Each change of a
 * person aggregate that alters this for a right records the new holding under the day of the change
 * (the Brussels day; a later change the same day replaces it), so the answer for D is, per person, the
 * holding recorded last on or before D, if it contains D: the state at the end of that day.
 */
import type { PersonAggregate } from '#lib/domain/membership';
import { compareDates } from '#lib/domain/period';

export interface Holding {
  grantId: string;
  profiles: string[];
  /** The days it holds, both included: the overlap of the grant's and the relationship's periods. */
  from: string;
  to: string;
}

/** What the person holds of a right in this state of the aggregate; `null`: nothing. */
export function holdingOf(agg: PersonAggregate | null, rightId: string): Holding | null {
  const r = agg?.relationship;
  const g = agg?.grants.find((x) => x.rightId === rightId);
  if (!r || !g || r.paused) return null;
  const from = compareDates(g.startDate, r.startDate) >= 0 ? g.startDate : r.startDate;
  const to = compareDates(g.endDate, r.endDate) <= 0 ? g.endDate : r.endDate;
  if (compareDates(from, to) > 0) return null;
  return { grantId: g.grantId, profiles: [...g.profiles].sort(), from, to };
}

function same(a: Holding | null, b: Holding | null): boolean {
  if (a === null || b === null) return a === b;
  return (
    a.grantId === b.grantId &&
    a.from === b.from &&
    a.to === b.to &&
    a.profiles.length === b.profiles.length &&
    a.profiles.every((p, i) => p === b.profiles[i])
  );
}

/** The rights whose holding a change alters, each with the holding from now on. */
export function holdingChanges(
  loaded: PersonAggregate | null,
  next: PersonAggregate,
): { rightId: string; holding: Holding | null }[] {
  const rights = new Set([...(loaded?.grants ?? []), ...next.grants].map((g) => g.rightId));
  const changes: { rightId: string; holding: Holding | null }[] = [];
  for (const rightId of [...rights].sort()) {
    const before = holdingOf(loaded, rightId);
    const after = holdingOf(next, rightId);
    if (!same(before, after)) changes.push({ rightId, holding: after });
  }
  return changes;
}

/** A recorded holding of one person: from the day of the change on, until the next one. */
export interface HoldingRecord {
  personId: string;
  day: string;
  holding: Holding | null;
}

/** Per person, the holding recorded last on or before `on`, when it contains `on`. */
export function holdersOn<T extends HoldingRecord>(records: T[], on: string): (T & { holding: Holding })[] {
  const last = new Map<string, T>();
  for (const r of records) {
    if (compareDates(r.day, on) > 0) continue;
    const seen = last.get(r.personId);
    if (!seen || compareDates(r.day, seen.day) >= 0) last.set(r.personId, r);
  }
  const held: (T & { holding: Holding })[] = [];
  for (const r of last.values()) {
    const h = r.holding;
    if (h && compareDates(h.from, on) <= 0 && compareDates(on, h.to) <= 0)
      held.push(r as T & { holding: Holding });
  }
  return held;
}
