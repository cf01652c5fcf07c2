/**
 * How a local administrator hears about what ends soon, pure: their choice (a daily digest, a weekly
 * one, or an e-mail per item), the digest's lines as the sweep records them, and which days one
 * administrator's digest covers. The person concerned always gets their own warning; this is about
 * the administrators' copies only.
 */
import type { DueKind, WarningOffset } from '#lib/domain/expiry';
import { addDays, compareDates } from '#lib/domain/period';

/**
 * `daily`: one digest a day with what became due (the default: nothing waits more than a day);
 * `weekly`: one on Monday with the week's; `each`: an e-mail per item, as before digests existed.
 */
export const NOTIFICATION_FREQUENCIES = ['daily', 'weekly', 'each'] as const;
export type NotificationFrequency = (typeof NOTIFICATION_FREQUENCIES)[number];

export const DEFAULT_FREQUENCY: NotificationFrequency = 'daily';

/** The day weekly digests go out: Monday (0 is Sunday, as `Date.getUTCDay`). */
export const DIGEST_WEEKDAY = 1;

/** An administrator's digest never reaches further back than this (lines are kept a little longer). */
export const MAX_DIGEST_DAYS = 60;

/** A digest line stays this long in the table (TTL), well past any digest that may still need it. */
export const DIGEST_LINE_KEEP_DAYS = 90;

/** At most this many lines are written out in one e-mail; the rest is counted and points to Mijn taken. */
export const MAX_DIGEST_LINES_SHOWN = 200;

/** An administrator's notification preferences; a later preference (the language, say) is a field beside it. */
export interface NotificationPreferences {
  frequency: NotificationFrequency;
}

export const DEFAULT_NOTIFICATIONS: NotificationPreferences = { frequency: DEFAULT_FREQUENCY };

/**
 * One line of the administrators' digest: what the sweep found due for one item, recorded in the same
 * transaction as its notice marker, so a line exists exactly when the warning or expiry happened.
 * Names, not national numbers; ids to link to the person's page.
 */
export interface DigestLine {
  /** The day of the sweep run that recorded it (the digest partition). */
  day: string;
  enterpriseNumber: string;
  organisationName: string;
  personId: string;
  personName: string;
  kind: DueKind;
  grantId?: string;
  /** The right's name (grants). */
  right?: string;
  endDate: string;
  /** The notice it goes with: a warning or the expiry. */
  notice: 'warning' | 'expired';
  /** That notice's marker name (keys.ts 18: `{REL|GRANT}#{id}#{endDate}#{warning-N|expired}`). */
  marker: string;
  warning?: WarningOffset;
  /**
   * Local administrators (person ids) who get this item in an e-mail of its own (their choice was
   * `each` when it was recorded): their digest leaves it out, so nobody hears of it twice.
   */
  individually: string[];
}

/** What one administrator's digests of one organisation have covered so far. */
export interface DigestState {
  personId: string;
  /** The last day a digest to them covered (every line up to it was theirs to have). */
  through: string | null;
  /** The first day with lines held back for a later digest (weekly, before Monday). */
  owedSince: string | null;
}

/** 0 (Sunday) to 6 (Saturday) of a calendar day. */
export function weekday(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  return t.getUTCDay();
}

/** Whether a run covering `from`..`through` sends the weekly digests: its days include a Monday. */
export function isWeeklyRound(range: { from: string; through: string }): boolean {
  for (let d = range.from, n = 0; compareDates(d, range.through) <= 0 && n < 7; d = addDays(d, 1), n++) {
    if (weekday(d) === DIGEST_WEEKDAY) return true;
  }
  return false;
}

/**
 * The first day whose lines a run must look at: the run's first day, or, when it sends the weekly
 * digests, the week before its last day too (the lines weekly administrators were holding).
 */
export function digestFrom(range: { from: string; through: string }, weekly: boolean): string {
  const weekStart = addDays(range.through, -6);
  return weekly && compareDates(weekStart, range.from) < 0 ? weekStart : range.from;
}

/** Whether one administrator's digest goes out in this run: weekly ones only on the weekly round. */
export function digestDue(frequency: NotificationFrequency, weekly: boolean): boolean {
  return frequency !== 'weekly' || weekly;
}

/**
 * The first day one administrator's digest covers: what they were owed (lines held back), else the
 * run's first day; never a day an earlier digest to them covered, never more than MAX_DIGEST_DAYS back.
 */
export function digestStart(state: DigestState | null, runFrom: string, through: string): string {
  const owed = state?.owedSince && compareDates(state.owedSince, runFrom) < 0 ? state.owedSince : runFrom;
  const afterLast = state?.through ? addDays(state.through, 1) : owed;
  const earliest = addDays(through, -(MAX_DIGEST_DAYS - 1));
  return [owed, afterLast, earliest].reduce((a, b) => (compareDates(a, b) >= 0 ? a : b));
}

/** The identity of the item a line is about, whatever the notice: one line per item in a digest. */
export function lineItem(line: Pick<DigestLine, 'kind' | 'personId' | 'grantId' | 'endDate'>): string {
  return `${line.kind}#${line.personId}#${line.grantId ?? ''}#${line.endDate}`;
}

/**
 * The lines of one administrator's digest, from an organisation's lines: within `start`..`through`,
 * not sent to them individually nor about themselves, one per item (the latest: a weekly digest may hold the 7-day and the
 * 1-day warning, or a warning and the expiry), ordered by end date and name.
 */
export function linesFor(personId: string, lines: readonly DigestLine[], start: string, through: string) {
  const latest = new Map<string, DigestLine>();
  for (const line of lines) {
    if (compareDates(line.day, start) < 0 || compareDates(line.day, through) > 0) continue;
    if (line.individually.includes(personId)) continue;
    // Their own item: they had its warning as the person, at this very address (their relationship's).
    if (line.personId === personId) continue;
    const key = lineItem(line);
    const seen = latest.get(key);
    if (!seen || rank(line) > rank(seen)) latest.set(key, line);
  }
  return [...latest.values()].sort(
    (a, b) => compareDates(a.endDate, b.endDate) || a.personName.localeCompare(b.personName, 'nl'),
  );
}

/** Later is more urgent: an expiry after any warning, a 1-day warning after a 7-day one. */
function rank(line: DigestLine): number {
  return line.notice === 'expired' ? 1000 : 100 - (line.warning ?? 100);
}
