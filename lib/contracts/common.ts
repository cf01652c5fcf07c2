/**
 * Field schemas shared by every contract. Each wraps a pure domain check, so the API, the UI and the
 * domain agree on what is valid; messages come from the catalogue in the language of the parse
 * (lib/contracts/i18n.ts) and carry the domain's stable code. Written with
 * zod/mini, like every contract (see api.ts).
 */
import * as z from 'zod/mini';
import { checkMessage, msg } from '#lib/contracts/i18n';
import { domainCheck } from '#lib/contracts/identifiers';
import { RELATIONSHIP_CATEGORIES } from '#lib/domain/catalogue';
import { parseEmail, parsePhone } from '#lib/domain/contact';
import type { Check } from '#lib/domain/errors';
import type { FieldMessageKey } from '#lib/domain/i18n/field-messages';
import { checkPeriod, parseCalendarDate } from '#lib/domain/period';

/** Wraps a domain check: the input must be a string; the output is the check's value. */
function checked<T>(check: (input: unknown) => Check<T>, typeMessage: FieldMessageKey) {
  return z.pipe(z.string(msg(typeMessage)), z.transform(domainCheck(check)));
}

export { zEnterpriseNumber, zNationalNumber } from '#lib/contracts/identifiers';
/** The UI shows stored phone numbers as the domain reads them. */
export { formatPhone } from '#lib/domain/contact';
/** The UI computes default and latest end dates with the very rule the contracts judge them by. */
export { lastDayOfYears } from '#lib/domain/period';

// Pure: a bundle that validates no phone number (the access check) leaves the phone parser and its
// metadata out.
export const zPhone = /* @__PURE__ */ checked(parsePhone, 'phone.text-type').register(z.globalRegistry, {
  description: 'Telefoonnummer; wordt opgeslagen in E.164-formaat.',
});

export const zEmail = checked(parseEmail, 'email.text-type').register(z.globalRegistry, {
  description: 'E-mailadres.',
});

export const zDate = checked(parseCalendarDate, 'date.text-type').register(z.globalRegistry, {
  description: 'Kalenderdag (JJJJ-MM-DD), Europe/Brussels.',
});

export const zReason = z
  .string(msg('reason.type'))
  .check(z.trim(), z.maxLength(500, msg('reason.too-long', { max: 500 })));

export const zCategory = z.enum(
  RELATIONSHIP_CATEGORIES,
  msg('category.invalid', { categories: RELATIONSHIP_CATEGORIES.join(', ') }),
);

export const zId = z
  .string()
  .check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, msg('id.invalid')))
  .register(z.globalRegistry, { description: 'ULID' });

/** Adds the period rules (end ≥ start, at most `maxYears`) to an object with startDate and endDate. */
export function withPeriod<T extends z.ZodMiniType<{ startDate?: string; endDate?: string }>>(
  schema: T,
  maxYears: number,
): T {
  return schema.check(
    z.superRefine((value: { startDate?: string; endDate?: string }, ctx) => {
      if (!value.startDate || !value.endDate) return;
      const result = checkPeriod({ startDate: value.startDate, endDate: value.endDate }, maxYears);
      if (!result.ok) {
        ctx.addIssue({
          code: 'custom',
          path: ['endDate'],
          message: checkMessage(result),
          params: { code: result.code },
        });
      }
    }),
  );
}

export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().check(z.int()),
    detail: z.optional(z.string()),
    code: z.string(),
    errors: z.optional(z.array(z.object({ path: z.string(), code: z.string(), message: z.string() }))),
    correlationId: z.optional(z.string()),
  })
  .register(z.globalRegistry, {
    id: 'Problem',
    description: 'RFC 9457 problem details, application/problem+json.',
  });
