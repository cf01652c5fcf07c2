// Starts or answers the approval workflow (the function CDK grants Step Functions to): plugs in its adapter.
import '#lib/runtime/workflows-adapter';
// The legal representatives' tasks are decided by whoever the KBO names today.
import '#lib/runtime/registries-adapter';
import { DecisionRequest, TaskParams } from '#lib/contracts/api';
import { apiHandler } from '#lib/http/api-handler';
import { isLegalRepresentative } from '#lib/services/kbo/read';
import { decide } from '#lib/services/tasks';

/**
 * Decide a task: approve or reject a request, extend what runs out, resume what the KBO paused (local
 * administrators), keep or remove a local administrator (legal representatives). 409 when decided
 * before, 410 when expired.
 */
export const handler = apiHandler(
  {
    auth: 'user',
    admin: true,
    representative: isLegalRepresentative,
    params: TaskParams,
    body: DecisionRequest,
  },
  async ({ deps, params, body, actor, caller }) => {
    const task = await decide(deps, { actor, caller }, { ...params, ...body });
    return { status: task.kind === 'approval' ? 202 : 200, body: task };
  },
);
