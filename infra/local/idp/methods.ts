/** The five ways to log in on ACM's "Kies manier van aanmelden", in the order of its screen. */

export type MethodId = 'eid' | 'app' | 'itsme' | 'sms' | 'federaal-token';

export interface LoginMethod {
  id: MethodId;
  label: string;
  /** Authentication methods reference (RFC 8176 names where they exist) put in the token's `amr`. */
  amr: string[];
  /** eIDAS level of assurance put in the token's `acr`. */
  acr: 'high' | 'substantial';
  /** Stood in for locally by choosing a person of the demo register. */
  simulated: boolean;
  /** Needs a one-time activation ("Eerste gebruik?"). */
  activation: boolean;
  easiest: boolean;
  /** "Meer info". */
  info: string;
  /** Page title of the method. */
  title: string;
}

export const METHODS: readonly LoginMethod[] = [
  {
    id: 'eid',
    label: 'eID en aangesloten kaartlezer',
    title: 'Aanmelden met eID en kaartlezer',
    amr: ['eid'],
    acr: 'high',
    simulated: true,
    activation: false,
    easiest: false,
    info: 'U meldt aan met uw elektronische identiteitskaart in een kaartlezer die op uw computer is aangesloten, en uw pincode.',
  },
  {
    id: 'app',
    label: 'Beveiligingscode via mobiele app',
    title: 'Aanmelden met een beveiligingscode via mobiele app',
    amr: ['totp'],
    acr: 'substantial',
    simulated: false,
    activation: true,
    easiest: true,
    info: 'U meldt aan met uw rijksregisternummer en een code van 6 cijfers uit een authenticator-app op uw smartphone. De app geeft elke 30 seconden een nieuwe code. U activeert de app één keer.',
  },
  {
    id: 'itsme',
    label: 'itsme®',
    title: 'Aanmelden met itsme®',
    amr: ['itsme'],
    acr: 'high',
    simulated: true,
    activation: false,
    easiest: false,
    info: 'U meldt aan met de itsme-app op uw smartphone en bevestigt met uw itsme-code.',
  },
  {
    id: 'sms',
    label: 'Beveiligingscode via SMS',
    title: 'Aanmelden met een beveiligingscode via SMS',
    amr: ['sms'],
    acr: 'substantial',
    simulated: false,
    activation: true,
    easiest: false,
    info: 'U meldt aan met uw rijksregisternummer en een code van 6 cijfers die u per SMS ontvangt. U registreert uw gsm-nummer één keer.',
  },
  {
    id: 'federaal-token',
    label: 'Federaal token',
    title: 'Aanmelden met federaal token',
    amr: ['fas'],
    acr: 'substantial',
    simulated: true,
    activation: false,
    easiest: false,
    info: 'U meldt aan met uw gebruikersnaam, wachtwoord en een code van uw federaal token (de kaart met 24 codes).',
  },
];

export function methodById(id: string): LoginMethod | undefined {
  return METHODS.find((method) => method.id === id);
}
