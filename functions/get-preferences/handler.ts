import { apiHandler } from '#lib/http/api-handler';
import { myPreferences } from '#lib/services/preferences';

/** One's own preferences (the defaults for what was never saved); the ETag is what PUT takes as If-Match. */
export const handler = apiHandler({ auth: 'user' }, async ({ deps, caller }) => {
  const preferences = await myPreferences(deps, caller.pseudonym);
  return { status: 200, body: preferences, etag: preferences.version };
});
