import type { PreTokenGenerationV2TriggerEvent } from 'aws-lambda';

/** A V2_0 pre token generation event as Cognito sends it after a federated login through the hosted UI. */
export function preTokenEvent(
  userAttributes: Record<string, string>,
  triggerSource: PreTokenGenerationV2TriggerEvent['triggerSource'] = 'TokenGeneration_HostedAuth',
): PreTokenGenerationV2TriggerEvent {
  return {
    version: '2',
    triggerSource,
    region: 'eu-west-1',
    userPoolId: 'eu-west-1_Example',
    userName: 'ACM_5f1c0e3a',
    callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: 'web-client-id' },
    request: {
      userAttributes: { sub: '5f1c0e3a-0000-4000-8000-000000000000', ...userAttributes },
      groupConfiguration: { groupsToOverride: [], iamRolesToOverride: [] },
      scopes: ['openid'],
    },
    response: { claimsAndScopeOverrideDetails: null as never },
  };
}
