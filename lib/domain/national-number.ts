/**
 * Belgian national number: the rijksregisternummer (RRN) and the BIS number for people not in the
 * national register. Layout: YYMMDD (birth date) + NNN (counter) + CC (check digits).
 */
import { type Check, failed } from '#lib/domain/errors';
import type { FieldMessageKey } from '#lib/domain/i18n/field-messages';
import { isExistingDate } from '#lib/domain/period';

export interface NationalNumber {
  /** 11 ASCII digits, no separators. */
  value: string;
  kind: 'rrn' | 'bis';
  /** YYYY-MM-DD; null when the month or the day is unknown (00). */
  birthDate: string | null;
  /** Null for a BIS number whose month was raised by 20: the sex was unknown when it was issued. */
  sex: 'M' | 'F' | null;
}

// Only these separators: people copy the number from an eID or a letter as 85.07.30-033.28.
const SEPARATORS = /[.\- ]/g;
// Explicit [0-9]: full-width or Arabic-Indic digits look alike but must not reach the register.
const ELEVEN_DIGITS = /^[0-9]{11}$/;
const ONLY_DIGITS = /^[0-9]+$/;
const ANY_DIGIT = /^\p{Nd}+$/u;

type Failure = {
  [K in FieldMessageKey]: K extends `national-number.${infer R}` ? R : never;
}[FieldMessageKey];

function fail(code: Failure): Check<NationalNumber> {
  return failed(`national-number.${code}`);
}

/** 97 − (n mod 97), so a multiple of 97 gives 97, never 0. */
function checkDigits(first9: string): number {
  return 97 - Number(BigInt(first9) % 97n);
}

export function parseNationalNumber(input: unknown): Check<NationalNumber> {
  if (typeof input !== 'string') {
    return fail('type');
  }
  const value = input.replace(SEPARATORS, '');
  if (value === '') {
    return fail('empty');
  }
  if (!ONLY_DIGITS.test(value) && ANY_DIGIT.test(value)) {
    return fail('non-ascii-digits');
  }
  if (!ONLY_DIGITS.test(value)) {
    return fail('characters');
  }
  if (!ELEVEN_DIGITS.test(value)) {
    return fail('length');
  }

  const first9 = value.slice(0, 9);
  const check = Number(value.slice(9));
  // People born in 2000 or later get a check computed as if the number were prefixed with a 2.
  let century: 1900 | 2000;
  if (checkDigits(first9) === check) century = 1900;
  else if (checkDigits(`2${first9}`) === check) century = 2000;
  else return fail('check-digits');

  const yy = Number(value.slice(0, 2));
  const rawMonth = Number(value.slice(2, 4));
  const day = Number(value.slice(4, 6));
  const counter = Number(value.slice(6, 9));

  // BIS numbers raise the month by 20 (sex unknown) or 40 (sex known).
  let kind: NationalNumber['kind'] = 'rrn';
  let sexKnown = true;
  let month = rawMonth;
  if (rawMonth >= 20 && rawMonth <= 32) {
    kind = 'bis';
    sexKnown = false;
    month = rawMonth - 20;
  } else if (rawMonth >= 40 && rawMonth <= 52) {
    kind = 'bis';
    month = rawMonth - 40;
  } else if (rawMonth > 12) {
    return fail('month');
  }

  if (day > 31) {
    return fail('day');
  }
  const year = century + yy;
  // Month or day 00 means that part of the birth date is unknown.
  let birthDate: string | null = null;
  if (month !== 0 && day !== 0) {
    if (!isExistingDate(year, month, day)) {
      return fail('birth-date');
    }
    birthDate = `${year}-${pad2(month)}-${pad2(day)}`;
  }

  if (counter < 1 || counter > 998) {
    return fail('counter');
  }
  const sex = sexKnown ? (counter % 2 === 1 ? 'M' : 'F') : null;

  return { ok: true, value: { value, kind, birthDate, sex } };
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** 85073003328 → 85.07.30-033.28 */
export function formatNationalNumber(value: string): string {
  return `${value.slice(0, 2)}.${value.slice(2, 4)}.${value.slice(4, 6)}-${value.slice(6, 9)}.${value.slice(9, 11)}`;
}

/** Shows the birth date part only: enough to recognise a person, not enough to identify one. */
export function maskNationalNumber(value: string): string {
  return `${value.slice(0, 2)}.${value.slice(2, 4)}.${value.slice(4, 6)}-***.**`;
}
