/**
 * The composition root: the use cases' dependencies (lib/services/deps.ts, ports only), built once per
 * cold start from the environment, with the adapters this environment uses. Tests and the local stack
 * may replace parts (a failing register, a fixed clock) through `setDeps`.
 */
import { monotonicFactory } from 'ulid';
import { createDynamoClients, type DynamoClients } from '#lib/adapters/dynamodb/client';
import type { TableRef } from '#lib/adapters/dynamodb/items';
import { dynamoPorts } from '#lib/adapters/dynamodb/ports';
import { getParameterFromExtension } from '#lib/adapters/parameters-extension';
import { createPseudonymizer } from '#lib/adapters/pseudonym';
import { type AppEnv, readEnv } from '#lib/config/env';
import { todayInBrussels } from '#lib/domain/period';
import type {
  AuditPort,
  DigestsPort,
  ExpiryPort,
  JobsPort,
  KboFollowPort,
  LoginsPort,
  Mailer,
  ReviewsPort,
  Workflows,
} from '#lib/domain/ports';
import { log } from '#lib/runtime/logger';
import { registries, resetRegistries } from '#lib/runtime/registries';
import type { Deps } from '#lib/services/deps';

/** The use cases' dependencies, and what the runtime itself (local tooling, tests, bench) needs besides. */
export interface RuntimeDeps extends Deps {
  clients: DynamoClients;
  tableName: string;
}

let current: Promise<RuntimeDeps> | undefined;

/**
 * Adapters that only some functions need (e-mail with nodemailer and SES, Step Functions, the expiry
 * sweep's and the logins' stores) are plugged in by the handlers of the functions that use them
 * (`#lib/runtime/mail-adapter` where `mail: true` in functions/workflows.ts, `#lib/runtime/workflows-adapter`
 * where the approval workflow is started or answered, `#lib/runtime/expiry-adapter` in the sweep's steps,
 * `#lib/runtime/logins-adapter` where logins are read or recorded), so every other function's bundle
 * leaves them out; `npm run bench` checks that. Resolved at first use, so the order in which modules
 * load does not matter.
 */
interface Adapters {
  mailer: (env: AppEnv) => Mailer;
  workflows: (env: AppEnv) => Workflows;
  /** The expiry sweep's records: only the sweep's steps (`#lib/runtime/expiry-adapter`). */
  expiry: (table: TableRef) => ExpiryPort;
  /** The administrators' digests: the sweep's steps too (`#lib/runtime/expiry-adapter`). */
  digests: (table: TableRef) => DigestsPort;
  /** Logins and the Cognito binding: only the Accounts tab and the login hooks (`#lib/runtime/logins-adapter`). */
  logins: (table: TableRef) => LoginsPort;
  /** The daily KBO follow's records: only its steps (`#lib/runtime/kbo-adapter`). */
  kbo: (table: TableRef) => KboFollowPort;
  /** The organisation's audit trail: only its routes (`#lib/runtime/audit-adapter`). */
  audit: (table: TableRef) => AuditPort;
  /** Access reviews: only their routes and steps (`#lib/runtime/reviews-adapter`). */
  reviews: (table: TableRef) => ReviewsPort;
  /** Bulk jobs: only their routes and steps (`#lib/runtime/jobs-adapter`). */
  jobs: (table: TableRef) => JobsPort;
}
const adapters: Partial<Adapters> = {};

export function plugAdapter<K extends keyof Adapters>(name: K, factory: Adapters[K]): void {
  adapters[name] = factory;
}

function lazyMailer(env: AppEnv): Mailer {
  let mailer: Mailer | undefined;
  return {
    send: async (email) => {
      mailer ??= adapters.mailer?.(env);
      if (!mailer) throw new Error('No mailer plugged in (import #lib/runtime/mail-adapter).');
      return mailer.send(email);
    },
  };
}

/** Where no state machine is configured (a function that starts none), using it is a wiring bug. */
function lazyWorkflows(env: AppEnv): Workflows {
  let workflows: Workflows | undefined;
  // Answering a task token needs only the token; only starting an execution needs the machine's ARN.
  const get = (needsArn: boolean): Workflows => {
    if (needsArn && !env.APPROVAL_STATE_MACHINE_ARN) {
      throw new Error('No approval state machine configured (APPROVAL_STATE_MACHINE_ARN).');
    }
    workflows ??= adapters.workflows?.(env);
    if (!workflows)
      throw new Error('No workflows adapter plugged in (import #lib/runtime/workflows-adapter).');
    return workflows;
  };
  return {
    startApproval: async (input, options) => get(true).startApproval(input, options),
    sendTaskSuccess: async (taskToken, output) => get(false).sendTaskSuccess(taskToken, output),
    sendTaskFailure: async (taskToken, error, cause) => get(false).sendTaskFailure(taskToken, error, cause),
    startBulkJob: async (input) => {
      if (!env.BULK_STATE_MACHINE_ARN)
        throw new Error('No bulk state machine configured (BULK_STATE_MACHINE_ARN).');
      workflows ??= adapters.workflows?.(env);
      if (!workflows)
        throw new Error('No workflows adapter plugged in (import #lib/runtime/workflows-adapter).');
      return workflows.startBulkJob(input);
    },
    startReview: async (input) => {
      if (!env.REVIEW_STATE_MACHINE_ARN)
        throw new Error('No review state machine configured (REVIEW_STATE_MACHINE_ARN).');
      workflows ??= adapters.workflows?.(env);
      if (!workflows)
        throw new Error('No workflows adapter plugged in (import #lib/runtime/workflows-adapter).');
      return workflows.startReview(input);
    },
  };
}

/**
 * A port whose adapter a handler plugs in (see Adapters): made at its first use, so a function that
 * never uses it neither bundles nor builds it.
 */
function lazyPort<K extends 'expiry' | 'digests' | 'logins' | 'kbo' | 'audit' | 'reviews' | 'jobs'>(
  name: K,
  table: TableRef,
): ReturnType<Adapters[K]> {
  let port: ReturnType<Adapters[K]> | undefined;
  return new Proxy({} as ReturnType<Adapters[K]>, {
    get(_target, property) {
      port ??= adapters[name]?.(table) as ReturnType<Adapters[K]> | undefined;
      // The digests' store comes with the sweep's (one plug for the sweep's steps).
      const plug = name === 'digests' ? 'expiry' : name;
      if (!port) throw new Error(`No ${name} adapter plugged in (import #lib/runtime/${plug}-adapter).`);
      const value = Reflect.get(port, property) as unknown;
      return typeof value === 'function' ? value.bind(port) : value;
    },
  });
}

async function loadSecret(env: ReturnType<typeof readEnv>): Promise<string> {
  if (env.PSEUDONYM_SECRET) return env.PSEUDONYM_SECRET;
  // readEnv guarantees one of the two.
  return getParameterFromExtension(env.PSEUDONYM_SECRET_PARAMETER ?? '');
}

async function build(): Promise<RuntimeDeps> {
  const env = readEnv();
  const clients = createDynamoClients(env.DYNAMODB_ENDPOINT);
  const fixedToday = env.APP_TODAY;
  return {
    clients,
    tableName: env.TABLE_NAME,
    ...dynamoPorts(clients.doc, env.TABLE_NAME),
    expiry: lazyPort('expiry', { db: clients.doc, tableName: env.TABLE_NAME }),
    digests: lazyPort('digests', { db: clients.doc, tableName: env.TABLE_NAME }),
    logins: lazyPort('logins', { db: clients.doc, tableName: env.TABLE_NAME }),
    kbo: lazyPort('kbo', { db: clients.doc, tableName: env.TABLE_NAME }),
    audit: lazyPort('audit', { db: clients.doc, tableName: env.TABLE_NAME }),
    reviews: lazyPort('reviews', { db: clients.doc, tableName: env.TABLE_NAME }),
    jobs: lazyPort('jobs', { db: clients.doc, tableName: env.TABLE_NAME }),
    pseudonymize: createPseudonymizer(await loadSecret(env)),
    ...registries(),
    clock: () => {
      const now = new Date();
      return { today: fixedToday ?? todayInBrussels(now), now: now.toISOString() };
    },
    // Monotonic: ids made in the same millisecond (the history entries of one quick grant) still sort
    // in the order they were made, and the history is read in id order.
    newId: monotonicFactory(),
    mailer: lazyMailer(env),
    workflows: lazyWorkflows(env),
    log,
    appUrl: env.APP_URL,
    registerMaxAgeHours: Number(env.REGISTER_MAX_AGE_HOURS ?? 24),
  };
}

export function getDeps(): Promise<RuntimeDeps> {
  current ??= build();
  // A failed initialisation (e.g. the parameter not readable yet) must not stick for the life of the container.
  current.catch(() => {
    current = undefined;
  });
  return current;
}

/** Replaces some dependencies (tests, local tooling). */
export async function setDeps(overrides: Partial<RuntimeDeps>): Promise<RuntimeDeps> {
  const base = await getDeps();
  const next = { ...base, ...overrides };
  current = Promise.resolve(next);
  return next;
}

/** Forget the built dependencies, the registries' too (the environment changed). */
export function resetDeps(): void {
  current = undefined;
  resetRegistries();
}
