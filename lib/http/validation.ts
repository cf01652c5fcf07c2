import type * as z from 'zod/v4/core';
import { check } from '#lib/contracts/field-errors';
import { ValidationError } from '#lib/domain/errors';

export { toFieldErrors } from '#lib/contracts/field-errors';

/** Through zod's core, so classic and zod/mini schemas (the access check's) are parsed alike. */
export function parseOrThrow<T extends z.$ZodType>(schema: T, input: unknown, prefix: string): z.output<T> {
  const result = check(schema, input, prefix);
  if (!result.ok) throw new ValidationError(result.errors);
  return result.value;
}
