import * as z from 'zod/v4/core';
import { withContractLanguage } from '#lib/contracts/i18n';
import { type FieldError, fieldError, ValidationError } from '#lib/domain/errors';
import { DEFAULT_LANGUAGE, type Language } from '#lib/domain/i18n/language';

const CODES: Record<string, string> = {
  invalid_type: 'invalid-type',
  unrecognized_keys: 'unknown-field',
  too_small: 'too-small',
  too_big: 'too-big',
  invalid_value: 'invalid-value',
  invalid_format: 'invalid-format',
  custom: 'invalid',
};

/**
 * zod issues → field errors with a stable code (the domain's where it gave one). The messages are in
 * the language of the parse (lib/contracts/i18n.ts).
 */
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

/**
 * Through zod's core, so classic and zod/mini schemas (the access check's) are parsed alike; the field
 * messages in `language`.
 */
export function parseOrThrow<T extends z.$ZodType>(
  schema: T,
  input: unknown,
  prefix: string,
  language: Language = DEFAULT_LANGUAGE,
): z.output<T> {
  // zod words its messages when they are first read: read them within the language too.
  const result = withContractLanguage(language, () => {
    const parsed = z.safeParse(schema, input);
    return parsed.success ? parsed : { success: false as const, errors: toFieldErrors(parsed.error, prefix) };
  });
  if (!result.success) throw new ValidationError(result.errors);
  return result.data;
}
