// Starts the review workflow for the campaign (the function CDK grants Step Functions to).
import '#lib/runtime/workflows-adapter';
import '#lib/runtime/reviews-adapter';
import { OrgParams, StartReviewRequest } from '#lib/contracts/api';
import { apiHandler } from '#lib/http/api-handler';
import { startCampaign } from '#lib/services/reviews/campaigns';

/** A campaign now: 202, the review workflow opens it (its lines, the task, the e-mail). 409 when one runs. */
export const handler = apiHandler(
  { auth: 'user', admin: true, params: OrgParams, body: StartReviewRequest },
  async ({ deps, params, actor }) => ({
    status: 202,
    body: await startCampaign(deps, params.enterpriseNumber, actor),
  }),
);
