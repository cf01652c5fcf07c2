import { apiHandler } from '#lib/http/api-handler';
import { requestView } from '#lib/services/access-requests/shared';

export const handler = apiHandler({ auth: 'user' }, async ({ deps, caller }) => ({
  status: 200,
  body: { items: (await deps.requests.listMine(caller.pseudonym)).map(requestView) },
}));
