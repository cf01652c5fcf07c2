/**
 * Following the KBO: what changed under an organisation since the last reading, and what follows from
 * it. Pure: the use cases (lib/services/kbo/) read the KBO and the table, ask this what to do, and write.
 *
 * - The enterprise stopped: its work relationships are paused (membership.ts, `pausedBy: 'kbo'`), the
 *   local administrators and the persons are e-mailed once, the organisation's history records it.
 * - It is active again: the local administrators get a task to resume what the KBO paused.
 * - The legal representatives changed: the history records who left and who came; local administrators
 *   appointed by someone who is no longer one stay, and the current representatives are asked to
 *   confirm them (keep or remove).
 * - No local administrator left: the legal representatives get a task to appoint one.
 */
import type { Enterprise } from '#lib/domain/ports';
import type { Actor, AdminRecord, KboSnapshot } from '#lib/domain/records';

/** Who the history names for what follows from the KBO. */
export const KBO_ACTOR: Actor = { personId: 'KBO', name: 'KBO (Kruispuntbank van Ondernemingen)' };

export type Representative = KboSnapshot['representatives'][number];

/** The reading to keep: pseudonyms instead of national numbers. */
export function snapshotOf(
  enterprise: Enterprise,
  pseudonymize: (nationalNumber: string) => string,
  today: string,
): KboSnapshot {
  const seen = new Set<string>();
  const representatives: Representative[] = [];
  for (const r of enterprise.legalRepresentatives) {
    const pseudonym = pseudonymize(r.nationalNumber);
    // One person with two functions counts once.
    if (seen.has(pseudonym)) continue;
    seen.add(pseudonym);
    representatives.push({ pseudonym, name: `${r.firstName} ${r.lastName}`, function: r.function });
  }
  return { status: enterprise.status, stoppedOn: enterprise.stoppedOn, representatives, readOn: today };
}

export interface KboChanges {
  /** Active before (or never read), stopped now. */
  stopped: boolean;
  /** Stopped before, active now. */
  activeAgain: boolean;
  /** Who left and who came since the last reading; null without a previous reading or without change. */
  representatives: { left: Representative[]; arrived: Representative[] } | null;
}

export function compareKbo(previous: KboSnapshot | null | undefined, current: KboSnapshot): KboChanges {
  const wasStopped = previous?.status === 'stopped';
  const isStopped = current.status === 'stopped';
  let representatives: KboChanges['representatives'] = null;
  if (previous) {
    const before = new Set(previous.representatives.map((r) => r.pseudonym));
    const now = new Set(current.representatives.map((r) => r.pseudonym));
    const left = previous.representatives.filter((r) => !now.has(r.pseudonym));
    const arrived = current.representatives.filter((r) => !before.has(r.pseudonym));
    if (left.length > 0 || arrived.length > 0) representatives = { left, arrived };
  }
  return { stopped: !wasStopped && isStopped, activeAgain: wasStopped && !isStopped, representatives };
}

/**
 * Local administrators to have confirmed: appointed (or last confirmed) by someone who is no longer a
 * legal representative, with no confirmation asked yet. None when the KBO names no representative (then
 * nobody could answer).
 */
export function adminsToConfirm(admins: AdminRecord[], current: KboSnapshot): AdminRecord[] {
  if (current.representatives.length === 0) return [];
  const now = new Set(current.representatives.map((r) => r.pseudonym));
  return admins.filter(
    (a) => a.appointedByPseudonym && !now.has(a.appointedByPseudonym) && !a.confirmationTaskId,
  );
}

/** The history entries' views of a reading: names and functions, never pseudonyms. */
export function representativesView(list: Representative[]): { name: string; function: string }[] {
  return list.map((r) => ({ name: r.name, function: r.function }));
}
