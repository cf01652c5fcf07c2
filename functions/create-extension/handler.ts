// Starts the bulk workflow (each person's extension in a transaction of its own).
import '#lib/runtime/workflows-adapter';
import '#lib/runtime/jobs-adapter';
import { BulkExtensionRequest, OrgParams } from '#lib/contracts/api';
import { apiHandler } from '#lib/http/api-handler';
import { lazyIdempotency } from '#lib/http/idempotency';
import { startExtension } from '#lib/services/bulk/jobs';

/** Verlengen: the persons chosen, or everyone ending before a day, extended by the bulk workflow (202). */
export const handler = apiHandler(
  {
    auth: 'user',
    admin: true,
    params: OrgParams,
    body: BulkExtensionRequest,
    idempotent: lazyIdempotency,
  },
  async ({ deps, params, body, actor }) => {
    const job = await startExtension(deps, params.enterpriseNumber, actor, body);
    return {
      status: 202,
      body: job,
      headers: { location: `/api/organisations/${params.enterpriseNumber}/jobs/${job.jobId}` },
    };
  },
);
