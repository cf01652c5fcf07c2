import { DeleteRequest, LocalAdminParams } from '#lib/contracts/api';
import { apiHandler } from '#lib/http/api-handler';
import { isLegalRepresentative } from '#lib/services/kbo/read';
import { removeLocalAdmin } from '#lib/services/local-admins';
import '#lib/runtime/registries-adapter';

/** Removing the last local administrator is allowed, and answered with a warning. */
export const handler = apiHandler(
  {
    auth: 'user',
    representative: isLegalRepresentative,
    params: LocalAdminParams,
    body: DeleteRequest,
    ifMatch: true,
  },
  async ({ deps, caller, params, body, ifMatch, language }) => ({
    status: 200,
    body: await removeLocalAdmin(deps, caller, {
      ...params,
      version: ifMatch,
      reason: body.reason,
      language,
    }),
  }),
);
