// Reads the KBO through MAGDA; the e-mail it makes owed is DeliverNotices' (workflow-deliver-kbo-notices).
import '#lib/runtime/registries-adapter';
import { workflowHandler } from '#lib/http/workflow-handler';
import { followOrganisation } from '#lib/services/kbo/follow-organisation';

/** KBO follow step FollowOrganisation: `{ date, enterpriseNumber }` → what changed (counts, codes, owed). */
export const handler = workflowHandler<unknown>((deps, input) => followOrganisation(deps, input));
