/**
 * The whole local system behind one port: DynamoDB Local (kept under the data directory), the table
 * from the shared definition, the demo world on first start, the local identity provider under /idp
 * (OpenID Connect with the ACM-style login screens, plus the dev token endpoint) and the API gateway
 * under /api. `npm start` and the end-to-end tests both start it from here.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { routes } from '#functions/routes';
import { type LocalEventPipeline, startLocalEventPipeline } from '#infra/local/change-events';
import { API_AUDIENCE, createDevIdp, type DevIdp } from '#infra/local/dev-idp';
import { localDynamoClientConfig, startDynamoDbLocal } from '#infra/local/dynamodb-local';
import { createGateway } from '#infra/local/gateway';
import { createLocalIdp, type LocalIdp } from '#infra/local/idp/index';
import { loadIdpKeys } from '#infra/local/idp/keys';
import { startDailySchedule } from '#infra/local/scheduler';
import { createStaticHandler } from '#infra/local/static';
import { ensureTable, isTableEmpty } from '#infra/local/table';
import { createTokenVerifier } from '#infra/local/verify-token';
import { createLocalWorkflows, type LocalWorkflows } from '#infra/local/workflows';
import { ENV } from '#lib/config/env-names';
import { getDeps, resetDeps, setDeps } from '#lib/runtime/deps';
import { logger } from '#lib/runtime/logger';
// The local provider records logins as the Cognito trigger does in AWS.
import '#lib/runtime/logins-adapter';
// Bulk jobs interrupted by a stop are started again (their store).
import '#lib/runtime/jobs-adapter';
// The demo world is seeded through the registries, as the API reads them.
import '#lib/runtime/registries-adapter';
import { recordLogin } from '#lib/services/accounts';
import { restartRunningJobs } from '#lib/services/bulk/jobs';
import { seedDemoWorld } from '#lib/services/demo-seed';
import register from '../../lib/adapters/registries/fixtures/national-register.json' with { type: 'json' };
import { magdaCertificates } from './magda/certificates.ts';
import { startMagdaStandIn } from './magda/stand-in.ts';

export const ROOT = resolve(import.meta.dirname, '../..');

export interface LocalStackOptions {
  /** 0 picks a free port. */
  port: number;
  /** Keeps the database, keys and secret here; omitted: everything in memory (tests). */
  dataDir?: string;
  /** Use an already running DynamoDB (tests share one); otherwise one is started. */
  dynamoEndpoint?: string;
  tableName?: string;
  /** Fixed "today" for the handlers (YYYY-MM-DD). */
  today?: string;
  seed?: boolean;
  /** Extra redirect URIs for the web client of the OpenID Connect provider (tests). */
  extraRedirectUris?: string[];
  /** Run the daily KBO follow and expiry sweep in-process at 06:00 Brussels (and once at start). Default true. */
  schedule?: boolean;
  /** Shortens how long an approval waits for a decision (configuration of the local runner). */
  approvalTimeoutMs?: number;
  /** The gateway's access log (one line per API request); default on. */
  accessLog?: boolean;
  /** A MAGDA stand-in already running (tests share one); otherwise the stack starts its own. */
  magda?: MagdaConnection;
  /**
   * The change events' pipe, bus and webhook deliveries (default on); tests shorten the retry waits
   * (`delayMs`: a wait of so many seconds in milliseconds).
   */
  events?: false | { delayMs?: (seconds: number) => number; pollMs?: number; dedupWindowMs?: number };
}

/** Where the MAGDA adapters find MAGDA (locally: the stand-in) and our client certificate. */
export interface MagdaConnection {
  endpoint: string;
  certificateFile: string;
}

/** The identification the local stack gives itself towards the stand-in, as MAGDA would assign one. */
export const LOCAL_MAGDA_SENDER = 'gebruikersbeheer.lokaal';

/** The environment that points the registries at MAGDA (the stand-in), as CDK sets it in Lambda. */
export function magdaEnv(magda: MagdaConnection): Record<string, string> {
  return {
    [ENV.registries]: 'magda',
    [ENV.magdaEndpoint]: magda.endpoint,
    [ENV.magdaCertificateFile]: magda.certificateFile,
    [ENV.magdaSenderId]: LOCAL_MAGDA_SENDER,
    [ENV.magdaCapacity]: '1300',
  };
}

/** Points this process's handlers at MAGDA (the stand-in). */
export function pointAtMagda(magda: MagdaConnection): void {
  Object.assign(process.env, magdaEnv(magda));
  delete process.env[ENV.magdaCertificateSecret];
}

/**
 * MAGDA for a local tool (`npm run sweep`, `npm run invoke`): the running stack's stand-in when there
 * is one, otherwise a stand-in of its own for the tool's run, on the data directory's certificates.
 */
export async function magdaForTool(
  dataDir: string,
  runtime: StackRuntime | null,
): Promise<{ connection: MagdaConnection; stop(): Promise<void> }> {
  if (runtime?.magda) return { connection: runtime.magda, stop: async () => undefined };
  const own = await startLocalMagda(dataDir);
  return { connection: own, stop: own.stop };
}

/** The local MAGDA stand-in with its certificates under the data directory (or in memory). */
export async function startLocalMagda(
  dataDir: string | undefined,
): Promise<MagdaConnection & { stop(): Promise<void> }> {
  const certificates = await magdaCertificates(dataDir);
  const standIn = await startMagdaStandIn({ certificates });
  return { endpoint: standIn.endpoint, certificateFile: certificates.clientFile, stop: standIn.stop };
}

export interface LocalStack {
  url: string;
  port: number;
  tableName: string;
  dynamoEndpoint: string;
  /** The development token issuer (`POST /idp/dev/token`). */
  idp: DevIdp;
  /** The OpenID Connect provider with the login screens, under /idp. */
  login: LocalIdp;
  /** The local Step Functions running the approval and expiry ASL. */
  workflows: LocalWorkflows;
  /** Where the registries' adapters reach MAGDA (the stand-in). */
  magda: MagdaConnection;
  /** The change events' pipe, bus and webhook deliveries; null when started without them. */
  events: LocalEventPipeline | null;
  server: Server;
  stop(): Promise<void>;
}

/** The HMAC key for pseudonyms: generated once, kept in the data directory with owner-only access. */
export async function pseudonymSecret(dataDir: string | undefined): Promise<string> {
  if (!dataDir) return randomBytes(32).toString('base64url');
  const file = join(dataDir, 'pseudonym.key');
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    const secret = randomBytes(32).toString('base64url');
    await writeFile(file, `${secret}\n`, { mode: 0o600 });
    return secret;
  }
}

/** What a running `npm start` writes to `runtime.json` in its data directory. */
export interface StackRuntime {
  url?: string;
  dynamoEndpoint: string;
  tableName?: string;
  magda?: MagdaConnection;
}

/** The running stack of this data directory, when its `runtime.json` points at a DynamoDB that answers. */
export async function runningStack(dataDir: string): Promise<StackRuntime | null> {
  try {
    const runtime = JSON.parse(await readFile(join(dataDir, 'runtime.json'), 'utf8')) as StackRuntime;
    if (typeof runtime.dynamoEndpoint !== 'string') return null;
    const client = new DynamoDBClient({ ...localDynamoClientConfig(runtime.dynamoEndpoint), maxAttempts: 1 });
    try {
      await client.send(new ListTablesCommand({ Limit: 1 }));
      return runtime;
    } finally {
      client.destroy();
    }
  } catch {
    return null;
  }
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((res, rej) => {
    server.once('error', rej);
    server.listen(port, () => res((server.address() as AddressInfo).port));
  });
}

export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const dataDir = options.dataDir ? resolve(options.dataDir) : undefined;
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const tableName = options.tableName ?? 'gebruikersbeheer';

  const dynamo = options.dynamoEndpoint
    ? { endpoint: options.dynamoEndpoint, stop: async () => undefined }
    : await startDynamoDbLocal(dataDir ? { dataDir: join(dataDir, 'dynamodb') } : {});
  const client = new DynamoDBClient(localDynamoClientConfig(dynamo.endpoint));
  const ownMagda = options.magda ? null : await startLocalMagda(dataDir);
  const magda: MagdaConnection = options.magda ?? (ownMagda as MagdaConnection);
  try {
    await ensureTable(client, tableName, { stream: options.events !== false });
    const server = createServer();
    const port = await listen(server, options.port);
    const url = `http://localhost:${port}`;

    // The handlers read their configuration from the environment, exactly as in Lambda.
    process.env[ENV.tableName] = tableName;
    process.env[ENV.dynamoEndpoint] = dynamo.endpoint;
    process.env[ENV.pseudonymSecret] = await pseudonymSecret(dataDir);
    pointAtMagda(magda);
    if (options.today) process.env[ENV.today] = options.today;
    process.env.AWS_REGION ??= 'eu-west-1';
    process.env.POWERTOOLS_SERVICE_NAME ??= 'gebruikersbeheer';
    process.env.POWERTOOLS_DEV ??= 'true';
    process.env[ENV.appUrl] = url;
    process.env[ENV.mailTransport] = 'outbox';
    // Webhook receivers on this machine (npm run webhook-receiver) may be plain http.
    process.env[ENV.webhookAllowLocalHttp] = 'true';
    process.env[ENV.outboxDir] = dataDir
      ? join(dataDir, 'outbox')
      : await mkdtemp(join(tmpdir(), 'gebruikersbeheer-outbox-'));
    const workflows = createLocalWorkflows({
      root: ROOT,
      ...(options.approvalTimeoutMs !== undefined ? { approvalTimeoutMs: options.approvalTimeoutMs } : {}),
      onError: (error) => logger.error('workflow execution failed', { error: error as Error }),
    });
    resetDeps();
    const deps = await setDeps({ workflows });

    if (options.seed !== false && (await isTableEmpty(client, tableName))) await seedDemoWorld(deps);
    const events =
      options.events === false
        ? null
        : await startLocalEventPipeline({
            root: ROOT,
            client,
            dynamoEndpoint: dynamo.endpoint,
            tableName,
            ...(dataDir ? { dataDir } : {}),
            ...(options.events?.delayMs ? { delayMs: options.events.delayMs } : {}),
            ...(options.events?.pollMs ? { pollMs: options.events.pollMs } : {}),
            ...(options.events?.dedupWindowMs !== undefined
              ? { dedupWindowMs: options.events.dedupWindowMs }
              : {}),
          });

    // Approvals that were waiting when the stack last stopped start again; their first step is
    // idempotent and picks up a decision recorded meanwhile.
    for (const open of await deps.requests.listOpen()) await workflows.startApproval(open);
    // So do bulk jobs that were checking or applying their rows; the rows they finished are skipped.
    await restartRunningJobs(deps);
    const schedule =
      options.schedule === false
        ? null
        : startDailySchedule(
            async () => {
              // As in AWS (05:30 and 06:00): the KBO first, so a stopped enterprise is paused before
              // the sweep warns its people; a failed follow does not hold the sweep up.
              await workflows
                .runKbo({})
                .catch((error) => logger.error('KBO follow failed', { error: error as Error }));
              await workflows.runExpiry({});
              // As in AWS (06:30): the access reviews' day, after the sweep.
              await workflows
                .runReview({})
                .catch((error) => logger.error('access review step failed', { error: error as Error }));
            },
            {
              runOnStart: true,
              onError: (error) => logger.error('expiry sweep failed', { error: error as Error }),
            },
          );

    // One key and one subject salt for both issuers, so their tokens verify against one JWKS and a
    // person gets the same pseudonymous `sub` from both.
    const issuer = `${url}/idp`;
    const idpKeys = await loadIdpKeys(dataDir ? join(dataDir, 'idp') : undefined);
    const idp = await createDevIdp({ issuer, keys: idpKeys });
    const login = await createLocalIdp({
      url,
      keys: idpKeys,
      devIdp: idp,
      // ACM lets no deceased person log in.
      people: register.persons.filter((p) => !('deceasedOn' in p)),
      ...(dataDir ? { dataDir } : {}),
      // The kmo-portefeuille client's secret; the documented local default applies when unset.
      ...(process.env.KMO_PORTEFEUILLE_CLIENT_SECRET
        ? { portalClientSecret: process.env.KMO_PORTEFEUILLE_CLIENT_SECRET }
        : {}),
      ...(options.extraRedirectUris ? { extraRedirectUris: options.extraRedirectUris } : {}),
      // The same use case and table as the API (and as the Cognito trigger in AWS): the deps the
      // handlers use at the time of the login.
      onLogin: async (loginEvent) => {
        try {
          await recordLogin(await getDeps(), loginEvent);
        } catch (error) {
          logger.warn('login not recorded', { reason: error instanceof Error ? error.name : 'unknown' });
        }
      },
    });
    const verifier = createTokenVerifier({ jwks: idp.jwks(), issuer, audience: API_AUDIENCE });
    const gateway = createGateway({ routes, verifier, root: ROOT, accessLog: options.accessLog ?? true });
    const web = createStaticHandler({ root: join(ROOT, 'web/dist'), url, today: options.today });

    server.on('request', async (req, res) => {
      try {
        if (await login.handle(req, res)) return;
        if (await gateway(req, res)) return;
        if (await web(req, res)) return;
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('Niet gevonden');
      } catch {
        if (!res.headersSent) res.writeHead(500);
        res.end();
      }
    });

    // Lets `npm run invoke` and other tools find the running stack's database.
    const runtimeFile = dataDir ? join(dataDir, 'runtime.json') : undefined;
    if (runtimeFile) {
      await writeFile(
        runtimeFile,
        `${JSON.stringify({ url, dynamoEndpoint: dynamo.endpoint, tableName, magda, pid: process.pid })}\n`,
      );
    }

    return {
      url,
      port,
      tableName,
      dynamoEndpoint: dynamo.endpoint,
      idp,
      login,
      workflows,
      magda,
      events,
      server,
      stop: async () => {
        schedule?.stop();
        workflows.stop();
        await events?.stop();
        if (runtimeFile) await rm(runtimeFile, { force: true });
        server.closeAllConnections();
        await new Promise<void>((r) => server.close(() => r()));
        client.destroy();
        await ownMagda?.stop();
        await dynamo.stop();
      },
    };
  } catch (error) {
    client.destroy();
    await ownMagda?.stop();
    await dynamo.stop();
    throw error;
  }
}
