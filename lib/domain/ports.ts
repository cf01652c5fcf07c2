/**
 * Ports the domain declares; adapters in lib/adapters implement them (a fixture dataset locally,
 * the real registries in a deployment).
 */
import type { PersonDetails } from '#lib/domain/membership';

/** The national register (source VKBP). `null`: no such person. Throws UnavailableError when down. */
export interface NationalRegister {
  lookup(nationalNumber: string): Promise<PersonDetails | null>;
}

export interface LegalRepresentative {
  nationalNumber: string;
  firstName: string;
  lastName: string;
  /** The KBO function, e.g. "Zaakvoerder". */
  function: string;
}

export interface Enterprise {
  enterpriseNumber: string;
  name: string;
  legalRepresentatives: LegalRepresentative[];
}

/** One KBO function a person holds. */
export interface Representation {
  enterpriseNumber: string;
  name: string;
  function: string;
}

/** The KBO (Kruispuntbank van Ondernemingen). `null`: no such enterprise. */
export interface EnterpriseRegistry {
  getEnterprise(enterpriseNumber: string): Promise<Enterprise | null>;
  /** The enterprises where this person is a legal representative, as the KBO says today. */
  findRepresentations(nationalNumber: string): Promise<Representation[]>;
}
