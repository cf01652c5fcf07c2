import { OrgParams } from '#lib/contracts/api';
import { apiHandler } from '#lib/http/api-handler';
import { registries } from '#lib/runtime/registries';
import { requirePublicEnterprise } from '#lib/services/local-admins';
import '#lib/runtime/registries-adapter';

/**
 * Public: the legal representatives of an enterprise, as the KBO's public search shows them (names
 * and functions only). Needs no table, so it asks the runtime for the registry alone; throttled per route.
 */
export const handler = apiHandler({ auth: 'none', params: OrgParams }, async ({ params }) => {
  const enterprise = await requirePublicEnterprise(registries(), params.enterpriseNumber);
  return {
    status: 200,
    body: {
      enterpriseNumber: enterprise.enterpriseNumber,
      name: enterprise.name,
      legalRepresentatives: enterprise.legalRepresentatives.map((r) => ({
        name: `${r.firstName} ${r.lastName}`,
        function: r.function,
      })),
    },
    headers: { 'cache-control': 'public, max-age=300' },
  };
});
