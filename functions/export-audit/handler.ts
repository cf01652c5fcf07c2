import '#lib/runtime/audit-adapter';
import { AuditQuery, OrgParams } from '#lib/contracts/api';
import { apiHandler } from '#lib/http/api-handler';
import { exportAudit } from '#lib/services/audit';

/** The audit trail of a period as CSV for Excel (UTF-8 with BOM, `;`), as a download. */
export const handler = apiHandler(
  { auth: 'user', admin: true, readAhead: true, params: OrgParams, query: AuditQuery },
  async ({ deps, params, query }) => {
    const { cursor: _c, limit: _l, ...filter } = query;
    const { filename, csv } = await exportAudit(deps, params.enterpriseNumber, filter);
    return {
      status: 200,
      text: { contentType: 'text/csv; charset=utf-8', body: csv },
      headers: { 'content-disposition': `attachment; filename="${filename}"` },
    };
  },
);
