import { readFileSync } from 'node:fs';
import { App } from 'aws-cdk-lib';
import {
  addGebruikersbeheer,
  type GebruikersbeheerOptions,
  type GebruikersbeheerStacks,
} from '#infra/gebruikersbeheer';
import { fromRoot } from '#infra/paths';

const cdkJson = JSON.parse(readFileSync(fromRoot('cdk.json'), 'utf8')) as {
  context: Record<string, unknown>;
};

/** A stand-in for web/dist, so the infra tests need no UI build: index.html, one hashed asset, robots.txt. */
export const FIXTURE_WEB_DIST = fromRoot('test/infra/fixtures/web-dist');

/**
 * The same tree `infra/app.ts` builds, with the context of cdk.json. `aws:cdk:bundling-stacks: []` tells
 * every asset to skip bundling: the assertions need the templates, not one esbuild bundle per function.
 */
export const TEST_MAGDA = {
  magdaEndpoint: 'https://magda.example.test',
  magdaCertificateSecret: 'gebruikersbeheer/magda-client',
  magdaSenderId: 'gebruikersbeheer.test',
  magdaCapacity: '1300',
};

export function buildApp(
  options: GebruikersbeheerOptions & { context?: Record<string, unknown> } = {},
): { app: App } & GebruikersbeheerStacks {
  // MAGDA by default, as a real deployment; a test may pass other context (the demo switch, nothing).
  const app = new App({
    context: { ...cdkJson.context, ...(options.context ?? TEST_MAGDA), 'aws:cdk:bundling-stacks': [] },
  });
  return { app, ...addGebruikersbeheer(app, { webDist: FIXTURE_WEB_DIST, ...options }) };
}
