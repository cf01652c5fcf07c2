/**
 * zod issues → field errors with a stable code (the domain's where it gave one). Shared by the HTTP layer
 * (lib/http/validation.ts) and the CSV import, which judges each row with the routes' own contracts and
 * must say the same. The messages are in the language of the parse (lib/contracts/i18n.ts). Through zod's core, so classic and zod/mini schemas are read alike.
 */
import * as z from 'zod/v4/core';
import { type FieldError, fieldError } from '#lib/domain/errors';

const CODES: Record<string, string> = {
  invalid_type: 'invalid-type',
  unrecognized_keys: 'unknown-field',
  too_small: 'too-small',
  too_big: 'too-big',
  invalid_value: 'invalid-value',
  invalid_format: 'invalid-format',
  custom: 'invalid',
};

export function toFieldErrors(error: z.$ZodError, prefix: string): FieldError[] {
  return error.issues.flatMap((issue) => {
    const base = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) =>
        fieldError([base, key].filter(Boolean).join('.'), 'unknown-field', 'unknown-field', {
          field: key.slice(0, 50),
        }),
      );
    }
    const params = (issue as { params?: { code?: string } }).params;
    return [{ path: base, code: params?.code ?? CODES[issue.code] ?? 'invalid', message: issue.message }];
  });
}

/** A schema's verdict: the value, or the field errors. */
export function check<T extends z.$ZodType>(
  schema: T,
  input: unknown,
  prefix = '',
): { ok: true; value: z.output<T> } | { ok: false; errors: FieldError[] } {
  const result = z.safeParse(schema, input);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, errors: toFieldErrors(result.error, prefix) };
}
