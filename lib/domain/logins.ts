/**
 * How people log in (the ACM methods of the seed's step 1) and what we keep about it for the person
 * page's *Accounts* tab: per method the first and last use and a count, plus the last login overall.
 * Pure: the identity provider (ACM, or the local stand-in) says how someone authenticated in the
 * token's `amr`; this module turns that into one of our methods.
 */

/** The five ACM methods, in the order of ACM's choice screen, and `other` for an `amr` we do not know. */
export const LOGIN_METHODS = ['eid', 'app', 'itsme', 'sms', 'federaal-token', 'other'] as const;
export type LoginMethodId = (typeof LOGIN_METHODS)[number];

/**
 * `amr` values (RFC 8176 names where they exist, ACM's own otherwise) → our method. The first value
 * that names a method decides; the order below puts the specific names before the generic ones
 * (`otp` could be either code, `sms` says which).
 */
const AMR_TO_METHOD: readonly (readonly [string, LoginMethodId])[] = [
  ['itsme', 'itsme'],
  ['eid', 'eid'],
  ['sc', 'eid'],
  ['hwk', 'eid'],
  ['fas', 'federaal-token'],
  ['federaal-token', 'federaal-token'],
  ['federal-token', 'federaal-token'],
  ['token', 'federaal-token'],
  ['sms', 'sms'],
  ['totp', 'app'],
  ['app', 'app'],
  ['otp', 'app'],
];

/** The method an `amr` claim names; `other` when it names none we know (an empty claim included). */
export function methodFromAmr(amr: readonly string[]): LoginMethodId {
  const values = new Set(amr.map((value) => value.trim().toLowerCase()));
  for (const [name, method] of AMR_TO_METHOD) if (values.has(name)) return method;
  return 'other';
}

export interface MethodUse {
  method: LoginMethodId;
  /** ISO 8601 instants. */
  firstUsedAt: string;
  lastUsedAt: string;
  count: number;
}

export interface LoginSummary {
  lastLoginAt: string;
  lastMethod: LoginMethodId;
  /** Most recently used first. */
  methods: MethodUse[];
}

export function isLoginMethod(value: string): value is LoginMethodId {
  return (LOGIN_METHODS as readonly string[]).includes(value);
}
