/**
 * The registries' settings (REGISTRIES and MAGDA's), read by the registries' adapter module when it
 * builds them at first use, so only the functions that ask a registry carry this schema; a missing or
 * malformed setting fails that first use with a clear message.
 */
import * as z from 'zod/mini';
import { fail } from '#lib/config/env';
import { ENV } from '#lib/config/env-names';

const RegistryEnvSchema = z
  .object({
    [ENV.registries]: z._default(z.enum(['magda', 'demo']), 'magda'),
    [ENV.magdaEndpoint]: z.optional(z.url({ protocol: /^https$/ })),
    [ENV.magdaCertificateSecret]: z.optional(z.string().check(z.minLength(1))),
    [ENV.magdaCertificateFile]: z.optional(z.string().check(z.minLength(1))),
    [ENV.magdaSenderId]: z.optional(z.string().check(z.minLength(1), z.maxLength(120))),
    [ENV.magdaCapacity]: z.optional(z.string().check(z.minLength(1))),
    [ENV.magdaRecipientId]: z._default(z.string().check(z.minLength(1)), 'vip.vlaanderen.be'),
    [ENV.magdaTimeoutMs]: z._default(z.coerce.number().check(z.int(), z.gte(500), z.lte(30_000)), 4_000),
    [ENV.kboMemorySeconds]: z._default(z.coerce.number().check(z.int(), z.gte(0), z.lte(60)), 60),
    [ENV.today]: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))),
  })
  .check(
    // A function must never fall back to the demo world because MAGDA's settings are missing.
    z.refine(
      (e) =>
        e[ENV.registries] === 'demo' ||
        Boolean(
          e[ENV.magdaEndpoint] &&
            e[ENV.magdaSenderId] &&
            (e[ENV.magdaCertificateSecret] || e[ENV.magdaCertificateFile]),
        ),
      {
        message: `${ENV.registries}=magda needs ${ENV.magdaEndpoint}, ${ENV.magdaSenderId} and ${ENV.magdaCertificateSecret} or ${ENV.magdaCertificateFile} (or set ${ENV.registries}=demo explicitly).`,
      },
    ),
  );

export type RegistryEnv = z.infer<typeof RegistryEnvSchema>;

export function readRegistryEnv(source: NodeJS.ProcessEnv = process.env): RegistryEnv {
  const parsed = RegistryEnvSchema.safeParse(source);
  return parsed.success ? parsed.data : fail(parsed.error.issues);
}
