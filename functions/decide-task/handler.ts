// Starts or answers the approval workflow (the function CDK grants Step Functions to): plugs in its adapter.
import '#lib/runtime/workflows-adapter';
import { DecisionRequest, TaskParams } from '#lib/contracts/api';
import { apiHandler } from '#lib/http/api-handler';
import { decide } from '#lib/services/tasks';

/** Approve or reject a request, or extend what runs out; 409 when decided before, 410 when expired. */
export const handler = apiHandler(
  { auth: 'user', admin: true, params: TaskParams, body: DecisionRequest },
  async ({ deps, params, body, actor }) => {
    const task = await decide(deps, actor, { ...params, ...body });
    return { status: task.kind === 'approval' ? 202 : 200, body: task };
  },
);
