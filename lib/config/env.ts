/**
 * Reads and checks the environment once, at cold start: a missing or malformed variable fails the
 * function's initialisation with a clear message instead of a confusing error per request.
 */
// zod/mini: every function reads its environment, and the mini build keeps that out of bundle size.
import * as z from 'zod/mini';
import { ENV } from '#lib/config/env-names';

const EnvSchema = z
  .object({
    [ENV.tableName]: z.string().check(z.minLength(3)),
    [ENV.pseudonymSecret]: z.optional(z.string().check(z.minLength(32))),
    [ENV.pseudonymSecretParameter]: z.optional(z.string().check(z.startsWith('/'))),
    [ENV.today]: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))),
    [ENV.dynamoEndpoint]: z.optional(z.url()),
    [ENV.mailTransport]: z._default(z.enum(['outbox', 'ses']), 'outbox'),
    [ENV.outboxDir]: z._default(z.string(), '.data/outbox'),
    [ENV.mailFrom]: z._default(z.string(), 'Gebruikersbeheer <no-reply@gebruikersbeheer.local>'),
    [ENV.approvalStateMachineArn]: z.optional(z.string().check(z.startsWith('arn:'))),
    [ENV.reviewStateMachineArn]: z.optional(z.string().check(z.startsWith('arn:'))),
    [ENV.bulkStateMachineArn]: z.optional(z.string().check(z.startsWith('arn:'))),
    [ENV.appUrl]: z._default(z.url(), 'http://localhost:3000'),
    [ENV.registerMaxAgeHours]: z.optional(z.string().check(z.regex(/^[1-9]\d{0,2}$/))),
  })
  .check(
    z.refine((e) => Boolean(e[ENV.pseudonymSecret] || e[ENV.pseudonymSecretParameter]), {
      message: `Set ${ENV.pseudonymSecret} or ${ENV.pseudonymSecretParameter}.`,
    }),
  );

export type AppEnv = z.infer<typeof EnvSchema>;

export function fail(issues: readonly { path: readonly PropertyKey[]; message: string }[]): never {
  const fields = issues.map((i) => `${i.path.join('.') || 'env'}: ${i.message}`).join('; ');
  throw new Error(`Invalid environment: ${fields}`);
}

export function readEnv(source: NodeJS.ProcessEnv = process.env): AppEnv {
  const parsed = EnvSchema.safeParse(source);
  return parsed.success ? parsed.data : fail(parsed.error.issues);
}
