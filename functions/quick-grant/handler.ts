import { OrgParams, QuickGrantRequest } from '#lib/contracts/api';
import { apiHandler } from '#lib/http/api-handler';
import { lazyIdempotency } from '#lib/http/idempotency';
import { quickGrantOrAsk } from '#lib/services/separation';
import { personPage } from '#lib/services/views';
import '#lib/runtime/registries-adapter';
// For oneself with other local administrators, the grant becomes an access request: it starts the approval.
import '#lib/runtime/workflows-adapter';

export const handler = apiHandler(
  { auth: 'user', admin: true, params: OrgParams, body: QuickGrantRequest, idempotent: lazyIdempotency },
  async ({ deps, params, body, actor, admin, caller, language }) => {
    const result = await quickGrantOrAsk(
      deps,
      { admin, actor, caller, language },
      {
        ...body,
        enterpriseNumber: params.enterpriseNumber,
        nationalNumber: body.nationalNumber.value,
      },
    );
    if ('asked' in result) return { status: 202, body: result.asked };
    const { aggregate, created } = result;
    return { status: 201, body: { ...personPage(aggregate, deps.clock().today), created } };
  },
);
