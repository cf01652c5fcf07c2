import { AppointLocalAdminRequest, OrgParams } from '#lib/contracts/api';
import { apiHandler } from '#lib/http/api-handler';
import { lazyIdempotency } from '#lib/http/idempotency';
import { isLegalRepresentative } from '#lib/services/kbo/read';
import { adminView, appointLocalAdmin } from '#lib/services/local-admins';
import '#lib/runtime/registries-adapter';

/** A legal representative (per the KBO, now) appoints a local administrator. */
export const handler = apiHandler(
  {
    auth: 'user',
    representative: isLegalRepresentative,
    params: OrgParams,
    body: AppointLocalAdminRequest,
    idempotent: lazyIdempotency,
  },
  async ({ deps, caller, params, body }) => {
    const admin = await appointLocalAdmin(deps, caller, {
      enterpriseNumber: params.enterpriseNumber,
      nationalNumber: body.nationalNumber.value,
      reason: body.reason,
    });
    return { status: 201, body: adminView(admin), etag: admin.version };
  },
);
