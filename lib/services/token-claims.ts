/**
 * What a person's access token says, decided at every token Cognito issues (the pre token generation
 * trigger, functions/pre-token-generation): the claims to add from the user pool's attributes, the
 * check that the national number is still the one of the user's first login, and the recording of a
 * real login for the Accounts tab. The handler only turns the result into Cognito's response.
 *
 * Cognito access tokens carry no user attributes, yet the API identifies a person by the national
 * number that ACM asserted at login (mapped into the custom attribute below). This trigger copies it
 * into the access token as `national_number`, plus the authentication method and level ACM reported.
 *
 * `amr` and `acr` themselves are claims Cognito does not let a trigger add or change, so ACM's values
 * travel as `acm_amr` and `acm_acr`.
 *
 * The V2_0 event only fires for tokens issued to a person (code flow, refresh); client-credentials
 * tokens of the portal are not touched.
 *
 * It also records the login for the person page's *Accounts* tab (method, first and last use, count),
 * but only for a real authentication at ACM: `TokenGeneration_HostedAuth` (the hosted login) and
 * `TokenGeneration_Authentication`, not `TokenGeneration_RefreshTokens`. Recording is best effort:
 * a failure or a slow table never blocks the login, it only logs a warning.
 *
 * `custom:national_number` must stay mutable and writable by the web client (Cognito writes mapped
 * attributes at every federated login), so the trigger pins it: the first real login binds the Cognito
 * user (its `sub`) to the number's HMAC pseudonym, and every later token, refreshes included, is refused
 * when the number differs, or when a refresh finds no binding. This check fails closed.
 *
 * The national number is personal data under special protection: this function logs only warnings,
 * with an error's name or the refusal's reason and nothing about the person.
 */
import type { Log } from '#lib/domain/ports';

export const ATTRIBUTES = {
  nationalNumber: 'custom:national_number',
  amr: 'custom:amr',
  acr: 'custom:acr',
} as const;

export const CLAIMS = {
  nationalNumber: 'national_number',
  amr: 'acm_amr',
  acr: 'acm_acr',
} as const;

/** What Cognito V2_0 accepts as a claim value (the @types package narrows it to strings). */
type ClaimValue = string | string[];
type StringMap = Record<string, string>;

const NATIONAL_NUMBER = /^\d{11}$/;
/** Method and level names such as `eid`, `itsme`, `urn:be:vlaanderen:acm:loa:substantial`. */
const TOKEN = /^[\w.:/-]{1,200}$/;
const MAX_METHODS = 10;

/**
 * ACM sends `amr` as a JSON array. Cognito stores a multi-valued IdP claim in one string attribute and
 * URL-form-encodes values with special characters, so accept a JSON array, a bracketed list or a
 * comma/space separated list, and keep only well-formed names.
 */
export function parseMethods(raw: string | undefined): string[] {
  if (!raw?.trim()) return [];
  let values: unknown[];
  try {
    const parsed: unknown = JSON.parse(raw);
    values = Array.isArray(parsed) ? parsed : [parsed];
  } catch {
    values = raw
      .trim()
      .replace(/^\[|\]$/g, '')
      .split(/[\s,]+/);
  }
  const methods = values
    .filter((value): value is string => typeof value === 'string')
    .map((value) => decode(value.trim().replace(/^"|"$/g, '')))
    .filter((value) => TOKEN.test(value));
  return [...new Set(methods)].slice(0, MAX_METHODS);
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}

/** The claims to add to a person's access token, from their user pool attributes. */
export function accessTokenClaims(attributes: StringMap): Record<string, ClaimValue> {
  const claims: Record<string, ClaimValue> = {};
  const nationalNumber = attributes[ATTRIBUTES.nationalNumber]?.trim();
  // A malformed value is left out rather than passed on: the API then refuses the token (401).
  if (nationalNumber && NATIONAL_NUMBER.test(nationalNumber)) claims[CLAIMS.nationalNumber] = nationalNumber;
  const amr = parseMethods(attributes[ATTRIBUTES.amr]);
  if (amr.length > 0) claims[CLAIMS.amr] = amr;
  const acr = attributes[ATTRIBUTES.acr]?.trim();
  if (acr && TOKEN.test(acr)) claims[CLAIMS.acr] = acr;
  return claims;
}

/** Trigger sources of a login at ACM; the others (refresh, ...) issue tokens without a new login. */
export const LOGIN_TRIGGERS: ReadonlySet<string> = new Set([
  'TokenGeneration_HostedAuth',
  'TokenGeneration_Authentication',
]);

/** Cognito waits at most 5 seconds for the whole trigger; recording may take part of that, no more. */
export const RECORD_BUDGET_MS = 2_000;

export type LoginRecorder = (login: { nationalNumber: string; amr: string[] }) => Promise<unknown>;
export type BindingCheck = (login: {
  sub: string;
  nationalNumber: string;
  firstLogin: boolean;
}) => Promise<'bound' | 'mismatch' | 'unbound'>;

/** Thrown to make Cognito refuse the token; the message reaches the person, so it says nothing personal. */
export class TokenRefusedError extends Error {
  override name = 'TokenRefused';
}

class RecordTimeout extends Error {
  override name = 'RecordTimeout';
}

async function recordSafely(
  record: LoginRecorder,
  log: Log,
  login: { nationalNumber: string; amr: string[] },
) {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      record(login),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new RecordTimeout()), RECORD_BUDGET_MS);
      }),
    ]);
  } catch (error) {
    // The error's name only: a message could carry a key or a value of the request.
    log.warn('login not recorded', { reason: error instanceof Error ? error.name : 'unknown' });
  } finally {
    clearTimeout(timer);
  }
}

export interface TokenServices {
  record: LoginRecorder;
  bind: BindingCheck;
  log: Log;
}

/** The claims for the access token of a person, or TokenRefusedError. */
export async function accessTokenFor(
  services: TokenServices,
  token: { attributes: StringMap; triggerSource: string },
): Promise<Record<string, ClaimValue>> {
  const { attributes, triggerSource } = token;
  const claims = accessTokenClaims(attributes);
  const nationalNumber = claims[CLAIMS.nationalNumber];
  if (typeof nationalNumber !== 'string') return claims;
  const sub = attributes.sub ?? '';
  const binding = sub
    ? await services.bind({ sub, nationalNumber, firstLogin: LOGIN_TRIGGERS.has(triggerSource) })
    : 'unbound';
  if (binding !== 'bound') {
    services.log.warn('token refused', { reason: binding, triggerSource });
    throw new TokenRefusedError(
      binding === 'mismatch'
        ? 'Aanmelden geweigerd: het rijksregisternummer van deze gebruiker verschilt van dat bij de eerste aanmelding.'
        : 'Meld u opnieuw aan.',
    );
  }
  if (LOGIN_TRIGGERS.has(triggerSource)) {
    await recordSafely(services.record, services.log, {
      nationalNumber,
      amr: parseMethods(attributes[ATTRIBUTES.amr]),
    });
  }
  return claims;
}
