/**
 * Logins, for the person page's *Accounts* tab: recording one (by the identity provider's login hook,
 * locally the OpenID Connect provider, in AWS the Cognito pre token generation trigger) and reading a
 * person's logins on the tab's own route (GET …/persons/{personId}/accounts), so the person page
 * itself stays one Query.
 *
 * A login belongs to the person, not to an organisation, so it is kept under the person's pseudonym
 * (keys.ts, pattern 20) and never under the national number itself.
 */
import type * as z from 'zod/mini';
import type { PersonAccounts } from '#lib/contracts/api';
import { type LoginMethodId, type LoginSummary, methodFromAmr } from '#lib/domain/logins';
import { personNotFound } from '#lib/services/aggregate';
import type { Deps } from '#lib/services/deps';
import { accountsView } from '#lib/services/views';

export interface LoginEvent {
  /** 11 digits; turned into the pseudonym here and dropped. */
  nationalNumber: string;
  /** The token's `amr` as the identity provider gave it (ACM: e.g. `["eid"]`). */
  amr: readonly string[];
  /** ISO 8601; default the clock's now. */
  at?: string;
}

/** Records a successful login: count, first and last use of its method, last login overall. */
export async function recordLogin(deps: Deps, login: LoginEvent): Promise<LoginMethodId> {
  const method = methodFromAmr(login.amr);
  const at = login.at ?? deps.clock().now;
  await deps.logins.record(deps.pseudonymize(login.nationalNumber), method, at);
  return method;
}

/**
 * The national number of a Cognito user may never change: `custom:national_number` has to stay mutable
 * and writable for Cognito to map ACM's claim into it at every login, so the pre token trigger pins the
 * number the user had at its first real login (HMAC pseudonym only) and refuses any other afterwards.
 * A token refresh of a user never bound (from before the binding existed) is refused too: logging in
 * again binds it.
 */
export async function checkCognitoBinding(
  deps: Deps,
  login: { sub: string; nationalNumber: string; firstLogin: boolean },
): Promise<'bound' | 'mismatch' | 'unbound'> {
  return deps.logins.bindCognitoUser(login.sub, deps.pseudonymize(login.nationalNumber), {
    create: login.firstLogin,
    at: deps.clock().now,
  });
}

export async function loginsOf(deps: Deps, pseudonym: string): Promise<LoginSummary | null> {
  return deps.logins.get(pseudonym);
}

/**
 * The Accounts tab of a person of this organisation: one GetItem on the membership (404 when the
 * person is not this organisation's, as on the person page and the history), then one GetItem on the
 * logins. The two cannot be one read: the membership is per organisation
 * (`ORG#{en}#PERSON#{personId}`), the logins per person (`NRN#{pseudo}`), and the pseudonym is only
 * known once the membership is read.
 */
export async function getPersonAccounts(
  deps: Deps,
  enterpriseNumber: string,
  personId: string,
): Promise<z.infer<typeof PersonAccounts>> {
  const pseudonym = await deps.memberships.pseudonymOf(enterpriseNumber, personId);
  if (!pseudonym) throw personNotFound();
  return { accounts: accountsView(await loginsOf(deps, pseudonym)) };
}
