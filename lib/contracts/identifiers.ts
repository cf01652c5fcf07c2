/**
 * The identifier fields every contract shares (national register / BIS number, enterprise number),
 * written with zod/mini: the relying portals' access check validates only these and two short
 * strings, and zod/mini keeps its bundle at about 15 KB of zod instead of classic zod's 93 KB. The other
 * contracts (lib/contracts/common.ts, api.ts) are zod/mini too and embed them like any other schema.
 */

import { nl } from 'zod/locales';
import * as z from 'zod/mini';
import type * as zc from 'zod/v4/core';
import { parseEnterpriseNumber } from '#lib/domain/enterprise-number';
import type { Check } from '#lib/domain/errors';
import { parseNationalNumber } from '#lib/domain/national-number';

// Dutch messages for zod's own issues; the configuration is shared with classic zod. The one locale
// keeps bundles small: `z.locales` would pull in every language.
z.config(nl());

/**
 * A zod transform that runs a domain check: its message and stable code become the zod issue's. The
 * issue goes straight into the payload, which classic and mini transforms both hand over (only
 * classic's has `addIssue`).
 */
export function domainCheck<T>(check: (input: unknown) => Check<T>) {
  return (value: string, payload: { issues: zc.$ZodRawIssue[] }): T => {
    const result = check(value);
    if (result.ok) return result.value;
    payload.issues.push({
      code: 'custom',
      input: value,
      message: result.message,
      params: { code: result.code },
    });
    return z.NEVER;
  };
}

/** Wraps a domain check: the input must be a string; the output is the check's value. */
function checkedString<T>(check: (input: unknown) => Check<T>, typeMessage: string) {
  return z.pipe(z.string({ error: typeMessage }), z.transform(domainCheck(check)));
}

export const zNationalNumber = checkedString(
  parseNationalNumber,
  'Geef het rijksregisternummer of BIS-nummer op als tekst, bv. "85.07.30-033.28".',
).register(z.globalRegistry, {
  description: 'Rijksregisternummer of BIS-nummer (11 cijfers; punten, streepjes en spaties mogen).',
});

export const zEnterpriseNumber = checkedString(
  parseEnterpriseNumber,
  'Geef het ondernemingsnummer op als tekst, bv. "0795.012.394".',
).register(z.globalRegistry, { description: 'Ondernemingsnummer (10 cijfers, begint met 0 of 1).' });
