// Reads the KBO through MAGDA, sends the e-mail owed and uses the notice markers of the sweep's store.
import '#lib/runtime/registries-adapter';
import '#lib/runtime/mail-adapter';
import '#lib/runtime/expiry-adapter';
import { workflowHandler } from '#lib/http/workflow-handler';
import { followOrganisation } from '#lib/services/kbo/follow-organisation';

/** KBO follow step FollowOrganisation: `{ date, enterpriseNumber }` → what changed (counts and codes). */
export const handler = workflowHandler<unknown>((deps, input) => followOrganisation(deps, input));
