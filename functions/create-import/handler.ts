// Starts the bulk workflow (the dry run); the jobs' store holds the rows.
import '#lib/runtime/workflows-adapter';
import '#lib/runtime/jobs-adapter';
import { ImportRequest, OrgParams } from '#lib/contracts/api';
import { apiHandler } from '#lib/http/api-handler';
import { lazyIdempotency } from '#lib/http/idempotency';
import { uploadImport } from '#lib/services/bulk/jobs';

/** Importeer personen (CSV): the file read and kept, the dry run started (202 with the job). */
export const handler = apiHandler(
  { auth: 'user', admin: true, params: OrgParams, body: ImportRequest, idempotent: lazyIdempotency },
  async ({ deps, params, body, actor }) => {
    const job = await uploadImport(deps, params.enterpriseNumber, actor, body);
    return {
      status: 202,
      body: job,
      headers: { location: `/api/organisations/${params.enterpriseNumber}/jobs/${job.jobId}` },
    };
  },
);
