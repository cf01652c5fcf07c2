/**
 * The identifier fields every contract shares (national register / BIS number, enterprise number),
 * written with zod/mini: the relying portals' access check validates only these and two short
 * strings, and zod/mini keeps its bundle at about 15 KB of zod instead of classic zod's 93 KB. The other
 * contracts (lib/contracts/common.ts, api.ts) are zod/mini too and embed them like any other schema.
 */

import * as z from 'zod/mini';
import type * as zc from 'zod/v4/core';
import { checkMessage, msg } from '#lib/contracts/i18n';
import { parseEnterpriseNumber } from '#lib/domain/enterprise-number';
import type { Check } from '#lib/domain/errors';
import type { FieldMessageKey } from '#lib/domain/i18n/field-messages';
import { parseNationalNumber } from '#lib/domain/national-number';

/**
 * A zod transform that runs a domain check: its message (in the language of the parse) and stable code
 * become the zod issue's. The
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
      message: checkMessage(result),
      params: { code: result.code },
    });
    return z.NEVER;
  };
}

/** Wraps a domain check: the input must be a string; the output is the check's value. */
function checkedString<T>(check: (input: unknown) => Check<T>, typeMessage: FieldMessageKey) {
  return z.pipe(z.string(msg(typeMessage)), z.transform(domainCheck(check)));
}

export const zNationalNumber = checkedString(parseNationalNumber, 'national-number.text-type').register(
  z.globalRegistry,
  {
    description: 'Rijksregisternummer of BIS-nummer (11 cijfers; punten, streepjes en spaties mogen).',
  },
);

export const zEnterpriseNumber = checkedString(parseEnterpriseNumber, 'enterprise-number.text-type').register(
  z.globalRegistry,
  { description: 'Ondernemingsnummer (10 cijfers, begint met 0 of 1).' },
);
