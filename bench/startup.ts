/**
 * Start-up overhead: each bundled handler (built as CDK builds it) is imported and invoked once in a
 * fresh Node.js process, timed from just before the import to the end of the first invocation, next to
 * two floors run in the same round (the order rotates): the bare function (the same DynamoDB client,
 * one GetItem) and the function's own floor (the same client making exactly the requests the function
 * made, recorded from a first invocation: bench/floor-replay.ts). The ratios are medians over the
 * rounds of the per-round ratios: to the bare floor says what a function costs in all, to its own
 * floor what our code costs beyond its requests. After each run the table is put back as seeded, so
 * write functions take their real path every time.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, type DynamoDBDocumentClient, PutCommand, paginateScan } from '@aws-sdk/lib-dynamodb';
import { localDynamoClientConfig } from '#infra/local/dynamodb-local';
import { lambdaContext } from '#infra/local/events';
import { type MagdaConnection, magdaEnv } from '#infra/local/stack';
import { ensureTable } from '#infra/local/table';
import { createDynamoClients } from '#lib/adapters/dynamodb/client';
import { ENV } from '#lib/config/env-names';
import { PROFILE_SERVICE_PROVIDER, VLAIO_RIGHT } from '#lib/domain/catalogue';
import { getDeps, resetDeps } from '#lib/runtime/deps';
// The demo world is seeded through the registries.
import '#lib/runtime/registries-adapter';
import { DEMO, seedDemoWorld } from '#lib/services/demo-seed';
import { BARE_ENTRY, bundle } from './bundles.ts';
import type { RecordedRequest } from './floor-replay.ts';
import { eventFor, log, median, ROOT, round, uniqueName } from './support.ts';

const FLOOR_ENTRY = 'bench/floor-replay.ts';

export interface StartupRow {
  fn: string;
  medianMs: number;
  /** Of which the import (module evaluation) of the bundle. */
  importMs: number;
  /** Status code of the first invocation (null for workflow steps). */
  status: number | null;
  /** To the bare floor (one GetItem). */
  ratio: number;
  /** To the function's own floor (its own requests), and that floor's median. */
  ownRatio?: number;
  ownFloorMs?: number;
  /** The requests the own floor makes (what the function made). */
  requests?: string;
  bytes?: number;
  met: boolean;
}

export interface StartupResults {
  runs: number;
  bare: { medianMs: number; importMs: number };
  rows: StartupRow[];
  target: number;
  /** The access check's own target against the bare floor. */
  accessTarget?: number;
}

/** Every function against its own floor. */
const TARGET = 1.3;
/** The access check, the portal's hot path, against the bare one-GetItem floor. */
const ACCESS_TARGET = 1.25;
/** The access check built with the AWS SDK left to the Lambda runtime (CDK `externalModules`). */
export const ACCESS_WITH_RUNTIME_SDK = 'check-access (SDK from the runtime)';

/** Imports the bundle, invokes it once and prints how long that took. */
const RUNNER = `
const [file, eventFile] = process.argv.slice(2);
const { readFileSync } = await import('node:fs');
const event = JSON.parse(readFileSync(eventFile, 'utf8'));
const context = { awsRequestId: 'bench', functionName: 'bench', memoryLimitInMB: '512', getRemainingTimeInMillis: () => 10000 };
const t0 = performance.now();
const { handler } = await import(file);
const t1 = performance.now();
const result = await handler(event, context);
const t2 = performance.now();
process.stdout.write('\\nBENCH_RESULT ' + JSON.stringify({ ms: t2 - t0, importMs: t1 - t0, status: result?.statusCode ?? null }) + '\\n');
`;

type Snapshot = Map<string, string>;
const itemKey = (item: Record<string, unknown>) => `${String(item.pk)}\u0000${String(item.sk)}`;

async function snapshot(doc: DynamoDBDocumentClient, tableName: string): Promise<Snapshot> {
  const items: Snapshot = new Map();
  for await (const page of paginateScan({ client: doc }, { TableName: tableName, ConsistentRead: true })) {
    for (const item of page.Items ?? []) items.set(itemKey(item), JSON.stringify(item));
  }
  return items;
}

/**
 * Puts the table back as it was seeded: what a run added is deleted, what it changed is written back.
 * So every run of a write function takes the same path as the first (201, a warning sent), instead of
 * answering 409 or finding its work done after the warm-up run.
 */
async function restore(doc: DynamoDBDocumentClient, tableName: string, seeded: Snapshot): Promise<void> {
  const now = await snapshot(doc, tableName);
  for (const [key, json] of now) {
    if (seeded.has(key)) continue;
    const item = JSON.parse(json) as Record<string, unknown>;
    await doc.send(new DeleteCommand({ TableName: tableName, Key: { pk: item.pk, sk: item.sk } }));
  }
  for (const [key, json] of seeded) {
    if (now.get(key) === json) continue;
    await doc.send(new PutCommand({ TableName: tableName, Item: JSON.parse(json) }));
  }
}

/**
 * Runs the function's handler once in this process (the same code as its bundle) and records every
 * DynamoDB request it makes at the shared client: what its own floor replays. Requests that started
 * before the previous ones answered form one group, sent side by side.
 */
async function recordRequests(fn: string, event: unknown): Promise<RecordedRequest[][]> {
  resetDeps();
  const deps = await getDeps();
  const seen: { command: string; input: unknown; start: number; end: number }[] = [];
  const client = deps.clients.client;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const entry = {
        command: context.commandName ?? '?',
        input: toJson(args.input),
        start: performance.now(),
        end: 0,
      };
      seen.push(entry);
      try {
        return await next(args);
      } finally {
        entry.end = performance.now();
      }
    },
    { step: 'initialize', name: 'benchRecord' },
  );
  try {
    const { handler } = (await import(pathToFileURL(join(ROOT, `functions/${fn}/handler.ts`)).href)) as {
      handler: (event: unknown, context: unknown) => Promise<unknown>;
    };
    await handler(event, lambdaContext(fn));
  } finally {
    client.middlewareStack.remove('benchRecord');
  }
  const groups: RecordedRequest[][] = [];
  let groupEnd = -1;
  for (const r of seen.sort((a, b) => a.start - b.start)) {
    const request = { command: r.command as RecordedRequest['command'], input: r.input };
    if (groups.length > 0 && r.start < groupEnd) groups.at(-1)!.push(request);
    else groups.push([request]);
    groupEnd = Math.max(groupEnd, r.end);
  }
  return groups;
}

/** A request's input as JSON, Sets kept as `{ __set: [...] }` (bench/floor-replay.ts revives them). */
function toJson(value: unknown): unknown {
  if (value instanceof Set) return { __set: [...value] };
  if (Array.isArray(value)) return value.map(toJson);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJson(v)]));
  }
  return value;
}

function runOnce(runner: string, file: string, eventFile: string, env: NodeJS.ProcessEnv) {
  return new Promise<{ ms: number; importMs: number; status: number | null }>((resolve, reject) => {
    // BENCH_CPU_PROF=<dir>: a CPU profile of every run, to see where a start's time goes.
    const prof = process.env.BENCH_CPU_PROF;
    const child = spawn(
      process.execPath,
      [...(prof ? ['--cpu-prof', `--cpu-prof-dir=${prof}`] : []), runner, file, eventFile],
      {
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      err = (err + c.toString()).slice(-4000);
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
      if (code !== 0 || !line) reject(new Error(`${file} exited ${code}: ${err}`));
      else resolve(JSON.parse(line.slice('BENCH_RESULT '.length)));
    });
  });
}

export async function runStartup(
  endpoint: string,
  opts: { runs: number; functions: string[]; magda?: MagdaConnection },
): Promise<StartupResults> {
  // A table with the demo world, for the handlers' first invocation to find what they look for.
  const client = new DynamoDBClient(localDynamoClientConfig(endpoint));
  const tableName = uniqueName('startup');
  await ensureTable(client, tableName);
  client.destroy();
  const secret = randomBytes(32).toString('base64url');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    [ENV.tableName]: tableName,
    [ENV.dynamoEndpoint]: endpoint,
    [ENV.pseudonymSecret]: secret,
    // No fixed day: the functions ask the clock, as they do in AWS (today in Brussels is part of a start).
    AWS_REGION: 'eu-west-1',
    POWERTOOLS_SERVICE_NAME: 'gebruikersbeheer',
    MAIL_TRANSPORT: 'outbox',
    // The registries through MAGDA's adapters (the stand-in), as deployed; the demo dataset without one.
    ...(opts.magda ? magdaEnv(opts.magda) : { [ENV.registries]: 'demo' }),
  };
  const saved = { ...process.env };
  Object.assign(process.env, env);
  resetDeps();
  const deps = await getDeps();
  await seedDemoWorld(deps);
  const sofie = await deps.persons.get(deps.pseudonymize(DEMO.sofie));
  resetDeps();
  const { doc } = createDynamoClients(endpoint);
  const seeded = await snapshot(doc, tableName);
  for (const k of Object.keys(env)) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }

  const dir = await mkdtemp(join(tmpdir(), 'gb-bench-startup-'));
  try {
    const runner = join(dir, 'runner.mjs');
    await writeFile(runner, RUNNER);
    const en = DEMO.adviesbureau;
    const events: Record<string, unknown> = {
      bare: {},
      health: eventFor('health'),
      'check-access': eventFor('check-access', {
        asService: ['access/check'],
        body: {
          nationalNumber: DEMO.tom,
          enterpriseNumber: DEMO.boekhouding,
          right: VLAIO_RIGHT,
          profile: PROFILE_SERVICE_PROVIDER,
        },
      }),
      'get-person': eventFor('get-person', {
        as: DEMO.sofie,
        params: { enterpriseNumber: en, personId: sofie!.personId },
      }),
      'list-persons': eventFor('list-persons', { as: DEMO.sofie, params: { enterpriseNumber: en } }),
      'add-person': eventFor('add-person', {
        as: DEMO.sofie,
        params: { enterpriseNumber: en },
        body: { nationalNumber: DEMO.emma },
      }),
      'grant-right': eventFor('grant-right', {
        as: DEMO.sofie,
        params: { enterpriseNumber: en, personId: sofie!.personId },
        body: {
          right: VLAIO_RIGHT,
          profiles: [PROFILE_SERVICE_PROVIDER],
          startDate: '2026-11-26',
          endDate: '2027-11-25',
        },
      }),
      'workflow-find-due-items': { input: { date: '2026-11-26' } },
      'workflow-handle-due-item': {
        kind: 'grant',
        enterpriseNumber: en,
        personId: sofie!.personId,
        grantId: '01BENCHGRANT00000000000000',
        endDate: '2027-01-25',
        action: 'warn',
        warning: 60,
        date: '2026-11-26',
      },
    };
    const fns = opts.functions.filter((f) => f !== 'bare');
    for (const fn of fns) if (events[fn] === undefined) throw new Error(`no start-up event for ${fn}`);

    // Each function's own requests, recorded from one invocation in this process on the seeded table.
    Object.assign(process.env, env, { OUTBOX_DIR: join(dir, 'outbox') });
    const recorded = new Map<string, RecordedRequest[][]>();
    try {
      for (const fn of fns) {
        recorded.set(fn, await recordRequests(fn, events[fn]));
        await restore(doc, tableName, seeded);
      }
    } finally {
      for (const k of [...Object.keys(env), 'OUTBOX_DIR']) {
        if (saved[k] === undefined) delete process.env[k];
        else process.env[k] = saved[k];
      }
      resetDeps();
    }

    type Variant = { key: string; file: string; eventFile: string; bytes: number };
    const variants = new Map<string, Variant>();
    const add = async (
      key: string,
      entry: string,
      event: unknown,
      external: string[] = [],
      inRepo = false,
    ) => {
      // Bundles that leave packages to the runtime must find them: they are written inside the repository.
      const base = inRepo ? await mkdtemp(join(ROOT, 'cdk.out', 'bench-startup-')) : dir;
      const file = join(base, `${key.replace(/\W+/g, '-')}.mjs`);
      const { bytes } = await bundle(entry, file, external);
      const eventFile = join(dir, `${key.replace(/\W+/g, '-')}.json`);
      await writeFile(eventFile, JSON.stringify(event));
      variants.set(key, { key, file, eventFile, bytes });
      return base;
    };
    await add('bare', BARE_ENTRY, {});
    const extraDirs: string[] = [];
    for (const fn of fns) {
      await add(fn, `functions/${fn}/handler.ts`, events[fn]);
      await add(`floor:${fn}`, FLOOR_ENTRY, { groups: recorded.get(fn) });
    }
    if (fns.includes('check-access')) {
      await mkdir(join(ROOT, 'cdk.out'), { recursive: true });
      extraDirs.push(
        await add(
          ACCESS_WITH_RUNTIME_SDK,
          'functions/check-access/handler.ts',
          events['check-access'],
          ['@aws-sdk/*', '@smithy/*'],
          true,
        ),
      );
      recorded.set(ACCESS_WITH_RUNTIME_SDK, recorded.get('check-access') ?? []);
      variants.set(`floor:${ACCESS_WITH_RUNTIME_SDK}`, variants.get('floor:check-access')!);
    }
    const measured = [...fns, ...(fns.includes('check-access') ? [ACCESS_WITH_RUNTIME_SDK] : [])];

    const times = new Map<string, number[]>();
    const imports = new Map<string, number[]>();
    const toBare = new Map<string, number[]>(measured.map((f) => [f, []]));
    const toOwn = new Map<string, number[]>(measured.map((f) => [f, []]));
    const statuses = new Map<string, number | null>();
    const push = (m: Map<string, number[]>, k: string, v: number) => m.set(k, [...(m.get(k) ?? []), v]);
    const childEnv = { ...env, POWERTOOLS_LOG_LEVEL: 'WARN', OUTBOX_DIR: join(dir, 'outbox') };
    const measure = async (key: string, keep: boolean) => {
      const v = variants.get(key);
      if (!v) throw new Error(`no bundle for ${key}`);
      const { ms, importMs, status } = await runOnce(runner, v.file, v.eventFile, childEnv);
      if (key !== 'bare') await restore(doc, tableName, seeded);
      if (!key.startsWith('floor:')) statuses.set(key, status);
      if (keep) {
        push(times, key, ms);
        push(imports, key, importMs);
      }
      return ms;
    };
    // One warm-up round (file cache, DynamoDB Local's JIT), then the measured rounds. Each function runs
    // next to the two floors, in an order that rotates, and the ratios are taken per round: the speed
    // of this shared machine drifts by 10-15 % over minutes, which a ratio of two medians would carry.
    const ORDERS = [
      [0, 1, 2],
      [1, 2, 0],
      [2, 0, 1],
      [0, 2, 1],
      [2, 1, 0],
      [1, 0, 2],
    ] as const;
    for (let round = -1; round < opts.runs; round++) {
      for (const fn of measured) {
        const keep = round >= 0;
        const keys = ['bare', fn, `floor:${fn}`];
        const ms: number[] = [0, 0, 0];
        for (const index of ORDERS[(round + 6) % 6]!) ms[index] = await measure(keys[index]!, keep);
        if (keep) {
          toBare.get(fn)!.push(ms[1]! / ms[0]!);
          toOwn.get(fn)!.push(ms[1]! / ms[2]!);
        }
      }
      if (round >= 0 && (round + 1) % 10 === 0) log(`  start-up: ${round + 1}/${opts.runs} rounds`);
    }
    const bare = median(times.get('bare')!);
    const requestsOf = (fn: string) => {
      const counts = new Map<string, number>();
      for (const r of (recorded.get(fn) ?? []).flat()) {
        const name = r.command.replace(/Command$/, '');
        counts.set(name, (counts.get(name) ?? 0) + 1);
      }
      return [...counts].map(([name, n]) => `${n} ${name}`).join(', ');
    };
    const result: StartupResults = {
      runs: opts.runs,
      bare: { medianMs: round(bare, 1), importMs: round(median(imports.get('bare')!), 1) },
      rows: measured.map((fn) => {
        const ratio = median(toBare.get(fn)!);
        const ownRatio = median(toOwn.get(fn)!);
        const access = fn === 'check-access' || fn === ACCESS_WITH_RUNTIME_SDK;
        return {
          fn,
          medianMs: round(median(times.get(fn)!), 1),
          importMs: round(median(imports.get(fn)!), 1),
          status: statuses.get(fn) ?? null,
          ratio: round(ratio),
          ownRatio: round(ownRatio),
          ownFloorMs: round(median(times.get(`floor:${fn}`) ?? times.get('floor:check-access')!), 1),
          requests: requestsOf(fn),
          bytes: variants.get(fn)?.bytes,
          met: ownRatio <= TARGET && (!access || ratio <= ACCESS_TARGET),
        };
      }),
      target: TARGET,
      accessTarget: ACCESS_TARGET,
    };
    for (const d of extraDirs) await rm(d, { recursive: true, force: true });
    return result;
  } finally {
    doc.destroy();
    await rm(dir, { recursive: true, force: true });
  }
}
