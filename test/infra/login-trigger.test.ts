/**
 * The pre token generation trigger records logins (issue 5): it gets the table's name and the pseudonym
 * key's parameter, and `dynamodb:UpdateItem` on the table as its only DynamoDB permission.
 */
import type { CfnResource } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './build-app.ts';

let built: ReturnType<typeof buildApp>;
let identity: Template;

beforeAll(() => {
  built = buildApp();
  identity = Template.fromStack(built.identity);
});

describe('the login-recording trigger', () => {
  it('knows the table and the pseudonym key parameter', () => {
    const fnId = built.identity.getLogicalId(
      built.identity.preTokenGeneration.node.defaultChild as CfnResource,
    );
    const fn = identity.toJSON().Resources[fnId];
    const variables = fn.Properties.Environment.Variables;
    expect(variables.TABLE_NAME).toBeDefined();
    expect(variables.PSEUDONYM_SECRET_PARAMETER).toEqual({ Ref: 'PseudonymKeyParameterName' });
  });

  it('may only UpdateItem on the table: no reads, no other writes, no indexes', () => {
    const actions = Object.values(identity.findResources('AWS::IAM::Policy')).flatMap((policy) =>
      (policy.Properties.PolicyDocument.Statement as { Action: string | string[] }[]).flatMap((s) =>
        Array.isArray(s.Action) ? s.Action : [s.Action],
      ),
    );
    expect(actions.filter((a) => a.startsWith('dynamodb:'))).toEqual(['dynamodb:UpdateItem']);
    expect(actions.filter((a) => a.includes('*'))).toEqual(
      expect.not.arrayContaining([expect.stringMatching(/^(dynamodb|kms):/)]),
    );
  });
});
