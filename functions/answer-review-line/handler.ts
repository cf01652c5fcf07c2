import '#lib/runtime/reviews-adapter';
import { CampaignParams, LineAnswerRequest } from '#lib/contracts/api';
import { apiHandler } from '#lib/http/api-handler';
import { answerLine } from '#lib/services/reviews/campaigns';

/** *Behouden* or *Intrekken* (with a reason) for one line: one transaction with its history entry. */
export const handler = apiHandler(
  { auth: 'user', admin: true, params: CampaignParams, body: LineAnswerRequest },
  async ({ deps, params, body, admin, actor }) => ({
    status: 200,
    body: await answerLine(deps, params.enterpriseNumber, params.campaignId, { admin, actor }, body),
  }),
);
