// The KBO follow's records (how far a day got, what failed).
import '#lib/runtime/kbo-adapter';
import { workflowHandler } from '#lib/http/workflow-handler';
import { recordKboFailure } from '#lib/services/kbo/follow-organisation';

/** KBO follow step RecordFailure: the Map's catch for an organisation that failed for good. */
export const handler = workflowHandler<unknown>((deps, input) => recordKboFailure(deps, input));
