/**
 * Start-up overhead: each bundled handler (built as CDK builds it) is imported and invoked once in a
 * fresh Node.js process, timed from just before the import to the end of the first invocation, against
 * the bare function (the same DynamoDB client, one GetItem) run right before or after it (alternating);
 * the ratio is the median over the rounds of these pairs' ratios. After each run the
 * table is put back as seeded, so write functions take their real path every time.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, type DynamoDBDocumentClient, PutCommand, paginateScan } from '@aws-sdk/lib-dynamodb';
import { localDynamoClientConfig } from '#infra/local/dynamodb-local';
import { ensureTable } from '#infra/local/table';
import { createDynamoClients } from '#lib/adapters/dynamodb/client';
import { ENV } from '#lib/config/env-names';
import { PROFILE_SERVICE_PROVIDER, VLAIO_RIGHT } from '#lib/domain/catalogue';
import { getDeps, resetDeps } from '#lib/runtime/deps';
import { DEMO, seedDemoWorld } from '#lib/services/demo-seed';
import { BARE_ENTRY, bundle } from './bundles.ts';
import { eventFor, log, median, round, uniqueName } from './support.ts';

export interface StartupRow {
  fn: string;
  medianMs: number;
  /** Of which the import (module evaluation) of the bundle. */
  importMs: number;
  /** Status code of the first invocation (null for workflow steps). */
  status: number | null;
  ratio: number;
  met: boolean;
}

export interface StartupResults {
  runs: number;
  bare: { medianMs: number; importMs: number };
  rows: StartupRow[];
  target: number;
}

const TARGET = 1.3;

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

function runOnce(runner: string, file: string, eventFile: string, env: NodeJS.ProcessEnv) {
  return new Promise<{ ms: number; importMs: number; status: number | null }>((resolve, reject) => {
    const child = spawn(process.execPath, [runner, file, eventFile], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
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
  opts: { runs: number; functions: string[] },
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
    [ENV.today]: '2026-11-26',
    AWS_REGION: 'eu-west-1',
    POWERTOOLS_SERVICE_NAME: 'gebruikersbeheer',
    MAIL_TRANSPORT: 'outbox',
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
    const fns = ['bare', ...opts.functions.filter((f) => f !== 'bare')];
    const files = new Map<string, { file: string; eventFile: string }>();
    for (const fn of fns) {
      const event = events[fn];
      if (event === undefined) throw new Error(`no start-up event for ${fn}`);
      const file = join(dir, `${fn}.mjs`);
      await bundle(fn === 'bare' ? BARE_ENTRY : `functions/${fn}/handler.ts`, file);
      const eventFile = join(dir, `${fn}.json`);
      await writeFile(eventFile, JSON.stringify(event));
      files.set(fn, { file, eventFile });
    }
    const times = new Map<string, number[]>(fns.map((f) => [f, []]));
    const imports = new Map<string, number[]>(fns.map((f) => [f, []]));
    /** Per function, its time ÷ the bare function's in the pair of runs next to each other. */
    const pairs = new Map<string, number[]>(fns.map((f) => [f, []]));
    const statuses = new Map<string, number | null>();
    const childEnv = { ...env, POWERTOOLS_LOG_LEVEL: 'WARN', OUTBOX_DIR: join(dir, 'outbox') };
    const measure = async (fn: string, keep: boolean) => {
      const { file, eventFile } = files.get(fn)!;
      const { ms, importMs, status } = await runOnce(runner, file, eventFile, childEnv);
      if (fn !== 'bare') await restore(doc, tableName, seeded);
      statuses.set(fn, status);
      if (keep) {
        times.get(fn)!.push(ms);
        imports.get(fn)!.push(importMs);
      }
      return ms;
    };
    // One warm-up round (file cache, DynamoDB Local's JIT), then the measured rounds. Each function runs
    // next to a run of the bare one, in alternating order, and the ratio is taken per pair: the speed of
    // this shared machine drifts by 10-15 % over minutes, which a ratio of two medians would carry.
    for (let round = -1; round < opts.runs; round++) {
      for (const fn of fns.filter((f) => f !== 'bare')) {
        const keep = round >= 0;
        const [first, second] = round % 2 === 0 ? ['bare', fn] : [fn, 'bare'];
        const a = await measure(first, keep);
        const b = await measure(second, keep);
        if (keep) pairs.get(fn)!.push(first === 'bare' ? b / a : a / b);
      }
      if (round >= 0 && (round + 1) % 10 === 0) log(`  start-up: ${round + 1}/${opts.runs} rounds`);
    }
    const bare = median(times.get('bare')!);
    return {
      runs: opts.runs,
      bare: { medianMs: round(bare, 1), importMs: round(median(imports.get('bare')!), 1) },
      rows: fns
        .filter((f) => f !== 'bare')
        .map((fn) => {
          const ratio = median(pairs.get(fn)!);
          return {
            fn,
            medianMs: round(median(times.get(fn)!), 1),
            importMs: round(median(imports.get(fn)!), 1),
            status: statuses.get(fn) ?? null,
            ratio: round(ratio),
            met: ratio <= TARGET,
          };
        }),
      target: TARGET,
    };
  } finally {
    doc.destroy();
    await rm(dir, { recursive: true, force: true });
  }
}
