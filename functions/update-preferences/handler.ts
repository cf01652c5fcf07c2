import { PreferencesRequest } from '#lib/contracts/api';
import { apiHandler } from '#lib/http/api-handler';
import { updateMyPreferences } from '#lib/services/preferences';

/**
 * Changes one's preferences: the last organisation (UW LAATSTE KEUZE), the language and/or the
 * notifications (If-Match).
 */
export const handler = apiHandler(
  { auth: 'user', body: PreferencesRequest },
  async ({ deps, caller, body, ifMatch }) => {
    const saved = await updateMyPreferences(deps, caller.pseudonym, body, ifMatch);
    return { status: 200, body: saved, etag: saved.version };
  },
);
