import type { App, Environment } from 'aws-cdk-lib';
import { ApiStack } from '#infra/stacks/api-stack';
import { DataStack } from '#infra/stacks/data-stack';

export interface GebruikersbeheerStacks {
  data: DataStack;
  api: ApiStack;
}

export interface GebruikersbeheerOptions {
  env?: Environment;
  corsOrigins?: string[];
}

/** Adds both stacks to an app; `app.ts` and the infra tests build exactly the same tree through this. */
export function addGebruikersbeheer(app: App, options: GebruikersbeheerOptions = {}): GebruikersbeheerStacks {
  const { env, corsOrigins } = options;
  const data = new DataStack(app, 'GebruikersbeheerData', {
    env,
    description: 'Gebruikersbeheer: stateful resources (table, encryption key)',
    terminationProtection: true,
  });
  const api = new ApiStack(app, 'GebruikersbeheerApi', {
    env,
    description: 'Gebruikersbeheer: HTTP API and its functions',
    table: data.table,
    corsOrigins,
  });
  return { data, api };
}
