import type { App, Environment } from 'aws-cdk-lib';
import type { Route } from '#functions/routes';
import { ApiStack } from '#infra/stacks/api-stack';
import { DataStack } from '#infra/stacks/data-stack';
import { IdentityStack } from '#infra/stacks/identity-stack';

export interface GebruikersbeheerStacks {
  data: DataStack;
  identity: IdentityStack;
  api: ApiStack;
}

export interface GebruikersbeheerOptions {
  env?: Environment;
  corsOrigins?: string[];
  /** Replaces the route table (tests only). */
  routes?: readonly Route[];
}

/** Adds the stacks to an app; `app.ts` and the infra tests build exactly the same tree through this. */
export function addGebruikersbeheer(app: App, options: GebruikersbeheerOptions = {}): GebruikersbeheerStacks {
  const { env, corsOrigins, routes } = options;
  const data = new DataStack(app, 'GebruikersbeheerData', {
    env,
    description: 'Gebruikersbeheer: stateful resources (table, encryption key)',
    terminationProtection: true,
  });
  const identity = new IdentityStack(app, 'GebruikersbeheerIdentity', {
    env,
    description: 'Gebruikersbeheer: Cognito user pool federated to ACM, hosted login, app clients',
    terminationProtection: true,
    routes,
  });
  const api = new ApiStack(app, 'GebruikersbeheerApi', {
    env,
    description: 'Gebruikersbeheer: HTTP API and its functions',
    table: data.table,
    auth: {
      issuer: identity.issuerUrl,
      userClientIds: [identity.webClient.userPoolClientId],
      serviceClientIds: [identity.portalClient.userPoolClientId],
    },
    corsOrigins,
    routes,
  });
  return { data, identity, api };
}
