// The KBO's legal representatives and, for the audit trail, the agent's name from the register.
import '#lib/runtime/registries-adapter';
import { HelpdeskQuery, OrgParams } from '#lib/contracts/api';
import { apiHandler } from '#lib/http/api-handler';
import { helpdeskOrganisation } from '#lib/services/helpdesk';

/** Helpdesk: an enterprise's local administrators, legal representatives and persons; the read is logged. */
export const handler = apiHandler(
  { auth: 'user', helpdesk: true, params: OrgParams, query: HelpdeskQuery },
  async ({ deps, caller, params, query }) => ({
    status: 200,
    body: await helpdeskOrganisation(deps, caller, params.enterpriseNumber, query.ticket),
  }),
);
