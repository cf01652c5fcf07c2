/**
 * The UI's runtime settings come from `/config.json` next to the UI, never from the bundle: the local
 * stack serves its own (infra/local/static.ts), and in AWS the deployment writes one for Cognito's
 * hosted login. Fields:
 * - `authority`: the OpenID Connect issuer (locally `http://localhost:3000/idp`);
 * - `clientId`: the public web client (code flow with PKCE, no secret);
 * - `apiBaseUrl`: where the API lives, relative to the UI (`/api`) or absolute;
 * - `scope` (default `openid profile`), `extraQueryParams` (e.g. `{"identity_provider":"ACM"}` for
 *   Cognito), `today` (a fixed calendar day when the stack runs with one, for tests);
 * - `logoutUrl`: a logout endpoint the provider does not announce in its discovery document (Cognito's
 *   `https://<domain>/logout`, called with `client_id` and `logout_uri`); unset, the UI uses the
 *   discovered `end_session_endpoint` (the local provider) or only ends the session in the tab.
 */
import * as z from 'zod/mini';

export const AppConfig = z.object({
  authority: z.url(),
  clientId: z.string().check(z.minLength(1)),
  apiBaseUrl: z.string().check(z.minLength(1)),
  scope: z._default(z.string(), 'openid profile'),
  extraQueryParams: z.optional(z.record(z.string(), z.string())),
  logoutUrl: z.optional(z.url()),
  today: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))),
});
export type AppConfig = z.infer<typeof AppConfig>;

export async function loadConfig(): Promise<AppConfig> {
  const res = await fetch('/config.json', { cache: 'no-store', headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`/config.json antwoordde ${res.status}`);
  const parsed = AppConfig.safeParse(await res.json());
  if (!parsed.success) throw new Error('/config.json is onvolledig of ongeldig.');
  return { ...parsed.data, apiBaseUrl: parsed.data.apiBaseUrl.replace(/\/+$/, '') };
}
