import type { App, Environment } from 'aws-cdk-lib';
import type { Route } from '#functions/routes';
import { ApiStack } from '#infra/stacks/api-stack';
import { DataStack } from '#infra/stacks/data-stack';
import { IdentityStack } from '#infra/stacks/identity-stack';
import { WorkflowStack } from '#infra/stacks/workflow-stack';

export interface GebruikersbeheerStacks {
  data: DataStack;
  identity: IdentityStack;
  workflows: WorkflowStack;
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
  // Between data and API: the workflow functions use the table, the API starts and answers approvals.
  const workflows = new WorkflowStack(app, 'GebruikersbeheerWorkflows', {
    env,
    description: 'Gebruikersbeheer: approval and expiry state machines, their functions, the daily schedule',
    table: data.table,
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
    approvalStateMachine: workflows.approvalStateMachine,
  });
  return { data, identity, workflows, api };
}
