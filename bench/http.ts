/**
 * HTTP throughput and tail latency with autocannon on 127.0.0.1, in alternating rounds of the same run
 * (the ratio to the floor is taken per round, floor and access check back to back, and its median kept):
 *
 * - the access check through the local gateway (token verification, event, middy stack, validation,
 *   HMAC, one GetItem);
 * - the floor behind the same gateway: same token verification and event, a handler that does one
 *   GetItem with the same client and nothing else. The ratio to this floor is what our Lambda code costs
 *   (in AWS the gateway is API Gateway, not our process);
 * - a plain HTTP server doing the same GetItem, for reference: the ratio to it includes the local
 *   gateway's own cost (RS256 verification per request).
 *
 * The server's CPU time per request is read from /proc for each round.
 */

import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { PROFILE_SERVICE_PROVIDER, VLAIO_RIGHT } from '#lib/domain/catalogue';
import { DEMO } from '#lib/services/demo-seed';
import { log, median, ROOT, round, uniqueName } from './support.ts';

type Target = 'access-check' | 'floor' | 'bare';

export interface HttpRound {
  target: Target;
  /** CPU time of the server process per request (Linux), ms. */
  serverCpuMsPerRequest: number | null;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  timeouts: number;
  requests: number;
}

export interface HttpResults {
  settings: { connections: number; durationSeconds: number; rounds: number; logLevel: string };
  rounds: HttpRound[];
  accessCheck: Summary & { tailRatio: number };
  floor: Summary;
  bare: Summary;
  /** Access check ÷ the floor behind the gateway, the median of the rounds' ratios: the target. */
  throughputRatio: number;
  /** Each round's access check ÷ floor, the two measured back to back. */
  roundRatios: number[];
  /** Access check ÷ the plain server, for reference. */
  throughputRatioPlain: number;
  errors: number;
  met: { throughput: boolean; tail: boolean; errors: boolean };
}

interface Summary {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  serverCpuMsPerRequest: number | null;
}

const TARGETS = { throughput: 0.85, tail: 3 };

/** User + system CPU time of a process in ms, from /proc (null elsewhere). */
function cpuMs(pid: number | undefined): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
}

async function startServers(endpoint: string, logLevel: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'bench/http-server.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      BENCH_DYNAMODB_ENDPOINT: endpoint,
      BENCH_TABLE: uniqueName('http'),
      POWERTOOLS_LOG_LEVEL: logLevel,
      // Log lines as Lambda writes them: one JSON line each. `npm start` sets POWERTOOLS_DEV, which
      // pretty-prints every entry over many lines for reading, and that is not what runs in AWS.
      POWERTOOLS_DEV: 'false',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr?.on('data', (c: Buffer) => {
    err = (err + c.toString()).slice(-4000);
  });
  const ready = await new Promise<{ url: string; bareUrl: string; floorUrl: string; key: unknown }>(
    (resolve, reject) => {
      let out = '';
      const onData = (c: Buffer) => {
        out += c.toString();
        const line = out.split('\n').find((l) => l.startsWith('BENCH_READY '));
        if (!line) return;
        // From here on the logs are only drained (below), never kept.
        child.stdout?.off('data', onData);
        resolve(JSON.parse(line.slice('BENCH_READY '.length)));
      };
      child.stdout?.on('data', onData);
      child.once('exit', (code) => reject(new Error(`bench http server exited ${code}: ${err}`)));
      setTimeout(() => reject(new Error(`bench http server did not start: ${err}`)), 60_000).unref();
    },
  );
  // Keep draining the logs so a full pipe never blocks the server.
  child.stdout?.resume();
  child.once('exit', (code, signal) => {
    if (code !== 0) log(`  http: the server stopped (${code ?? signal}): ${err}`);
  });
  return { child, ...ready };
}

async function stopServers(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

function load(opts: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(opts, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

export async function runHttp(
  endpoint: string,
  opts: { durationSeconds: number; rounds: number; connections: number; logLevel: string },
): Promise<HttpResults> {
  const servers = await startServers(endpoint, opts.logLevel);
  try {
    const tokenRes = await fetch(`${servers.url}/idp/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ clientId: 'kmo-portefeuille' }),
    });
    const { access_token: token } = (await tokenRes.json()) as { access_token: string };
    const accessCheck: autocannon.Options = {
      url: `${servers.url}/api/access-checks`,
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        nationalNumber: DEMO.tom,
        enterpriseNumber: DEMO.boekhouding,
        right: VLAIO_RIGHT,
        profile: PROFILE_SERVICE_PROVIDER,
      }),
      connections: opts.connections,
    };
    const floor: autocannon.Options = {
      ...accessCheck,
      url: servers.floorUrl,
      body: JSON.stringify(servers.key),
    };
    const bare: autocannon.Options = { url: servers.bareUrl, method: 'GET', connections: opts.connections };
    const targets: [Target, autocannon.Options][] = [
      ['floor', floor],
      ['access-check', accessCheck],
      ['bare', bare],
    ];
    // Check each answers as expected before loading it.
    const probe = await fetch(accessCheck.url as string, {
      method: 'POST',
      headers: accessCheck.headers as Record<string, string>,
      body: accessCheck.body as string,
    });
    const decision = (await probe.json()) as { allowed?: boolean };
    if (probe.status !== 200 || decision.allowed !== true) {
      throw new Error(`access check probe: ${probe.status} ${JSON.stringify(decision)}`);
    }
    const floorProbe = await fetch(floor.url as string, {
      method: 'POST',
      headers: floor.headers as Record<string, string>,
      body: floor.body as string,
    });
    if (floorProbe.status !== 200 || !((await floorProbe.json()) as { found?: boolean }).found) {
      throw new Error(`floor probe: ${floorProbe.status}`);
    }
    // Warm-up: the JIT of our process and of DynamoDB Local, connection pools.
    for (let i = 0; i < 2; i++) for (const [, options] of targets) await load({ ...options, duration: 4 });

    const rounds: HttpRound[] = [];
    const pairs: number[] = [];
    for (let i = 0; i < opts.rounds; i++) {
      // The floor and the access check run back to back, in alternating order (ABBA), so the load of a
      // 2-core machine drifting over the run falls on both alike; the plain server, a reference, last.
      const order = i % 2 === 0 ? [0, 1, 2] : [1, 0, 2];
      const inRound: Partial<Record<Target, number>> = {};
      for (const [target, options] of order.map((k) => targets[k]!)) {
        const cpu0 = cpuMs(servers.child.pid);
        const r = await load({ ...options, duration: opts.durationSeconds });
        const cpu1 = cpuMs(servers.child.pid);
        const serverCpuMsPerRequest =
          cpu0 !== null && cpu1 !== null && r.requests.total > 0
            ? round((cpu1 - cpu0) / r.requests.total)
            : null;
        rounds.push({
          target,
          serverCpuMsPerRequest,
          requestsPerSecond: r.requests.average,
          p50: r.latency.p50,
          p99: r.latency.p99,
          errors: r.errors,
          non2xx: r.non2xx,
          timeouts: r.timeouts,
          requests: r.requests.total,
        });
        inRound[target] = r.requests.average;
        log(
          `  http: ${target} ${Math.round(r.requests.average)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, server CPU ${serverCpuMsPerRequest} ms/request`,
        );
      }
      pairs.push(round(inRound['access-check']! / inRound.floor!));
    }
    const of = (t: Target) => rounds.filter((r) => r.target === t);
    const summary = (t: Target): Summary => {
      const cpu = of(t).map((r) => r.serverCpuMsPerRequest);
      return {
        requestsPerSecond: round(median(of(t).map((r) => r.requestsPerSecond)), 0),
        p50: median(of(t).map((r) => r.p50)),
        p99: median(of(t).map((r) => r.p99)),
        serverCpuMsPerRequest: cpu.every((c) => c !== null) ? round(median(cpu as number[])) : null,
      };
    };
    const a = summary('access-check');
    const f = summary('floor');
    const b = summary('bare');
    const errors = rounds.reduce((n, r) => n + r.errors + r.non2xx + r.timeouts, 0);
    // The median of the per-round ratios: each compares two loads a few seconds apart.
    const throughputRatio = round(median(pairs));
    const tailRatio = round(a.p99 / Math.max(a.p50, 1));
    return {
      settings: opts,
      rounds,
      accessCheck: { ...a, tailRatio },
      floor: f,
      bare: b,
      throughputRatio,
      roundRatios: pairs,
      throughputRatioPlain: round(a.requestsPerSecond / b.requestsPerSecond),
      errors,
      met: {
        throughput: throughputRatio >= TARGETS.throughput,
        tail: tailRatio <= TARGETS.tail,
        errors: errors === 0,
      },
    };
  } finally {
    await stopServers(servers.child);
  }
}
