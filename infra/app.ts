import { App } from 'aws-cdk-lib';
import { addGebruikersbeheer } from '#infra/gebruikersbeheer';
import { addNagChecks } from '#infra/nag';

const app = new App();

// Environment-agnostic unless the CLI knows the target: synth works offline, without credentials.
const { CDK_DEFAULT_ACCOUNT: account, CDK_DEFAULT_REGION: region } = process.env;
addGebruikersbeheer(app, { env: account && region ? { account, region } : undefined });
addNagChecks(app);

app.synth();
