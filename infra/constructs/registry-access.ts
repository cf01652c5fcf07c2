/**
 * The registries in a deployment: MAGDA's endpoint, our identification at MAGDA and the Secrets Manager
 * secret with the client certificate, or the demo dataset, chosen explicitly. From CDK context, so a
 * missing choice stops `cdk synth` before anything is deployed:
 *
 *   -c magdaEndpoint=https://… -c magdaCertificateSecret=gebruikersbeheer/magda -c magdaSenderId=…
 *   [-c magdaCapacity=…]      or      -c registries=demo
 *
 * Only the functions that ask a registry (`registries: true` in the route and workflow tables) get the
 * settings and may read the secret.
 */
import { ArnFormat, type Stack, Validations } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import type { Node } from 'constructs';
import { ENV } from '#lib/config/env-names';

export type RegistriesConfig =
  | { mode: 'demo' }
  | { mode: 'magda'; endpoint: string; certificateSecret: string; senderId: string; capacity?: string };

/** A configuration error that `infra/app.ts` prints as one line, without a stack trace. */
export class DeploymentConfigError extends Error {
  override name = 'DeploymentConfigError';
}

const MISSING =
  'No registries chosen: give MAGDA (-c magdaEndpoint=https://… -c magdaCertificateSecret=<secret name> -c magdaSenderId=<id>) or choose the demo dataset explicitly (-c registries=demo).';

function context(node: Node, key: string): string | undefined {
  const value = node.tryGetContext(key) as unknown;
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** The registries this app deploys with, from its context; throws a one-line DeploymentConfigError. */
export function registriesFromContext(node: Node): RegistriesConfig {
  const mode = context(node, 'registries');
  if (mode === 'demo') return { mode: 'demo' };
  if (mode !== undefined && mode !== 'magda') {
    throw new DeploymentConfigError(`Unknown registries "${mode}": magda or demo.`);
  }
  const endpoint = context(node, 'magdaEndpoint');
  const certificateSecret = context(node, 'magdaCertificateSecret');
  const senderId = context(node, 'magdaSenderId');
  if (!endpoint && !certificateSecret && !senderId) throw new DeploymentConfigError(MISSING);
  const missing = [
    ...(endpoint ? [] : ['magdaEndpoint']),
    ...(certificateSecret ? [] : ['magdaCertificateSecret']),
    ...(senderId ? [] : ['magdaSenderId']),
  ];
  if (missing.length > 0 || !endpoint || !certificateSecret || !senderId) {
    throw new DeploymentConfigError(`MAGDA is not fully configured: missing ${missing.join(', ')}.`);
  }
  if (!/^https:\/\/[^\s/]+/.test(endpoint)) {
    throw new DeploymentConfigError(`magdaEndpoint must be an https URL, not "${endpoint}".`);
  }
  const capacity = context(node, 'magdaCapacity');
  return { mode: 'magda', endpoint, certificateSecret, senderId, ...(capacity ? { capacity } : {}) };
}

/** The environment and the grant of a function that asks a registry. */
export function grantRegistries(stack: Stack, fn: LambdaFunction, config: RegistriesConfig): void {
  const add = (name: string, value: string) => fn.addEnvironment(name, value);
  add(ENV.registries, config.mode);
  if (config.mode === 'demo') return;
  add(ENV.magdaEndpoint, config.endpoint);
  add(ENV.magdaCertificateSecret, config.certificateSecret);
  add(ENV.magdaSenderId, config.senderId);
  if (config.capacity) add(ENV.magdaCapacity, config.capacity);
  // GetSecretValue on this one secret (its ARN ends in a random six-character suffix).
  fn.addToRolePolicy(
    new PolicyStatement({
      actions: ['secretsmanager:GetSecretValue'],
      resources: [
        stack.formatArn({
          service: 'secretsmanager',
          resource: 'secret',
          resourceName: `${config.certificateSecret}-??????`,
          arnFormat: ArnFormat.COLON_RESOURCE_NAME,
        }),
      ],
    }),
  );
  if (fn.role) {
    Validations.of(fn.role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:secretsmanager:<AWS::Region>:<AWS::AccountId>:secret:${config.certificateSecret}-??????]`,
      reason: 'The one MAGDA certificate secret: Secrets Manager appends six random characters to its ARN.',
    });
  }
}
