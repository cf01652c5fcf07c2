/**
 * The registries in a deployment: MAGDA unless the demo dataset is chosen by name, settings and the
 * certificate secret only for the functions that ask a registry, and no synth without a choice.
 */
import type { CfnResource, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import type { CfnRole } from 'aws-cdk-lib/aws-iam';
import { beforeAll, describe, expect, it } from 'vitest';
import { routes } from '#functions/routes';
import { workflowFunctions } from '#functions/workflows';
import { DeploymentConfigError } from '#infra/constructs/registry-access';
import { buildApp, TEST_MAGDA } from './build-app.ts';

type Built = ReturnType<typeof buildApp>;

function functionProps(stack: Stack & { functions: ReadonlyMap<string, unknown> }, fn: string) {
  const construct = stack.functions.get(fn) as { node: { defaultChild: CfnResource } };
  return Template.fromStack(stack).toJSON().Resources[stack.getLogicalId(construct.node.defaultChild)]
    .Properties as { Environment: { Variables: Record<string, unknown> }; Layers?: unknown[] };
}

function secretStatements(stack: Stack & { functions: ReadonlyMap<string, unknown> }, fn: string) {
  const construct = stack.functions.get(fn) as { role: { node: { defaultChild: CfnRole } } };
  const roleId = stack.getLogicalId(construct.role.node.defaultChild);
  const policies = Template.fromStack(stack).findResources('AWS::IAM::Policy', {
    Properties: { Roles: Match.arrayWith([{ Ref: roleId }]) },
  });
  return Object.values(policies)
    .flatMap(
      (p) =>
        (
          p as {
            Properties: { PolicyDocument: { Statement: { Action: string | string[]; Resource: unknown }[] } };
          }
        ).Properties.PolicyDocument.Statement,
    )
    .filter((s) => [s.Action].flat().some((a) => a.startsWith('secretsmanager:')));
}

describe('a deployment with MAGDA', () => {
  let built: Built;
  beforeAll(() => {
    built = buildApp();
  });

  it.each(routes.map((r) => [r.fn, r] as const))(
    '%s: MAGDA settings and the secret only if it asks a registry',
    (fn, route) => {
      const vars = functionProps(built.api, fn).Environment.Variables;
      const statements = secretStatements(built.api, fn);
      if (route.registries) {
        expect(vars).toMatchObject({
          REGISTRIES: 'magda',
          MAGDA_ENDPOINT: TEST_MAGDA.magdaEndpoint,
          MAGDA_CERTIFICATE_SECRET: TEST_MAGDA.magdaCertificateSecret,
          MAGDA_SENDER_ID: TEST_MAGDA.magdaSenderId,
          MAGDA_CAPACITY: TEST_MAGDA.magdaCapacity,
        });
        expect(statements).toHaveLength(1);
        expect(statements[0]?.Action).toBe('secretsmanager:GetSecretValue');
        expect(JSON.stringify(statements[0]?.Resource)).toContain(
          `secret:${TEST_MAGDA.magdaCertificateSecret}-??????`,
        );
        expect(JSON.stringify(functionProps(built.api, fn).Layers)).toContain('Paramsandsecretslayer');
      } else {
        expect(vars.REGISTRIES).toBeUndefined();
        expect(vars.MAGDA_ENDPOINT).toBeUndefined();
        expect(statements).toHaveLength(0);
      }
    },
  );

  it('gives the workflow steps that ask a registry the same, and no other step', () => {
    for (const spec of workflowFunctions) {
      const vars = functionProps(built.workflows, spec.fn).Environment.Variables;
      expect(vars.REGISTRIES, spec.fn).toBe(spec.registries ? 'magda' : undefined);
      expect(secretStatements(built.workflows, spec.fn), spec.fn).toHaveLength(spec.registries ? 1 : 0);
    }
  });
});

describe('a demo deployment, chosen explicitly', () => {
  it('reads the demo dataset and no secret', () => {
    const built = buildApp({ context: { registries: 'demo' } });
    for (const route of routes.filter((r) => r.registries)) {
      expect(functionProps(built.api, route.fn).Environment.Variables.REGISTRIES, route.fn).toBe('demo');
      expect(secretStatements(built.api, route.fn), route.fn).toHaveLength(0);
    }
  });
});

describe('no synth without a choice', () => {
  it('stops with one line when neither MAGDA nor the demo switch is given', () => {
    expect(() => buildApp({ context: {} })).toThrow(DeploymentConfigError);
    expect(() => buildApp({ context: {} })).toThrow(/No registries chosen.*-c registries=demo/);
  });

  it('names what is missing from an incomplete MAGDA configuration', () => {
    expect(() => buildApp({ context: { magdaEndpoint: 'https://magda.example.test' } })).toThrow(
      'MAGDA is not fully configured: missing magdaCertificateSecret, magdaSenderId.',
    );
    expect(() =>
      buildApp({ context: { ...TEST_MAGDA, magdaEndpoint: 'http://magda.example.test' } }),
    ).toThrow(/must be an https URL/);
    expect(() => buildApp({ context: { registries: 'fixture' } })).toThrow(/Unknown registries "fixture"/);
  });

  it('prints that line and exits non-zero from `cdk synth` (infra/app.ts)', async () => {
    const { spawnSync } = await import('node:child_process');
    const out = spawnSync('npx', ['tsx', 'infra/app.ts'], {
      encoding: 'utf8',
      env: { ...process.env, CDK_CONTEXT_JSON: '{}', CDK_OUTDIR: '/tmp/gebruikersbeheer-no-synth' },
      timeout: 60_000,
    });
    expect(out.status).toBe(1);
    expect(out.stderr.trim().split('\n')).toHaveLength(1);
    expect(out.stderr).toContain('Gebruikersbeheer: No registries chosen');
  });
});
