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

/**
 * The same tree `infra/app.ts` builds, with the context of cdk.json. `aws:cdk:bundling-stacks: []` tells
 * every asset to skip bundling: the assertions need the templates, not one esbuild bundle per function.
 */
export function buildApp(options: GebruikersbeheerOptions = {}): { app: App } & GebruikersbeheerStacks {
  const app = new App({ context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [] } });
  return { app, ...addGebruikersbeheer(app, options) };
}
