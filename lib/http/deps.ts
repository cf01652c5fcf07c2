/**
 * The dependencies of the use cases, built once per cold start from the environment. Tests and the
 * local stack may replace parts (a failing register, a fixed clock) through `setDeps`.
 */
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { monotonicFactory } from 'ulid';
import { createDynamoClients, type DynamoClients } from '#lib/adapters/dynamodb/client';
import { Store } from '#lib/adapters/dynamodb/store';
import { TasksStore } from '#lib/adapters/dynamodb/tasks-store';
import { createOutboxMailer, createSesMailer } from '#lib/adapters/mail/mailers';
import { createPseudonymizer, type Pseudonymize } from '#lib/adapters/pseudonym';
import {
  fixtureEnterpriseRegistry,
  fixtureNationalRegister,
} from '#lib/adapters/registries/fixture-registries';
import { createStepFunctionsWorkflows } from '#lib/adapters/workflows/step-functions';
import { readEnv } from '#lib/config/env';
import type { Clock } from '#lib/domain/membership';
import { todayInBrussels } from '#lib/domain/period';
import type { EnterpriseRegistry, Mailer, NationalRegister, Workflows } from '#lib/domain/ports';

export interface Deps {
  clients: DynamoClients;
  tableName: string;
  store: Store;
  tasks: TasksStore;
  pseudonymize: Pseudonymize;
  nationalRegister: NationalRegister;
  enterpriseRegistry: EnterpriseRegistry;
  clock: () => Clock;
  newId: () => string;
  mailer: Mailer;
  workflows: Workflows;
  /** Base URL of the UI, for links in e-mails. */
  appUrl: string;
}

let current: Promise<Deps> | undefined;

/** Where no state machine is configured (a function that starts none), using it is a wiring bug. */
const unconfiguredWorkflows: Workflows = {
  startApproval: async () => {
    throw new Error('No approval state machine configured (APPROVAL_STATE_MACHINE_ARN).');
  },
  sendTaskSuccess: async () => {
    throw new Error('No approval state machine configured (APPROVAL_STATE_MACHINE_ARN).');
  },
  sendTaskFailure: async () => {
    throw new Error('No approval state machine configured (APPROVAL_STATE_MACHINE_ARN).');
  },
};

async function loadSecret(env: ReturnType<typeof readEnv>): Promise<string> {
  if (env.PSEUDONYM_SECRET) return env.PSEUDONYM_SECRET;
  const out = await new SSMClient({}).send(
    new GetParameterCommand({ Name: env.PSEUDONYM_SECRET_PARAMETER, WithDecryption: true }),
  );
  const value = out.Parameter?.Value;
  if (!value) throw new Error('The pseudonym secret parameter is empty.');
  return value;
}

async function build(): Promise<Deps> {
  const env = readEnv();
  const clients = createDynamoClients(env.DYNAMODB_ENDPOINT);
  const fixedToday = env.APP_TODAY;
  return {
    clients,
    tableName: env.TABLE_NAME,
    store: new Store(clients.doc, env.TABLE_NAME),
    tasks: new TasksStore(clients.doc, env.TABLE_NAME),
    pseudonymize: createPseudonymizer(await loadSecret(env)),
    nationalRegister: fixtureNationalRegister,
    enterpriseRegistry: fixtureEnterpriseRegistry,
    clock: () => {
      const now = new Date();
      return { today: fixedToday ?? todayInBrussels(now), now: now.toISOString() };
    },
    // Monotonic: ids made in the same millisecond (the history entries of one quick grant) still sort
    // in the order they were made, and the history is read in id order.
    newId: monotonicFactory(),
    mailer:
      env.MAIL_TRANSPORT === 'ses'
        ? createSesMailer(env.MAIL_FROM)
        : createOutboxMailer(env.OUTBOX_DIR, env.MAIL_FROM),
    workflows: env.APPROVAL_STATE_MACHINE_ARN
      ? createStepFunctionsWorkflows(env.APPROVAL_STATE_MACHINE_ARN)
      : unconfiguredWorkflows,
    appUrl: env.APP_URL,
  };
}

export function getDeps(): Promise<Deps> {
  current ??= build();
  // A failed initialisation (e.g. SSM throttled) must not stick for the life of the container.
  current.catch(() => {
    current = undefined;
  });
  return current;
}

/** Replaces some dependencies (tests, local tooling). */
export async function setDeps(overrides: Partial<Deps>): Promise<Deps> {
  const base = await getDeps();
  const next = { ...base, ...overrides };
  current = Promise.resolve(next);
  return next;
}

export function resetDeps(): void {
  current = undefined;
}
