/**
 * Reads and checks the environment once, at cold start: a missing or malformed variable fails the
 * function's initialisation with a clear message instead of a confusing error per request.
 */
import * as z from 'zod';
import { ENV } from '#lib/config/env-names';

const EnvSchema = z
  .object({
    [ENV.tableName]: z.string().min(3),
    [ENV.pseudonymSecret]: z.string().min(32).optional(),
    [ENV.pseudonymSecretParameter]: z.string().startsWith('/').optional(),
    [ENV.registryMode]: z.enum(['fixture']).default('fixture'),
    [ENV.today]: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
    [ENV.dynamoEndpoint]: z.url().optional(),
    [ENV.mailTransport]: z.enum(['outbox', 'ses']).default('outbox'),
    [ENV.outboxDir]: z.string().default('.data/outbox'),
    [ENV.mailFrom]: z.string().default('Gebruikersbeheer <no-reply@gebruikersbeheer.local>'),
    [ENV.approvalStateMachineArn]: z.string().startsWith('arn:').optional(),
    [ENV.appUrl]: z.url().default('http://localhost:3000'),
  })
  .refine((e) => e[ENV.pseudonymSecret] || e[ENV.pseudonymSecretParameter], {
    message: `Set ${ENV.pseudonymSecret} or ${ENV.pseudonymSecretParameter}.`,
  });

export type AppEnv = z.infer<typeof EnvSchema>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): AppEnv {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${i.path.join('.') || 'env'}: ${i.message}`).join('; ');
    throw new Error(`Invalid environment: ${fields}`);
  }
  return parsed.data;
}
