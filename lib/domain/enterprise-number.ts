/**
 * Belgian enterprise number (ondernemingsnummer, KBO/BCE): 10 digits, first digit 0 or 1, last two
 * digits a mod-97 check over the first eight. Also the VAT number without its BE prefix.
 */
import { type Check, failed } from '#lib/domain/errors';
import type { FieldMessageKey } from '#lib/domain/i18n/field-messages';

// People paste it as BE 0795.012.394 or from a VAT field; only these decorations are removed.
const SEPARATORS = /[. ]/g;
const BE_PREFIX = /^be/i;
const ONLY_DIGITS = /^[0-9]+$/;

type Failure = {
  [K in FieldMessageKey]: K extends `enterprise-number.${infer R}` ? R : never;
}[FieldMessageKey];

function fail(code: Failure): Check<string> {
  return failed(`enterprise-number.${code}`);
}

export function parseEnterpriseNumber(input: unknown): Check<string> {
  if (typeof input !== 'string') {
    return fail('type');
  }
  const value = input.replace(SEPARATORS, '').replace(BE_PREFIX, '');
  if (value === '') {
    return fail('empty');
  }
  if (!ONLY_DIGITS.test(value)) {
    return fail('characters');
  }
  if (value.length !== 10) {
    return fail('length');
  }
  const first = value[0];
  if (first !== '0' && first !== '1') {
    // Numbers starting with 2-9 are establishment units (vestigingen) of an enterprise, not the
    // enterprise itself; a common mix-up when copying from the KBO.
    return fail('establishment-unit');
  }
  const check = 97 - (Number(value.slice(0, 8)) % 97);
  if (check !== Number(value.slice(8))) {
    return fail('check-digits');
  }
  return { ok: true, value };
}

/** 0795012394 → 0795.012.394 */
export function formatEnterpriseNumber(value: string): string {
  return `${value.slice(0, 4)}.${value.slice(4, 7)}.${value.slice(7, 10)}`;
}
