// Opening a campaign reads the persons' last logins; reminders are e-mail.
import '#lib/runtime/reviews-adapter';
import '#lib/runtime/logins-adapter';
import '#lib/runtime/mail-adapter';
import { workflowHandler } from '#lib/http/workflow-handler';
import { advanceReview } from '#lib/services/reviews/advance';

/** Review step AdvanceReview: `{ date, enterpriseNumber, campaignId? }` → what it did (ids and counts). */
export const handler = workflowHandler<unknown>((deps, input) => advanceReview(deps, input));
