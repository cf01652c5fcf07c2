import { type App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, type NagPack, ServerlessChecks } from 'cdk-nag';

/** The cdk-nag packs we hold the infrastructure to. */
export const nagPacks = (app: App): NagPack[] => [new AwsSolutionsChecks(app), new ServerlessChecks(app)];

/**
 * Registers the packs as CDK validation plugins (cdk-nag v3): `cdk synth` then fails on any
 * unacknowledged error and lists warnings. Acknowledgements sit next to the resource they concern.
 */
export function addNagChecks(app: App): void {
  Validations.of(app).addPlugins(...nagPacks(app));
}

/** Every finding the packs report on `app` that no acknowledgement covers, as `severity rule path`. */
export function unacknowledgedFindings(app: App): string[] {
  return nagPacks(app).flatMap((pack) =>
    pack
      .validateScope(app)
      .violations.flatMap((v) =>
        v.violatingResources.map((r) => `${v.severity} ${v.ruleName} ${r.constructPath}`),
      ),
  );
}
