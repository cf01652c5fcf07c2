import { App } from 'aws-cdk-lib';
import { addGebruikersbeheer } from '#infra/gebruikersbeheer';
import { addNagChecks } from '#infra/nag';
import { ensureWebBuilt } from '../web/scripts/ensure-built.ts';

// The web content stack deploys web/dist: build it first when missing or older than its sources, so
// `cdk synth` and `cdk deploy` always ship the current UI (offline, like the function bundles).
await ensureWebBuilt();

const app = new App();

// Environment-agnostic unless the CLI knows the target: synth works offline, without credentials.
const { CDK_DEFAULT_ACCOUNT: account, CDK_DEFAULT_REGION: region } = process.env;
addGebruikersbeheer(app, { env: account && region ? { account, region } : undefined });
addNagChecks(app);

app.synth();
