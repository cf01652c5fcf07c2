import * as z from 'zod/v4/core';
import { type FieldError, ValidationError } from '#lib/domain/errors';

const CODES: Record<string, string> = {
  invalid_type: 'invalid-type',
  unrecognized_keys: 'unknown-field',
  too_small: 'too-small',
  too_big: 'too-big',
  invalid_value: 'invalid-value',
  invalid_format: 'invalid-format',
  custom: 'invalid',
};

/** zod issues → field errors with a stable code (the domain's where it gave one). */
export function toFieldErrors(error: z.$ZodError, prefix: string): FieldError[] {
  return error.issues.flatMap((issue) => {
    const base = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: [base, key].filter(Boolean).join('.'),
        code: 'unknown-field',
        message: `Onbekend veld "${key.slice(0, 50)}".`,
      }));
    }
    const params = (issue as { params?: { code?: string } }).params;
    return [{ path: base, code: params?.code ?? CODES[issue.code] ?? 'invalid', message: issue.message }];
  });
}

/** Through zod's core, so classic and zod/mini schemas (the access check's) are parsed alike. */
export function parseOrThrow<T extends z.$ZodType>(schema: T, input: unknown, prefix: string): z.output<T> {
  const result = z.safeParse(schema, input);
  if (!result.success) throw new ValidationError(toFieldErrors(result.error, prefix));
  return result.data;
}
