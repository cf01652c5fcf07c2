import '#lib/runtime/jobs-adapter';
import { JobParams } from '#lib/contracts/api';
import { apiHandler } from '#lib/http/api-handler';
import { jobResultFile } from '#lib/services/bulk/jobs';

/** A bulk job's result file: CSV for Excel (UTF-8 with BOM, `;`), row numbers and masked numbers only. */
export const handler = apiHandler(
  { auth: 'user', admin: true, readAhead: true, params: JobParams },
  async ({ deps, params }) => {
    const { filename, csv } = await jobResultFile(deps, params.enterpriseNumber, params.jobId);
    return {
      status: 200,
      text: { contentType: 'text/csv; charset=utf-8', body: csv },
      headers: { 'content-disposition': `attachment; filename="${filename}"` },
    };
  },
);
