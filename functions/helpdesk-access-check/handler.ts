// For the audit trail, the agent's name from the register when we do not keep them.
import '#lib/runtime/registries-adapter';
import { HelpdeskAccessQuery, PersonParams } from '#lib/contracts/api';
import { apiHandler } from '#lib/http/api-handler';
import { helpdeskAccessCheck } from '#lib/services/helpdesk';

/** Helpdesk: the access check's answer and reason today for the person, right and profile; logged. */
export const handler = apiHandler(
  { auth: 'user', helpdesk: true, params: PersonParams, query: HelpdeskAccessQuery },
  async ({ deps, caller, params, query }) => ({
    status: 200,
    body: await helpdeskAccessCheck(deps, caller, params.enterpriseNumber, { ...params, ...query }),
  }),
);
