// Starts the bulk workflow (applying the rows).
import '#lib/runtime/workflows-adapter';
import '#lib/runtime/jobs-adapter';
import { ConfirmImportRequest, JobParams } from '#lib/contracts/api';
import { apiHandler } from '#lib/http/api-handler';
import { confirmImport } from '#lib/services/bulk/jobs';

/** Bevestig: the previewed rows are applied (202); confirming twice answers 409, as deciding a task does. */
export const handler = apiHandler(
  { auth: 'user', admin: true, params: JobParams, body: ConfirmImportRequest },
  async ({ deps, params, actor }) => ({
    status: 202,
    body: await confirmImport(deps, params.enterpriseNumber, params.jobId, actor),
  }),
);
