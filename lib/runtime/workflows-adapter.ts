/**
 * Plugs the Step Functions adapter into the dependencies. Imported by the handlers that start or answer
 * the approval workflow, so only their bundles carry the Step Functions client.
 */
import { createStepFunctionsWorkflows } from '#lib/adapters/workflows/step-functions';
import { plugAdapter } from '#lib/runtime/deps';

plugAdapter('workflows', (env) =>
  createStepFunctionsWorkflows(
    env.APPROVAL_STATE_MACHINE_ARN ?? '',
    env.REVIEW_STATE_MACHINE_ARN ?? '',
    env.BULK_STATE_MACHINE_ARN ?? '',
  ),
);
