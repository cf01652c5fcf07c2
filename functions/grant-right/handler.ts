// For oneself with other local administrators, the grant becomes an access request: it starts the approval.
import '#lib/runtime/workflows-adapter';
import { GrantRightRequest, PersonParams } from '#lib/contracts/api';
import { apiHandler } from '#lib/http/api-handler';
import { lazyIdempotency } from '#lib/http/idempotency';
import { grantOrAsk } from '#lib/services/separation';
import { personPage } from '#lib/services/views';

/** 201 with the person page; 202 with the request when an administrator grants themselves a right. */
export const handler = apiHandler(
  { auth: 'user', admin: true, params: PersonParams, body: GrantRightRequest, idempotent: lazyIdempotency },
  async ({ deps, params, body, actor, admin, caller, language }) => {
    const { reason, right, ...input } = body;
    const result = await grantOrAsk(
      deps,
      { admin, actor, caller, language },
      { ...params, reason },
      right,
      input,
    );
    if ('asked' in result) return { status: 202, body: result.asked };
    const created = result.granted.grants.find((g) => g.rightId === right);
    return { status: 201, body: personPage(result.granted, deps.clock().today), etag: created?.version };
  },
);
