import { PreferencesRequest } from '#lib/contracts/api';
import { apiHandler } from '#lib/http/api-handler';

/** Remembers the last chosen organisation (UW LAATSTE KEUZE). */
export const handler = apiHandler(
  { auth: 'user', body: PreferencesRequest },
  async ({ deps, caller, body }) => {
    const saved = await deps.preferences.put(caller.pseudonym, {
      lastOrganisation: body.lastOrganisation,
    });
    return { status: 200, body: { lastOrganisation: saved.lastOrganisation }, etag: saved.version };
  },
);
