/**
 * The CSV import of 1,000 rows (each a new person with a work relationship and a right), run as the
 * local stack runs it: the create-import and confirm-import handlers, and the bulk workflow's real ASL on
 * the local Step Functions runner calling its step handlers. Timed, with the DynamoDB requests and
 * capacity of the dry run and of the apply (per row), read from the SDK client every handler shares.
 * `npm run bench -- --only import` runs it alone.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { localDynamoClientConfig } from '#infra/local/dynamodb-local';
import { ROOT as STACK_ROOT } from '#infra/local/stack';
import { ensureTable } from '#infra/local/table';
import { createLocalWorkflows } from '#infra/local/workflows';
import { getDeps, resetDeps, setDeps } from '#lib/runtime/deps';
import { DEMO, seedDemoWorld } from '#lib/services/demo-seed';
import {
  CapacityRecorder,
  call,
  configureHandlers,
  expectStatus,
  log,
  registerWith,
  round,
  syntheticNationalNumber,
  type Usage,
  uniqueName,
} from './support.ts';

export interface ImportPhaseRow {
  phase: 'upload and dry run' | 'apply';
  ms: number;
  requests: Record<string, number>;
  rcu: number;
  wcu: number;
  rcuPerRow: number;
  wcuPerRow: number;
  /** Change events written (the apply: each row's own). */
  events: number;
}

export interface ImportResults {
  rows: number;
  chunks: number;
  phases: ImportPhaseRow[];
  summary: { new: number; present: number; error: number } | null;
  /** The apply's outcome: every row new, 2 events each. */
  met: boolean;
}

const TODAY = '2026-11-26';
const HEADER =
  'rijksregisternummer;categorie;begindatum;einddatum;telefoon;e-mail;recht;profielen;begindatum recht;einddatum recht';

function phaseRow(phase: ImportPhaseRow['phase'], ms: number, usage: Usage, rows: number): ImportPhaseRow {
  return {
    phase,
    ms,
    requests: usage.requests,
    rcu: usage.rcu,
    wcu: usage.wcu,
    rcuPerRow: round(usage.rcu / rows),
    wcuPerRow: round(usage.wcu / rows),
    events: usage.events.length,
  };
}

export async function runImport(endpoint: string, rows = 1000): Promise<ImportResults> {
  const logLevel = process.env.POWERTOOLS_LOG_LEVEL;
  process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';
  const client = new DynamoDBClient(localDynamoClientConfig(endpoint));
  const tableName = uniqueName('import');
  await ensureTable(client, tableName);
  client.destroy();
  configureHandlers({ tableName, endpoint }, TODAY);
  resetDeps();
  const workflows = createLocalWorkflows({ root: STACK_ROOT, retryIntervalMs: 0 });
  try {
    const deps = await getDeps();
    const synthetic = new Set<string>();
    await setDeps({
      mailer: { send: async () => undefined },
      workflows,
      nationalRegister: registerWith(synthetic),
    });
    await seedDemoWorld(await getDeps());
    const lines = [HEADER];
    for (let i = 0; i < rows; i++) {
      // 500 persons per birth date: the counter has three digits.
      const nrn = syntheticNationalNumber(
        `8001${String(10 + Math.floor(i / 500)).padStart(2, '0')}`,
        1 + (i % 500),
      );
      synthetic.add(nrn);
      lines.push(
        `${nrn};Vaste medewerker;${TODAY};2030-12-31;+3212345678;persoon${i}@example.be;VLAIO Inkom Gebruiker Nieuw;Dienstverlener kmo-portefeuille;${TODAY};2029-12-31`,
      );
    }
    const content = `\uFEFF${lines.join('\r\n')}\r\n`;
    const recorder = new CapacityRecorder();
    recorder.attach(deps.clients.client);
    const at = { enterpriseNumber: DEMO.adviesbureau };
    const job = async (jobId: string) =>
      expectStatus(await call('get-job', { as: DEMO.sofie, params: { ...at, jobId } }), 200, 'get-job').body;

    log(`import: ${rows} rows, the dry run`);
    recorder.reset();
    let t0 = performance.now();
    const started = expectStatus(
      await call('create-import', { as: DEMO.sofie, params: at, body: { fileName: 'bench.csv', content } }),
      202,
      'create-import',
    ).body;
    await workflows.idle();
    const dryRun = phaseRow('upload and dry run', Math.round(performance.now() - t0), recorder.usage(), rows);
    const previewed = await job(started.jobId);
    if (previewed.status !== 'previewed') throw new Error(`dry run ended ${previewed.status}`);

    log(`import: ${rows} rows, the apply`);
    recorder.reset();
    t0 = performance.now();
    expectStatus(
      await call('confirm-import', { as: DEMO.sofie, params: { ...at, jobId: started.jobId }, body: {} }),
      202,
      'confirm-import',
    );
    await workflows.idle();
    const apply = phaseRow('apply', Math.round(performance.now() - t0), recorder.usage(), rows);
    const done = await job(started.jobId);
    return {
      rows,
      chunks: Math.ceil(rows / 50),
      phases: [dryRun, apply],
      summary: done.summary,
      met: done.status === 'done' && done.summary?.new === rows && apply.events === 2 * rows,
    };
  } finally {
    workflows.stop();
    if (logLevel === undefined) delete process.env.POWERTOOLS_LOG_LEVEL;
    else process.env.POWERTOOLS_LOG_LEVEL = logLevel;
    resetDeps();
  }
}
