// Sends the e-mail owed, recording each recipient in the notice markers of the sweep's store, and a
// refused address in the KBO follow's records.
import '#lib/runtime/mail-adapter';
import '#lib/runtime/expiry-adapter';
import '#lib/runtime/kbo-adapter';
import { workflowHandler } from '#lib/http/workflow-handler';
import { deliverKboNotices } from '#lib/services/kbo/follow-organisation';

/** KBO follow step DeliverNotices: `{ date, enterpriseNumber }` → how many e-mails went out. */
export const handler = workflowHandler<unknown>((deps, input) => deliverKboNotices(deps, input));
