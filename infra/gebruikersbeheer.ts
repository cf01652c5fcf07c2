import type { App, Environment } from 'aws-cdk-lib';
import type { Route } from '#functions/routes';
import { type RegistriesConfig, registriesFromContext } from '#infra/constructs/registry-access';
import { fromRoot } from '#infra/paths';
import { ApiStack } from '#infra/stacks/api-stack';
import { DataStack } from '#infra/stacks/data-stack';
import { EventsStack } from '#infra/stacks/events-stack';
import { HostingStack } from '#infra/stacks/hosting-stack';
import { IdentityStack } from '#infra/stacks/identity-stack';
import { WebContentStack } from '#infra/stacks/web-content-stack';
import { WorkflowStack } from '#infra/stacks/workflow-stack';

export interface GebruikersbeheerStacks {
  data: DataStack;
  hosting: HostingStack;
  identity: IdentityStack;
  workflows: WorkflowStack;
  events: EventsStack;
  api: ApiStack;
  webContent: WebContentStack;
}

export interface GebruikersbeheerOptions {
  env?: Environment;
  /** Replaces the route table (tests only). */
  routes?: readonly Route[];
  /** The built UI to deploy; `web/dist` unless a test passes a fixture. */
  webDist?: string;
  /** The registries; by default from the app's context (infra/constructs/registry-access.ts). */
  registries?: RegistriesConfig;
}

/**
 * Adds the stacks to an app; `app.ts` and the infra tests build exactly the same tree through this.
 *
 * The order breaks the one circle there is: the UI's CloudFront domain is generated, and the user pool
 * (callback URLs), the API (its only CORS origin) and the e-mail links need it, while the UI's
 * `config.json` needs the pool and the API. So the hosting stack (bucket, distribution) comes first and
 * the files with `config.json` last (web content stack).
 */
export function addGebruikersbeheer(app: App, options: GebruikersbeheerOptions = {}): GebruikersbeheerStacks {
  const { env, routes } = options;
  // First: a deployment without a choice of registries stops here, before any stack exists.
  const registries = options.registries ?? registriesFromContext(app.node);
  const data = new DataStack(app, 'GebruikersbeheerData', {
    env,
    description: 'Gebruikersbeheer: stateful resources (table, encryption key)',
    terminationProtection: true,
  });
  const hosting = new HostingStack(app, 'GebruikersbeheerHosting', {
    env,
    description: 'Gebruikersbeheer: private S3 bucket and CloudFront distribution for the admin UI',
  });
  const identity = new IdentityStack(app, 'GebruikersbeheerIdentity', {
    env,
    description: 'Gebruikersbeheer: Cognito user pool federated to ACM, hosted login, app clients',
    terminationProtection: true,
    routes,
    webUrl: hosting.url,
    table: data.table,
  });
  // Between data and API: the workflow functions use the table, the API starts and answers approvals.
  const workflows = new WorkflowStack(app, 'GebruikersbeheerWorkflows', {
    env,
    description: 'Gebruikersbeheer: approval and expiry state machines, their functions, the daily schedule',
    table: data.table,
    appUrl: hosting.url,
    registries,
  });
  // The change events leave through the table's stream; nothing else depends on this stack.
  const events = new EventsStack(app, 'GebruikersbeheerEvents', {
    env,
    description: 'Gebruikersbeheer: change events (pipe from the table stream, event bus, archive, webhooks)',
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
    // The UI's origin and nothing else: the portal calls server to server, no browser needs more.
    corsOrigins: [hosting.url],
    routes,
    approvalStateMachine: workflows.approvalStateMachine,
    reviewStateMachine: workflows.reviewStateMachine,
    bulkStateMachine: workflows.stateMachines.bulk,
    registries,
  });
  const webContent = new WebContentStack(app, 'GebruikersbeheerWebContent', {
    env,
    description: 'Gebruikersbeheer: the admin UI files and its config.json, deployed to the hosting bucket',
    bucketNameExport: hosting.bucketNameExport,
    distribution: hosting.distribution,
    webDist: options.webDist ?? fromRoot('web/dist'),
    config: {
      issuer: identity.issuerUrl,
      clientId: identity.webClient.userPoolClientId,
      hostedLoginUrl: identity.hostedLoginUrl,
      apiEndpoint: api.api.apiEndpoint,
    },
  });
  // The bucket comes in by export name, not by reference: state the order explicitly.
  webContent.addStackDependency(hosting);
  return { data, hosting, identity, workflows, events, api, webContent };
}
