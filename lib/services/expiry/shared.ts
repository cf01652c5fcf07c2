/**
 * What the daily expiry sweep's workflow steps (infra/workflows/expiry.asl.json) share: the input
 * checks, the observer of a run, the report key of a due item and who the e-mails go to. Each step
 * has a file of its own, named after its state:
 *
 * - FindDue and FindMore: find-due.ts
 * - HandleItem: handle-due-item.ts
 * - RecordFailure: record-failure.ts
 * - PlanDigests, PlanMoreDigests and SendDigest: digests.ts
 * - CompleteSweep: complete-sweep.ts
 */

import * as z from 'zod/mini';
import { ValidationError } from '#lib/domain/errors';
import type { DueItem } from '#lib/domain/expiry';
import { DEFAULT_LANGUAGE, type Language } from '#lib/domain/i18n/language';
import type { PersonAggregate } from '#lib/domain/membership';
import { DEFAULT_FREQUENCY } from '#lib/domain/notifications';
import { parseCalendarDate } from '#lib/domain/period';
import type { Deps } from '#lib/services/deps';
import { languageOf } from '#lib/services/recipients';

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

/** What one organisation's SendDigest did. */
export interface DigestResult {
  enterpriseNumber: string;
  /** Digests sent (one per administrator with something to tell). */
  digests: number;
  /** Lines in them, all digests together. */
  lines: number;
  /** Administrators (weekly) whose lines wait for Monday. */
  held: number;
  /** Digests whose address the mail service refused for good (reported, not retried). */
  refused: number;
}

export type SweepEvent =
  | { type: 'planned'; date: string; from: string; through: string; items: number; partitions: number }
  | { type: 'handled'; item: DueItem; result: DueItemResult }
  | { type: 'failed'; item: DueItem; code: string }
  | { type: 'digests-planned'; date: string; weekly: boolean; organisations: number }
  | { type: 'digest'; result: DigestResult }
  | { type: 'digest-failed'; enterpriseNumber: string; code: string }
  | { type: 'completed'; through: string; advanced: boolean };

const listeners = new Set<(event: SweepEvent) => void>();

/** Calls `listener` for every step of sweeps run in this process; returns the unsubscribe. */
export function observeSweep(listener: (event: SweepEvent) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function emit(event: SweepEvent): void {
  for (const listener of listeners) listener(event);
}

// ---------------------------------------------------------------------------------------------------
// Input

export const Day = z
  .string()
  .check(z.refine((v) => parseCalendarDate(v).ok, 'Geef de datum op als JJJJ-MM-DD.'));

export function invalid(error: z.core.$ZodError): ValidationError {
  return new ValidationError(
    error.issues.map((i) => ({ path: i.path.join('.'), code: 'invalid', message: i.message })),
  );
}

// ---------------------------------------------------------------------------------------------------
// Items and recipients

/** The report key of a due item: `{REL|GRANT}#{en}#{personId}[#{grantId}]` (ids only). */
export function itemKey(item: DueItem): string {
  const kind = item.kind === 'grant' ? 'GRANT' : 'REL';
  return `${kind}#${item.enterpriseNumber}#${item.personId}${item.grantId ? `#${item.grantId}` : ''}`;
}

export interface Recipient {
  /** Recorded in the marker once delivered: `person` or `admin#{personId}`, never an address. */
  id: string;
  name: string;
  email: string;
  /** Their preference: the e-mail is written in it. */
  language: Language;
}

/**
 * The organisation's local administrators who chose an e-mail per item (`each`): the others hear of
 * it in their digest. One GetItem per administrator for their preferences (the default is the digest).
 */
export async function individualAdmins(deps: Deps, enterpriseNumber: string): Promise<string[]> {
  const admins = await deps.admins.list(enterpriseNumber);
  const prefs = await Promise.all(admins.map((a) => deps.preferences.get(a.pseudonym)));
  const frequency = (i: number) => prefs[i]?.notifications.frequency ?? DEFAULT_FREQUENCY;
  return admins.filter((_a, i) => frequency(i) === 'each').map((a) => a.personId);
}

/**
 * Who gets the e-mail of one warning or expiry: the person (their relationship's e-mail) and the local
 * administrators among `adminIds` (their relationship's address at this organisation).
 */
export async function recipients(
  deps: Deps,
  agg: PersonAggregate,
  adminIds: readonly string[],
): Promise<Recipient[]> {
  const en = agg.membership.enterpriseNumber;
  const out: Recipient[] = [];
  if (agg.relationship?.email) {
    const language = await languageOf(deps, agg.membership.pseudonym);
    out.push({ id: 'person', name: fullName(agg), email: agg.relationship.email, language });
  }
  const admins =
    adminIds.length === 0 ? [] : (await deps.admins.list(en)).filter((a) => adminIds.includes(a.personId));
  const [adminAggs, languages] = await Promise.all([
    Promise.all(admins.map((a) => deps.memberships.load(en, a.personId, { consistent: false }))),
    Promise.all(admins.map((a) => languageOf(deps, a.pseudonym))),
  ]);
  for (const [i, admin] of admins.entries()) {
    const email = adminAggs[i]?.relationship?.email;
    const language = languages[i] ?? DEFAULT_LANGUAGE;
    if (email) out.push({ id: `admin#${admin.personId}`, name: admin.name, email, language });
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

export function fullName(agg: PersonAggregate): string {
  return `${agg.membership.person.firstName} ${agg.membership.person.lastName}`;
}
