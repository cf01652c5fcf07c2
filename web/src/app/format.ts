/**
 * Dutch (nl-BE) presentation of what the API exchanges: calendar dates `YYYY-MM-DD` in the API are
 * `dd/mm/jjjj` on screen, enterprise numbers `0795.012.394`, national numbers `90.04.18-124.90`.
 * Calendar arithmetic is done on calendar days, as lib/domain/period does (the UI may not import it).
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DMY_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/** `2026-11-26` → `26/11/2026`; anything else is returned unchanged. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = ISO_DATE.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** `26/11/2026` (also `26-11-2026`, `26.11.2026`, `1/2/2027`) → `2026-11-26`; null when not in that form. */
export function parseDmy(text: string): string | null {
  const m = DMY_DATE.exec(text.trim());
  if (!m) return null;
  return `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
}

const BRUSSELS_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Brussels',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's calendar day in Brussels, whatever the browser's time zone (`YYYY-MM-DD`). */
export function todayInBrussels(now: Date = new Date()): string {
  return BRUSSELS_DAY.format(now);
}

function split(iso: string): [number, number, number] {
  const m = ISO_DATE.exec(iso);
  if (!m) throw new RangeError(`not a calendar date: ${iso}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

function join(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function addDays(iso: string, days: number): string {
  const [y, m, d] = split(iso);
  const date = new Date(Date.UTC(y, m - 1, d + days));
  return join(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

export function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

export function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}

const DATE_TIME = new Intl.DateTimeFormat('nl-BE', {
  timeZone: 'Europe/Brussels',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** An instant (ISO 8601) as `26/11/2026 14:05`, Brussels time. */
export function formatDateTime(instant: string | null | undefined): string {
  if (!instant) return '';
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  const parts = Object.fromEntries(DATE_TIME.formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`;
}

/** Login methods (lib/domain/logins.ts) in Dutch, as the Accounts tab shows them. */
export const LOGIN_METHOD_LABELS: Record<string, string> = {
  eid: 'eID',
  itsme: 'itsme',
  'federaal-token': 'Federaal token',
  app: 'App-code',
  sms: 'SMS-code',
  other: 'Andere methode',
};

/** `0795012394` → `0795.012.394`. */
export function formatEnterpriseNumber(value: string): string {
  const digits = value.replace(/\D/g, '');
  if (digits.length !== 10) return value;
  return `${digits.slice(0, 4)}.${digits.slice(4, 7)}.${digits.slice(7)}`;
}

/** Digits only; the API accepts dots, dashes and spaces too, but the UI normalises what it shows. */
export function digitsOf(value: string): string {
  return value.replace(/\D/g, '');
}

/** `90041812490` → `90.04.18-124.90` (as far as typed: `900418` → `90.04.18`). */
export function formatNationalNumber(value: string): string {
  const d = digitsOf(value).slice(0, 11);
  let out = d.slice(0, 2);
  if (d.length > 2) out += `.${d.slice(2, 4)}`;
  if (d.length > 4) out += `.${d.slice(4, 6)}`;
  if (d.length > 6) out += `-${d.slice(6, 9)}`;
  if (d.length > 9) out += `.${d.slice(9, 11)}`;
  return out;
}

/** `90041812490` → `90.04.18-***.**`, as the API masks it. */
export function maskNationalNumber(value: string): string {
  const d = digitsOf(value);
  if (d.length !== 11) return value;
  return `${d.slice(0, 2)}.${d.slice(2, 4)}.${d.slice(4, 6)}-***.**`;
}

export function sexLabel(sex: 'M' | 'F' | null | undefined): string {
  if (sex === 'M') return 'M';
  if (sex === 'F') return 'V';
  return 'onbekend';
}

export function statusLabel(status: 'pending' | 'active'): string {
  return status === 'active' ? 'Actief' : 'In afwachting';
}

/**
 * A work relationship's category as the seed writes it (*Vaste Medewerker*); the API's value stays
 * `Vaste medewerker`. Categories the seed does not show keep their own spelling.
 */
const CATEGORY_LABELS: Record<string, string> = { 'Vaste medewerker': 'Vaste Medewerker' };

export function categoryLabel(category: string): string {
  return CATEGORY_LABELS[category] ?? category;
}

export const GRANT_STATE_LABELS: Record<string, string> = {
  active: 'Actief',
  future: 'Nog niet begonnen',
  expired: 'Verlopen',
  suspended: 'Gepauzeerd',
};

/** History actions in Dutch: shared with the API's audit export. */
export { HISTORY_ACTION_LABELS } from '@contracts/history-labels.ts';

/** Field names of history snapshots and other records, in Dutch. */
export const FIELD_LABELS: Record<string, string> = {
  firstName: 'Voornaam',
  lastName: 'Naam',
  nickname: 'Roepnaam',
  initials: 'Initialen',
  birthDate: 'Geboortedatum',
  sex: 'Geslacht',
  source: 'Bron',
  status: 'Status werkstroom',
  category: 'Categorie',
  rightName: 'Gebruikersrecht',
  right: 'Gebruikersrecht',
  profiles: 'Profielen',
  startDate: 'Begindatum',
  endDate: 'Einddatum',
  phone: 'Telefoonnummer',
  email: 'E-mailadres',
  paused: 'Gepauzeerd',
  pauseReason: 'Reden pauze',
  state: 'Toestand',
  expiredOn: 'Verlopen op',
};
