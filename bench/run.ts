/**
 * `npm run bench`: DynamoDB requests and capacity per use case, bundle sizes, handler start-up and HTTP
 * throughput, each against a floor measured in the same run. Starts its own in-memory DynamoDB Local,
 * writes `bench/results.json` and prints a table. Exits non-zero only when a benchmark could not run;
 * targets that are missed are reported (and explained in the README), not failed.
 *
 *   npm run bench                               everything (about 4 minutes on 2 cores)
 *   npm run bench -- --only bundles,capacity    some sections
 *   npm run bench -- --only import              the CSV import of 1,000 rows alone (about a minute)
 *   npm run bench -- --sweep-sizes 10000        cap the expiry-sweep table (100,000 takes about 30 s)
 *   npm run bench -- --startup-runs 10 --startup-functions check-access,health
 *   npm run bench -- --http-seconds 5 --http-rounds 1 --http-connections 10 --http-log-level WARN
 *   npm run bench -- --quick                    a smoke run: small sweep, few start-up runs, short loads
 *   npm run bench -- --only lighthouse          Lighthouse's accessibility and best practices of three pages
 *   npm run bench -- --report-only              the table of the last bench/results.json
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startDynamoDbLocal } from '#infra/local/dynamodb-local';
import { startLocalMagda } from '#infra/local/stack';
import { type BundleResults, runBundles } from './bundles.ts';
import { type CapacityResults, runCapacity } from './capacity.ts';
import { type HttpResults, runHttp } from './http.ts';
import { type ImportResults, runImport } from './import.ts';
import { type LighthouseResults, runLighthouse } from './lighthouse.ts';
import { runStartup, type StartupResults } from './startup.ts';
import { log, ROOT, versions } from './support.ts';

const SECTIONS = ['capacity', 'import', 'bundles', 'startup', 'http', 'lighthouse'] as const;
type Section = (typeof SECTIONS)[number];

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    quick: { type: 'boolean', default: false },
    'sweep-sizes': { type: 'string' },
    'startup-runs': { type: 'string' },
    'startup-functions': { type: 'string' },
    'http-seconds': { type: 'string' },
    'http-rounds': { type: 'string' },
    'http-connections': { type: 'string' },
    'http-log-level': { type: 'string' },
    /** Prints the table of the last bench/results.json without running anything. */
    'report-only': { type: 'boolean', default: false },
  },
});
if (values['report-only']) {
  const { readFile } = await import('node:fs/promises');
  process.stdout.write(`${report(JSON.parse(await readFile(join(ROOT, 'bench/results.json'), 'utf8')))}\n`);
  process.exit(0);
}
const quick = values.quick;
const only = new Set<Section>(
  values.only ? (values.only.split(',').map((s) => s.trim()) as Section[]) : [...SECTIONS],
);
for (const s of only)
  if (!SECTIONS.includes(s)) throw new Error(`Unknown section ${s}: ${SECTIONS.join(', ')}`);
const number = (v: string | undefined, fallback: number) => (v === undefined ? fallback : Number(v));
const sweepSizes = (values['sweep-sizes'] ?? (quick ? '2000' : '10000,100000')).split(',').map(Number);
const startupRuns = number(values['startup-runs'], quick ? 5 : 30);
const startupFunctions = values['startup-functions']?.split(',') ?? [
  'check-access',
  'health',
  'get-person',
  'list-persons',
  'add-person',
  'grant-right',
  'workflow-find-due-items',
  'workflow-handle-due-item',
];

interface Results {
  generatedAt: string;
  machine: { cpus: number; platform: string };
  versions: Record<string, string>;
  durationSeconds?: number;
  capacity?: CapacityResults;
  bundles?: BundleResults;
  startup?: StartupResults;
  http?: HttpResults;
  import?: ImportResults;
  lighthouse?: LighthouseResults;
}

const started = performance.now();
const { cpus } = await import('node:os');
const results: Results = {
  generatedAt: new Date().toISOString(),
  machine: { cpus: cpus().length, platform: `${process.platform} ${process.arch}` },
  versions: await versions(),
};

const needsDb =
  only.has('capacity') ||
  only.has('import') ||
  only.has('startup') ||
  only.has('http') ||
  only.has('lighthouse');
const db = needsDb ? await startDynamoDbLocal({}) : null;
// The registries as the local stack reads them: MAGDA's adapters against the stand-in.
const magda = needsDb ? await startLocalMagda(undefined) : null;
try {
  if (only.has('bundles')) {
    log('bundles: building every function');
    results.bundles = await runBundles();
  }
  if (db && only.has('capacity')) results.capacity = await runCapacity(db.endpoint, { sweepSizes });
  if (db && only.has('import')) results.import = await runImport(db.endpoint);
  if (db && only.has('startup')) {
    log(`start-up: ${startupFunctions.length} functions and the bare one, ${startupRuns} interleaved runs`);
    results.startup = await runStartup(db.endpoint, {
      runs: startupRuns,
      functions: startupFunctions,
      ...(magda ? { magda } : {}),
    });
  }
  if (db && only.has('http')) {
    log('http: autocannon against the access check and the bare endpoint');
    results.http = await runHttp(db.endpoint, {
      durationSeconds: number(values['http-seconds'], quick ? 3 : 5),
      rounds: number(values['http-rounds'], quick ? 1 : 7),
      connections: number(values['http-connections'], 10),
      logLevel: values['http-log-level'] ?? 'INFO',
    });
  }
  if (db && magda && only.has('lighthouse')) {
    log('lighthouse: the home page, the portal page and a person page');
    results.lighthouse = await runLighthouse(db.endpoint, magda);
  }
} finally {
  await magda?.stop();
  await db?.stop();
}
results.durationSeconds = Math.round((performance.now() - started) / 1000);

// A partial run (--only) keeps the other sections of the last full run.
if (only.size < SECTIONS.length) {
  const { readFile } = await import('node:fs/promises');
  const previous = await readFile(join(ROOT, 'bench/results.json'), 'utf8').then(
    (text) => JSON.parse(text) as Results,
    () => null,
  );
  for (const section of SECTIONS) {
    if (!only.has(section) && previous?.[section]) Object.assign(results, { [section]: previous[section] });
  }
}
await writeFile(join(ROOT, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(`${report(results)}\n`);
log(`bench/results.json written (${results.durationSeconds} s)`);

// ---------------------------------------------------------------------------------------------------

function table(head: string[], rows: (string | number)[][]): string {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const widths = head.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [
    line(head),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...cells.slice(1).map(line),
  ].join('\n');
}

function mark(met: boolean | null): string {
  return met === null ? '' : met ? 'yes' : 'NO';
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(0)} KB`;
}

function report(r: Results): string {
  const out: string[] = [];
  out.push(
    `Gebruikersbeheer bench, ${r.generatedAt} (${r.machine.cpus} cores), ${Object.entries(r.versions)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
  if (r.capacity) {
    const c = r.capacity;
    out.push('', '### DynamoDB calibration', '');
    out.push(
      table(
        ['check', 'DynamoDB', 'DynamoDB Local reports', 'used'],
        c.calibration.map((x) => [x.name, x.expected, x.reported, x.used]),
      ),
    );
    for (const x of c.calibration) if (x.note) out.push('', x.note);
    out.push('', '### DynamoDB requests and capacity per use case', '');
    out.push(
      table(
        ['use case', 'function', 'requests', 'RCU', 'WCU', 'target', 'met'],
        c.useCases.map((u) => [
          u.useCase,
          u.fn,
          Object.entries(u.usage.requests)
            .map(([op, n]) => `${n} ${op}`)
            .join(', '),
          u.usage.rcu,
          u.usage.wcu,
          u.target ?? '',
          mark(u.met),
        ]),
      ),
    );
    if (c.events) {
      out.push('', '### Change events per change (written in the change’s own transaction)', '');
      out.push(
        table(
          ['use case', 'function', 'events written', 'documented', 'met'],
          c.events.map((e) => [
            e.useCase,
            e.fn,
            e.written.join(', ') || '—',
            e.expected.join(', ') || '—',
            mark(e.met),
          ]),
        ),
      );
    }
    out.push('', '### Expiry sweep (FindDue and FindMore) against table size and due items', '');
    out.push(
      table(
        ['grants in table', 'due', 'pages', 'largest page', 'Query requests', 'RCU', 'items found', 'ms'],
        c.sweep.map((s) => [
          s.grants,
          s.due,
          s.pages ?? 1,
          s.largestPageBytes ? `${(s.largestPageBytes / 1024).toFixed(1)} KiB` : '',
          s.queries,
          s.rcu,
          s.itemsFound,
          s.ms,
        ]),
      ),
    );
    out.push(
      '',
      `Reads grow with the due items, not with the table: ${mark(c.sweepVerdict.met)}. ${c.sweepVerdict.note}`,
    );
    if (c.digests?.length && c.digestVerdict) {
      out.push(
        '',
        '### The local administrators’ digests (PlanDigests and SendDigest) against due items',
        '',
      );
      out.push(
        table(
          [
            'grants in table',
            'due',
            'organisations',
            'digests',
            'lines',
            'pages',
            'requests',
            'RCU',
            'WCU',
            'lines recorded (WCU)',
            'ms',
          ],
          c.digests.map((d) => [
            d.grants,
            d.due,
            d.organisations,
            d.digests,
            d.lines,
            d.pages,
            Object.entries(d.requests)
              .map(([op, n]) => `${n} ${op}`)
              .join(', '),
            d.rcu,
            d.wcu,
            d.lineWcu,
            d.ms,
          ]),
        ),
      );
      out.push(
        '',
        `The digests grow with the due items, not with the table: ${mark(c.digestVerdict.met)}. ${c.digestVerdict.note}`,
      );
    }
    const o = c.reviewOpening;
    if (o) {
      out.push('', '### Opening an access review (AdvanceReview, one organisation)', '');
      out.push(
        table(
          [
            'lines',
            'ms',
            'Query',
            'GetItem',
            'BatchWriteItem',
            'TransactWriteItems',
            'RCU',
            'WCU',
            'under a minute, no Scan',
          ],
          [[o.lines, o.ms, o.queries, o.getItems, o.batchWrites, o.transactions, o.rcu, o.wcu, mark(o.met)]],
        ),
      );
    }
  }
  if (r.import) {
    const i = r.import;
    out.push(
      '',
      `### CSV import of ${i.rows.toLocaleString('en')} rows (${i.chunks} chunks, the bulk workflow on the local runner)`,
      '',
    );
    out.push(
      table(
        ['phase', 'ms', 'requests', 'RCU', 'WCU', 'RCU / row', 'WCU / row', 'events'],
        i.phases.map((p) => [
          p.phase,
          p.ms,
          Object.entries(p.requests)
            .map(([op, n]) => `${n} ${op}`)
            .join(', '),
          p.rcu,
          p.wcu,
          p.rcuPerRow,
          p.wcuPerRow,
          p.events,
        ]),
      ),
    );
    out.push('', `Outcome: ${JSON.stringify(i.summary)}; every row new with its 2 events: ${mark(i.met)}.`);
  }
  if (r.bundles) {
    const b = r.bundles;
    out.push('', '### Bundle sizes (minified, AWS SDK included)', '');
    out.push(`Floor (bare: the same DynamoDB client and one GetItem): ${kb(b.floor.bytes)}.`, '');
    out.push(
      table(
        ['function', 'size', 'above floor', 'limit', 'met', 'biggest contributors'],
        [...b.rows]
          .sort((x, y) => y.bytes - x.bytes)
          .map((x) => [
            x.fn,
            kb(x.bytes),
            kb(x.aboveFloor),
            kb(x.limit),
            mark(x.met),
            x.top
              .slice(0, 4)
              .map((t) => `${t.name} ${kb(t.bytes)}`)
              .join(', '),
          ]),
      ),
    );
    out.push('', `Over 1 MB: ${b.overMax.length ? b.overMax.join(', ') : 'none'}.`);
    out.push(
      `Adapter wiring: ${b.wiring.length ? b.wiring.join('; ') : 'e-mail, idempotency, the registries (MAGDA) and the expiry (with the digests), logins, KBO-follow, audit and review stores exactly where used'}.`,
    );
  }
  if (r.startup) {
    const s = r.startup;
    out.push('', `### Start-up: import and first invocation, median of ${s.runs} rotating rounds`, '');
    out.push(
      `Bare floor (same client, one GetItem): ${s.bare.medianMs} ms, of which import ${s.bare.importMs} ms. ` +
        "Each function's own floor makes exactly the requests the function made (bench/floor-replay.ts).",
      '',
    );
    out.push(
      table(
        [
          'function',
          'first response',
          'median',
          'of which import',
          'bundle',
          'its requests',
          'own floor',
          'ratio to own floor',
          'ratio to bare',
          'met',
        ],
        s.rows.map((x) => [
          x.fn,
          x.status ?? '-',
          `${x.medianMs} ms`,
          `${x.importMs} ms`,
          x.bytes ? `${Math.round(x.bytes / 1024)} KB` : '',
          x.requests ?? '',
          x.ownFloorMs !== undefined ? `${x.ownFloorMs} ms` : '',
          x.ownRatio ?? '',
          x.ratio,
          mark(x.met),
        ]),
      ),
    );
    out.push(
      '',
      `Targets: every function ≤ ${s.target} × its own floor; the access check also ≤ ${s.accessTarget ?? 1.25} × the bare floor.`,
    );
  }
  if (r.http) {
    const h = r.http;
    out.push(
      '',
      `### HTTP on 127.0.0.1 (autocannon, ${h.settings.connections} connections, ${h.settings.rounds} × ${h.settings.durationSeconds} s each, log level ${h.settings.logLevel})`,
      '',
    );
    out.push(
      table(
        ['endpoint', 'req/s (median)', 'p50', 'p99', 'p99/p50', 'server CPU per request'],
        [
          ['access check (gateway + handler)', h.accessCheck, h.accessCheck.tailRatio],
          ['floor: one GetItem behind the same gateway', h.floor, ''],
          ['plain HTTP server, one GetItem', h.bare, ''],
        ].map(([name, s, tail]) => {
          const x = s as HttpResults['floor'];
          return [
            name as string,
            x.requestsPerSecond,
            `${x.p50} ms`,
            `${x.p99} ms`,
            tail as string,
            x.serverCpuMsPerRequest === null ? '' : `${x.serverCpuMsPerRequest} ms`,
          ];
        }),
      ),
    );
    out.push(
      '',
      `Throughput ratio to the floor behind the gateway ${h.throughputRatio}, the median of ${h.roundRatios?.length ?? h.settings.rounds} rounds${h.roundRatios ? ` (${Math.min(...h.roundRatios)}–${Math.max(...h.roundRatios)})` : ''} (≥ 0.85: ${mark(h.met.throughput)}); to the plain server ${h.throughputRatioPlain}. p99/p50 ${h.accessCheck.tailRatio} (≤ 3: ${mark(h.met.tail)}). Errors, timeouts and non-2xx: ${h.errors} (0: ${mark(h.met.errors)}).`,
    );
    out.push('');
  }
  if (r.lighthouse) {
    const l = r.lighthouse;
    out.push('', `### Lighthouse ${l.lighthouse} (Debian's Chromium, desktop 1280 px, demo world)`, '');
    out.push(
      table(
        ['page', 'path', 'accessibility', 'best practices', `≥ ${l.target}`],
        l.pages.map((p) => [
          p.name,
          p.path,
          p.accessibility,
          p.bestPractices,
          mark(p.accessibility >= l.target && p.bestPractices >= l.target),
        ]),
      ),
    );
    const failing = l.pages.filter((p) => p.failing.length > 0);
    for (const p of failing) out.push('', `${p.name}: ${p.failing.join('; ')}`);
    out.push('');
  }
  return out.join('\n');
}
