import '#lib/runtime/audit-adapter';
import { AuditQuery, OrgParams } from '#lib/contracts/api';
import { apiHandler } from '#lib/http/api-handler';
import { listAudit } from '#lib/services/audit';

/** The organisation's audit trail, newest first, a page at a time (one Query). */
export const handler = apiHandler(
  { auth: 'user', admin: true, readAhead: true, params: OrgParams, query: AuditQuery },
  async ({ deps, params, query }) => ({
    status: 200,
    body: await listAudit(deps, params.enterpriseNumber, query),
  }),
);
