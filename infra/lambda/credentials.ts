/**
 * Bundled in place of `@aws-sdk/credential-provider-node` (see infra/bundling.ts). Lambda always hands
 * the execution role's credentials to the function in environment variables, so the default chain's
 * other sources (SSO, ini files, web identity, container and instance metadata) are never reached there;
 * leaving them out takes about 140 KB out of every bundle and shortens the cold start. Local runs and
 * tests import the SDK unbundled and keep the full chain.
 */
import { fromEnv } from '@aws-sdk/credential-provider-env';

export const defaultProvider = (init?: Parameters<typeof fromEnv>[0]) => fromEnv(init);
