/**
 * Key material of the local identity provider, shared by both of its token issuers: the development
 * endpoint (`POST /idp/dev/token`, dev-idp.ts) and the OpenID Connect provider (oidc-provider). One RSA
 * signing key, so every token verifies against the same JWKS, and one salt for the pseudonymous `sub`,
 * so the same person gets the same `sub` from both. Kept in `.data/idp/` (owner-only files) when the
 * stack has a data directory; generated in memory otherwise (tests).
 */
import { createHmac, randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JSONWebKeySet, type JWK } from 'jose';

export interface IdpKeys {
  /** The private RSA key as a JWK, with kid, alg and use. */
  privateJwk: JWK;
  /** Salt for the pseudonymous `sub`; local to this issuer, like a real IdP's pairwise salt. */
  subjectSalt: string;
}

const KEY_FILE = 'signing-key.json';
const SALT_FILE = 'subject-salt';
const COOKIE_KEYS_FILE = 'cookie-keys.json';

export async function generateIdpKeys(): Promise<IdpKeys> {
  const { privateKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
  const jwk = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint(jwk);
  return {
    privateJwk: { ...jwk, kid, alg: 'RS256', use: 'sig' },
    subjectSalt: randomBytes(32).toString('hex'),
  };
}

/** Writes a secret file unless it exists already (mode 0600); returns what is on disk afterwards. */
export async function writeOnce(path: string, content: string): Promise<string> {
  try {
    await writeFile(path, content, { mode: 0o600, flag: 'wx' });
    return content;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return readFile(path, 'utf8');
  }
}

export async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Loads the key and salt from `keyDir`, creating them on first use; without `keyDir`, fresh ones in memory. */
export async function loadIdpKeys(keyDir?: string): Promise<IdpKeys> {
  if (!keyDir) return generateIdpKeys();
  await mkdir(keyDir, { recursive: true, mode: 0o700 });
  const keyPath = join(keyDir, KEY_FILE);
  const saltPath = join(keyDir, SALT_FILE);
  let keyText = await readIfExists(keyPath);
  let saltText = await readIfExists(saltPath);
  if (keyText === undefined || saltText === undefined) {
    const fresh = await generateIdpKeys();
    // `wx` keeps what is already there, so two processes starting at once agree on one key.
    keyText ??= await writeOnce(keyPath, `${JSON.stringify(fresh.privateJwk, null, 2)}\n`);
    saltText ??= await writeOnce(saltPath, `${fresh.subjectSalt}\n`);
  }
  const privateJwk = JSON.parse(keyText) as JWK;
  if (privateJwk.kty !== 'RSA' || !privateJwk.d || !privateJwk.kid) {
    throw new Error(
      `${keyPath} bevat geen private RSA-sleutel; verwijder het bestand om een nieuwe te maken.`,
    );
  }
  return { privateJwk, subjectSalt: saltText.trim() };
}

/** The public half only, as served at `/idp/jwks`. */
export function publicJwks(keys: IdpKeys): JSONWebKeySet {
  const { kty, n, e, kid } = keys.privateJwk;
  return { keys: [{ kty, n, e, kid, alg: 'RS256', use: 'sig' }] };
}

/** HMAC of the national number: stable per person for this issuer, and not reversible without the salt. */
export function subjectFor(keys: IdpKeys, nationalNumber: string): string {
  return createHmac('sha256', keys.subjectSalt).update(nationalNumber).digest('hex').slice(0, 32);
}

/**
 * The key under which a person's login-method activations are stored: an HMAC of the national number
 * under a key derived from the salt for this purpose only, so it differs from the `sub` in tokens.
 */
export function activationKeyFor(keys: IdpKeys, nationalNumber: string): string {
  const purposeKey = createHmac('sha256', keys.subjectSalt).update('login-method-activations').digest();
  return createHmac('sha256', purposeKey).update(nationalNumber).digest('hex');
}

/** Keys that sign oidc-provider's cookies; kept beside the signing key, or fresh in memory. */
export async function loadCookieKeys(keyDir?: string): Promise<string[]> {
  const fresh = [randomBytes(32).toString('base64url')];
  if (!keyDir) return fresh;
  await mkdir(keyDir, { recursive: true, mode: 0o700 });
  const text = await writeOnce(join(keyDir, COOKIE_KEYS_FILE), `${JSON.stringify(fresh)}\n`);
  const keys = JSON.parse(text) as unknown;
  if (
    !Array.isArray(keys) ||
    keys.length === 0 ||
    !keys.every((k) => typeof k === 'string' && k.length >= 32)
  ) {
    throw new Error(
      `${join(keyDir, COOKIE_KEYS_FILE)} is ongeldig; verwijder het bestand om nieuwe sleutels te maken.`,
    );
  }
  return keys as string[];
}
