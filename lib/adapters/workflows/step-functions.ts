import {
  ExecutionAlreadyExists,
  SendTaskFailureCommand,
  SendTaskSuccessCommand,
  SFNClient,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import type { Workflows } from '#lib/domain/ports';

/**
 * Step Functions in AWS. The execution name is derived from the request id (a ULID), never from
 * personal data, and makes starting idempotent: a retried start finds the execution already there.
 */
export function createStepFunctionsWorkflows(
  approvalStateMachineArn: string,
  reviewStateMachineArn = '',
  bulkStateMachineArn = '',
  client = new SFNClient({}),
): Workflows {
  return {
    async startBulkJob(input) {
      try {
        await client.send(
          new StartExecutionCommand({
            stateMachineArn: bulkStateMachineArn,
            // One execution per job and phase (ids only): a retried start finds it there.
            name: `job-${input.jobId}-${input.phase}`,
            input: JSON.stringify(input),
          }),
        );
      } catch (error) {
        if (!(error instanceof ExecutionAlreadyExists)) throw error;
      }
    },
    async startReview(input) {
      try {
        await client.send(
          new StartExecutionCommand({
            stateMachineArn: reviewStateMachineArn,
            // One execution per campaign started on demand: a retried start finds it there.
            name: `review-${input.campaignId}`,
            input: JSON.stringify(input),
          }),
        );
      } catch (error) {
        if (!(error instanceof ExecutionAlreadyExists)) throw error;
      }
    },
    async startApproval(input, options) {
      try {
        await client.send(
          new StartExecutionCommand({
            stateMachineArn: approvalStateMachineArn,
            // Names are unique per state machine for 90 days: a re-drive gets a suffix of its own.
            name: `request-${input.requestId}${options?.redriveId ? `-${options.redriveId}` : ''}`,
            input: JSON.stringify(input),
          }),
        );
      } catch (error) {
        if (!(error instanceof ExecutionAlreadyExists)) throw error;
      }
    },
    async sendTaskSuccess(taskToken, output) {
      await client.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(output) }));
    },
    async sendTaskFailure(taskToken, error, cause) {
      await client.send(new SendTaskFailureCommand({ taskToken, error, cause }));
    },
  };
}
