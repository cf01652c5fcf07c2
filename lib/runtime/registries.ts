/**
 * Which registries this environment reads: one decision, made here. Today only the demo world's
 * fixtures exist (ENV.registryMode `fixture`, the default and the only value the environment accepts).
 * Kept apart from deps.ts so a function that needs no table (the public KBO route) gets the registry
 * without the table's configuration.
 */
import {
  fixtureEnterpriseRegistry,
  fixtureNationalRegister,
} from '#lib/adapters/registries/fixture-registries';
import type { EnterpriseRegistry, NationalRegister } from '#lib/domain/ports';

export interface Registries {
  nationalRegister: NationalRegister;
  enterpriseRegistry: EnterpriseRegistry;
}

export function registries(): Registries {
  return { nationalRegister: fixtureNationalRegister, enterpriseRegistry: fixtureEnterpriseRegistry };
}
