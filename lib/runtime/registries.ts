/**
 * Which registries this environment reads: one decision, made here, from REGISTRIES. `magda` (the
 * default) reads the national register and the KBO through MAGDA; `demo` reads the demo world's dataset,
 * and only when asked for by name, so a deployment cannot serve it by accident. The adapters are plugged
 * in by the handlers of the functions that ask a registry (`#lib/runtime/registries-adapter`), so the
 * XML and signature code stays out of every other bundle; they are built at first use, since the
 * certificate comes from the Parameters and Secrets extension, which answers only during an invocation.
 * Kept apart from deps.ts so a function that needs no table (the public KBO route) gets the registries
 * without the table's configuration.
 */
import type { EnterpriseRegistry, NationalRegister } from '#lib/domain/ports';

export interface Registries {
  nationalRegister: NationalRegister;
  enterpriseRegistry: EnterpriseRegistry;
}

export type RegistriesFactory = () => Promise<Registries>;

let factory: RegistriesFactory | undefined;
let built: Promise<Registries> | undefined;

export function plugRegistries(f: RegistriesFactory): void {
  factory = f;
  built = undefined;
}

function current(): Promise<Registries> {
  if (!built) {
    if (!factory) throw new Error('No registries plugged in (import #lib/runtime/registries-adapter).');
    const making = factory();
    // A failed start (the secret not readable yet) must not stick for the life of the container.
    making.catch(() => {
      if (built === making) built = undefined;
    });
    built = making;
  }
  return built;
}

/** The registries, resolved at their first use. */
export function registries(): Registries {
  return {
    nationalRegister: { lookup: async (n) => (await current()).nationalRegister.lookup(n) },
    enterpriseRegistry: {
      getEnterprise: async (en) => (await current()).enterpriseRegistry.getEnterprise(en),
      findRepresentations: async (n) => (await current()).enterpriseRegistry.findRepresentations(n),
    },
  };
}

/** Forget the built registries (tests that change the environment). */
export function resetRegistries(): void {
  built = undefined;
}
