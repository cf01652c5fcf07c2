import { App } from 'aws-cdk-lib';
import { DeploymentConfigError } from '#infra/constructs/registry-access';
import { addGebruikersbeheer } from '#infra/gebruikersbeheer';
import { addNagChecks } from '#infra/nag';
import { ensureWebBuilt } from '../web/scripts/ensure-built.ts';

// The web content stack deploys web/dist: build it first when missing or older than its sources, so
// `cdk synth` and `cdk deploy` always ship the current UI (offline, like the function bundles).
await ensureWebBuilt();

const app = new App();

// Environment-agnostic unless the CLI knows the target: synth works offline, without credentials.
const { CDK_DEFAULT_ACCOUNT: account, CDK_DEFAULT_REGION: region } = process.env;
try {
  addGebruikersbeheer(app, { env: account && region ? { account, region } : undefined });
} catch (error) {
  // A missing choice (which registries) is the deployer's to fix: one line, no stack trace.
  if (!(error instanceof DeploymentConfigError)) throw error;
  console.error(`Gebruikersbeheer: ${error.message}`);
  process.exit(1);
}
addNagChecks(app);

app.synth();
