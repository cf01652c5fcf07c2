import { AddPersonRequest, OrgParams } from '#lib/contracts/api';
import { apiHandler } from '#lib/http/api-handler';
import { lazyIdempotency } from '#lib/http/idempotency';
import { addPerson } from '#lib/services/persons';
import { personPage } from '#lib/services/views';
import '#lib/runtime/registries-adapter';

export const handler = apiHandler(
  { auth: 'user', admin: true, params: OrgParams, body: AddPersonRequest, idempotent: lazyIdempotency },
  async ({ deps, params, body, actor }) => {
    const agg = await addPerson(deps, actor, {
      enterpriseNumber: params.enterpriseNumber,
      nationalNumber: body.nationalNumber.value,
      nickname: body.nickname,
      initials: body.initials,
      reason: body.reason,
    });
    return {
      status: 201,
      body: personPage(agg, deps.clock().today),
      etag: agg.membership.version,
      headers: {
        location: `/api/organisations/${params.enterpriseNumber}/persons/${agg.membership.personId}`,
      },
    };
  },
);
