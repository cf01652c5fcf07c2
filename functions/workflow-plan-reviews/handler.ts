import { workflowHandler } from '#lib/http/workflow-handler';
import { planReviews, type ReviewPlan } from '#lib/services/reviews/advance';

/**
 * Review steps PlanReviews and MorePlans: `{ input, startTime }` (the first page, or the organisation of
 * a campaign started on demand) or `{ date, cursor }` (the next) → `{ date, items, cursor }`.
 */
export const handler = workflowHandler<unknown, ReviewPlan>((deps, input) => planReviews(deps, input));
