// The KBO follow's records (how far a day got, what failed).
import '#lib/runtime/kbo-adapter';
import { workflowHandler } from '#lib/http/workflow-handler';
import { listOrganisations, type OrganisationsPage } from '#lib/services/kbo/list-organisations';

/**
 * KBO follow steps ListOrganisations and MoreOrganisations: `{ input, startTime }` (the first page) or
 * `{ date, cursor }` (the next) → `{ date, items, cursor }`, 100 organisations a page.
 */
export const handler = workflowHandler<unknown, OrganisationsPage>((deps, input) =>
  listOrganisations(deps, input),
);
