/**
 * Presentation of what the API exchanges, in the UI's language (Intl with nl-BE, fr-BE, en-GB or de-BE):
 * calendar dates `YYYY-MM-DD` in the API are `dd/mm/jjjj` on screen (`dd.mm.jjjj` in German), numbers
 * are grouped per language, phone numbers shown internationally (+32 12 34 56 78), enterprise numbers
 * `0795.012.394`, national numbers `90.04.18-124.90`. Calendar arithmetic is done on calendar days, as
 * lib/domain/period does (the UI may not import it).
 */
import { formatPhone as formatPhoneNumber } from '@contracts/common.ts';
import { currentLocale, dynamicText } from '../i18n/index.ts';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DMY_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** Day, month and year as two, two and four digits in the locale's order and separators. */
function dateFormat(locale: string): Intl.DateTimeFormat {
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      timeZone: 'UTC',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
    });
    dateFormats.set(locale, format);
  }
  return format;
}

/** `2026-11-26` → `26/11/2026` (in German `26.11.2026`); anything else is returned unchanged. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = ISO_DATE.exec(iso);
  if (!m) return iso;
  return dateFormat(currentLocale()).format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))));
}

/** A number with the language's grouping: 10.000 (nl), 10 000 (fr), 10,000 (en). */
export function formatNumber(n: number): string {
  return new Intl.NumberFormat(currentLocale()).format(n);
}

/** `+3212345678` → `+32 12 34 56 78`; anything that is no phone number is returned unchanged. */
export function formatPhone(e164: string | null | undefined): string {
  if (!e164) return '';
  return formatPhoneNumber(e164);
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

const BRUSSELS_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Brussels',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An instant (ISO 8601) as `26/11/2026 14:05` (in German `26.11.2026 14:05`), Brussels time. */
export function formatDateTime(instant: string | null | undefined): string {
  if (!instant) return '';
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  const parts = Object.fromEntries(BRUSSELS_TIME.formatToParts(date).map((p) => [p.type, p.value]));
  return `${formatDate(`${parts.year}-${parts.month}-${parts.day}`)} ${parts.hour}:${parts.minute}`;
}

/** A text by a key known only at run time (an API's code), or the code itself when there is none. */
export function dynamicLabel(key: string, fallback: string): string {
  return dynamicText(key, fallback);
}

/** A login method (lib/domain/logins.ts) as the Accounts tab shows it. */
export function loginMethodLabel(method: string): string {
  return dynamicText(`common:loginMethods.${method}`, method);
}

/** A category of work relationship (its value in the API is Dutch) in the UI's language. */
export function categoryLabel(category: string): string {
  return dynamicText(`common:categories.${category}`, category);
}

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
  if (sex === 'M') return dynamicText('common:sexM', 'M');
  if (sex === 'F') return dynamicText('common:sexF', 'V');
  return dynamicText('common:unknown', 'onbekend');
}

export function statusLabel(status: 'pending' | 'active'): string {
  return status === 'active'
    ? dynamicText('common:statusActive', 'Actief')
    : dynamicText('common:statusPending', 'In afwachting');
}

const GRANT_STATE_KEYS: Record<string, string> = {
  active: 'grantActive',
  future: 'grantFuture',
  expired: 'grantExpired',
  suspended: 'grantSuspended',
};

/** A right's state (`active`, `future`, `expired`, `suspended`) in the UI's language. */
export function grantStateLabel(state: string): string {
  return dynamicText(`common:${GRANT_STATE_KEYS[state] ?? state}`, state);
}

/** A history action (`grant.created`) in the UI's language; the API's audit export keeps the Dutch. */
export function historyActionLabel(action: string): string {
  return dynamicText(`history:actions.${action}`, action);
}

/** A kind of history action, the filter of the organisation's history (`grant`, `kbo`, …). */
export function auditFilterLabel(kind: string): string {
  return dynamicText(`history:filters.${kind}`, kind);
}

/** The kinds of action the organisation's history filters on (lib/contracts/history-labels.ts). */
export { AUDIT_ACTION_FILTERS } from '@contracts/history-labels.ts';

/** The fields of a record that have a label, in the order they are shown: the person, the relationship, the right. */
export const FIELD_ORDER = [
  'firstName',
  'lastName',
  'nickname',
  'initials',
  'birthDate',
  'sex',
  'source',
  'status',
  'category',
  'right',
  'profiles',
  'startDate',
  'endDate',
  'phone',
  'email',
  'paused',
  'pauseReason',
  'state',
  'expiredOn',
];

/** A field of a history snapshot or another record, by its name in the API. */
export function fieldLabel(field: string): string {
  const key = field === 'rightName' ? 'right' : field;
  return FIELD_ORDER.includes(key) ? dynamicText(`common:${key}`, field) : field;
}
