import '#lib/runtime/reviews-adapter';
import { OrgParams, ReviewSettingsRequest } from '#lib/contracts/api';
import { apiHandler } from '#lib/http/api-handler';
import { updateReviewSettings } from '#lib/services/reviews/campaigns';

/** The organisation's review settings (interval, what the close does with unanswered lines, the days). */
export const handler = apiHandler(
  { auth: 'user', admin: true, params: OrgParams, body: ReviewSettingsRequest },
  async ({ deps, params, body, actor }) => ({
    status: 200,
    body: await updateReviewSettings(deps, params.enterpriseNumber, actor, body),
  }),
);
