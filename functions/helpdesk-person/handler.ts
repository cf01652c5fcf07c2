// For the audit trail, the agent's name from the register when we do not keep them.
import '#lib/runtime/registries-adapter';
import { HelpdeskQuery, PersonParams } from '#lib/contracts/api';
import { apiHandler } from '#lib/http/api-handler';
import { helpdeskPerson } from '#lib/services/helpdesk';

/** Helpdesk: a person's page in the organisation, read only; the read is logged. */
export const handler = apiHandler(
  { auth: 'user', helpdesk: true, params: PersonParams, query: HelpdeskQuery },
  async ({ deps, caller, params, query }) => ({
    status: 200,
    body: await helpdeskPerson(deps, caller, params.enterpriseNumber, params.personId, query.ticket),
  }),
);
