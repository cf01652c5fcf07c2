import '#lib/runtime/reviews-adapter';
import { CampaignParams } from '#lib/contracts/api';
import { apiHandler } from '#lib/http/api-handler';
import { getCampaign } from '#lib/services/reviews/campaigns';

/** A campaign with its lines (one Query of its partition). */
export const handler = apiHandler(
  { auth: 'user', admin: true, readAhead: true, params: CampaignParams },
  async ({ deps, params }) => ({
    status: 200,
    body: await getCampaign(deps, params.enterpriseNumber, params.campaignId),
  }),
);
