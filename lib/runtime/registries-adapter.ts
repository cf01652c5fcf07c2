/**
 * Plugs the registries' adapters in (see registries.ts): MAGDA's, with the certificate from Secrets
 * Manager (through the Parameters and Secrets extension) or, locally, from a file, or the demo dataset.
 * Imported by the handlers of the functions that ask the national register or the KBO.
 */
import { readFile } from 'node:fs/promises';
import * as z from 'zod/mini';
import { getSecretFromExtension } from '#lib/adapters/parameters-extension';
import {
  fixtureEnterpriseRegistry,
  fixtureNationalRegister,
} from '#lib/adapters/registries/fixture-registries';
import { createMagdaClient } from '#lib/adapters/registries/magda/client';
import { magdaEnterpriseRegistry } from '#lib/adapters/registries/magda/enterprise-registry';
import { magdaNationalRegister } from '#lib/adapters/registries/magda/national-register';
import { rememberedEnterpriseRegistry } from '#lib/adapters/registries/memo';
import { type RegistryEnv, readRegistryEnv } from '#lib/config/registry-env';
import { brusselsWallClock, todayInBrussels } from '#lib/domain/period';
import type { Enterprise } from '#lib/domain/ports';
import { log } from '#lib/runtime/logger';
import { plugRegistries } from '#lib/runtime/registries';

const Certificate = z.object({
  certificate: z.string().check(z.includes('-----BEGIN CERTIFICATE-----')),
  privateKey: z.string().check(z.includes('PRIVATE KEY-----')),
  ca: z.optional(z.string().check(z.includes('-----BEGIN CERTIFICATE-----'))),
});

async function certificate(env: RegistryEnv) {
  const source = env.MAGDA_CERTIFICATE_FILE
    ? await readFile(env.MAGDA_CERTIFICATE_FILE, 'utf8')
    : await getSecretFromExtension(env.MAGDA_CERTIFICATE_SECRET ?? '');
  const parsed = Certificate.safeParse(JSON.parse(source));
  // The secret's content never goes into a message.
  if (!parsed.success)
    throw new Error('The MAGDA certificate must be JSON with certificate, privateKey and optional ca (PEM).');
  return parsed.data;
}

plugRegistries(async () => {
  const env = readRegistryEnv();
  const today = () => env.APP_TODAY ?? todayInBrussels();
  if (env.REGISTRIES === 'demo') {
    log.warn('Registries: the demo dataset (REGISTRIES=demo), not the national register and the KBO.');
    return {
      nationalRegister: fixtureNationalRegister,
      enterpriseRegistry: fixtureEnterpriseRegistry(today),
    };
  }
  const client = createMagdaClient({
    endpoint: env.MAGDA_ENDPOINT ?? '',
    identity: {
      senderId: env.MAGDA_SENDER_ID ?? '',
      capacity: env.MAGDA_CAPACITY,
      recipientId: env.MAGDA_RECIPIENT_ID,
    },
    tls: await certificate(env),
    timeoutMs: env.MAGDA_TIMEOUT_MS,
    maxResponseBytes: 1_000_000,
    log,
    clock: () => ({ date: today(), time: brusselsWallClock().time }),
  });
  let remembered: { getEnterprise(en: string): Promise<Enterprise | null> } | undefined;
  const kbo = rememberedEnterpriseRegistry(
    magdaEnterpriseRegistry(client, {
      today,
      enterprise: (en) => remembered?.getEnterprise(en) ?? Promise.resolve(null),
    }),
    { ttlMs: env.KBO_MEMORY_SECONDS * 1000 },
  );
  remembered = kbo;
  return {
    nationalRegister: magdaNationalRegister(client, {
      senderId: env.MAGDA_SENDER_ID ?? '',
      capacity: env.MAGDA_CAPACITY,
      today,
    }),
    enterpriseRegistry: kbo,
  };
});
