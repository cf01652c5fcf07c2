import '#lib/runtime/jobs-adapter';
import { JobParams, JobQuery } from '#lib/contracts/api';
import { apiHandler } from '#lib/http/api-handler';
import { getJob } from '#lib/services/bulk/jobs';

/** A bulk job: status, progress of what runs, and with `?rows=true` every row's preview and result. */
export const handler = apiHandler(
  { auth: 'user', admin: true, readAhead: true, params: JobParams, query: JobQuery },
  async ({ deps, params, query }) => ({
    status: 200,
    body: await getJob(deps, params.enterpriseNumber, params.jobId, { rows: query.rows === 'true' }),
  }),
);
