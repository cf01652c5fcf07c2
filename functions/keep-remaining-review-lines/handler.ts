import '#lib/runtime/reviews-adapter';
import { CampaignParams, KeepRemainingRequest } from '#lib/contracts/api';
import { apiHandler } from '#lib/http/api-handler';
import { keepRemaining } from '#lib/services/reviews/campaigns';

/** *Behoud alle overige*: every unanswered line kept (one's own left for another administrator). */
export const handler = apiHandler(
  { auth: 'user', admin: true, params: CampaignParams, body: KeepRemainingRequest },
  async ({ deps, params, admin, actor }) => ({
    status: 200,
    body: await keepRemaining(deps, params.enterpriseNumber, params.campaignId, { admin, actor }),
  }),
);
