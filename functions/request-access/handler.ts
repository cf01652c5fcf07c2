// Starts or answers the approval workflow (the function CDK grants Step Functions to): plugs in its adapter.
import '#lib/runtime/workflows-adapter';
import { AccessRequestBody } from '#lib/contracts/api';
import { apiHandler } from '#lib/http/api-handler';
import { lazyIdempotency } from '#lib/http/idempotency';
import { requestAccess } from '#lib/services/access-requests/request';
import { requestView } from '#lib/services/access-requests/shared';
import '#lib/runtime/registries-adapter';

/** A person without access asks for it; the approval workflow takes it from here (202). */
export const handler = apiHandler(
  { auth: 'user', body: AccessRequestBody, idempotent: lazyIdempotency },
  async ({ deps, caller, body }) => {
    const request = await requestAccess(deps, caller, body);
    return { status: 202, body: requestView(request), headers: { location: '/api/me/access-requests' } };
  },
);
