// The KBO follow's records (how far a day got, what failed).
import '#lib/runtime/kbo-adapter';
import { workflowHandler } from '#lib/http/workflow-handler';
import { completeKboFollow } from '#lib/services/kbo/list-organisations';

/** KBO follow step Complete: records the day as followed. */
export const handler = workflowHandler<unknown>((deps, input) => completeKboFollow(deps, input));
