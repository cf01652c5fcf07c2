import { OrgParams, QuickGrantRequest } from '#lib/contracts/api';
import { apiHandler } from '#lib/http/api-handler';
import { lazyIdempotency } from '#lib/http/idempotency';
import { quickGrant } from '#lib/services/quick-grant';
import { personPage } from '#lib/services/views';
import '#lib/runtime/registries-adapter';

export const handler = apiHandler(
  { auth: 'user', admin: true, params: OrgParams, body: QuickGrantRequest, idempotent: lazyIdempotency },
  async ({ deps, params, body, actor }) => {
    const { aggregate, created } = await quickGrant(deps, actor, {
      ...body,
      enterpriseNumber: params.enterpriseNumber,
      nationalNumber: body.nationalNumber.value,
    });
    return { status: 201, body: { ...personPage(aggregate, deps.clock().today), created } };
  },
);
