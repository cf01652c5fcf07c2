/**
 * Work relationship categories and the seed of the right catalogue. The catalogue is data: it is
 * written to the table at seed time and read from there, so new rights need no code change.
 */
export const RELATIONSHIP_CATEGORIES = [
  'Vaste medewerker',
  'Tijdelijke medewerker',
  'Externe medewerker',
  'Stagiair',
] as const;
export type RelationshipCategory = (typeof RELATIONSHIP_CATEGORIES)[number];

export interface RightDefinition {
  /** Stable identifier used in the API and in the access check. */
  rightId: string;
  name: string;
  description: string;
  profiles: string[];
  maxYears: number;
  /**
   * Where the person logs in once they hold the right (the relying portal): the UI links it in its
   * message after a grant. Optional: a right without a portal of its own has none.
   */
  portalUrl?: string;
}

export const VLAIO_RIGHT = 'VLAIO Inkom Gebruiker Nieuw';
export const PROFILE_SERVICE_PROVIDER = 'Dienstverlener kmo-portefeuille';
export const PROFILE_USER = 'Gebruiker';

export const SEED_CATALOGUE: readonly RightDefinition[] = [
  {
    rightId: VLAIO_RIGHT,
    name: VLAIO_RIGHT,
    description:
      'Dit gebruikersrecht geeft toegang tot de digitale steunmaatregelen van het Agentschap Innoveren en Ondernemen.',
    profiles: [PROFILE_SERVICE_PROVIDER, PROFILE_USER],
    maxYears: 5,
    portalUrl: 'https://inkom.vlaanderen.be/op/mz/initLoginMZ.do',
  },
];
