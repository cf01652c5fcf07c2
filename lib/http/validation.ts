import type * as z from 'zod/v4/core';
import { check } from '#lib/contracts/field-errors';
import { withContractLanguage } from '#lib/contracts/i18n';
import { ValidationError } from '#lib/domain/errors';
import { DEFAULT_LANGUAGE, type Language } from '#lib/domain/i18n/language';

export { toFieldErrors } from '#lib/contracts/field-errors';

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
  const result = withContractLanguage(language, () => check(schema, input, prefix));
  if (!result.ok) throw new ValidationError(result.errors);
  return result.value;
}
