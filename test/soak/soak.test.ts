/**
 * `npm run test:soak`: a bounded soak on loopback. The local stack runs as `npm start` runs it (a child
 * process with its own DynamoDB Local and a temporary data directory); eight workers send mixed reads
 * and writes for two minutes (SOAK_SECONDS changes that): the portal's access check, person lists and
 * pages, history, relationship edits with If-Match, pauses and resumes, grants and their revocation,
 * preferences. Every answer must be one the API documents for that request (a 412 for a lost race, say),
 * never a 5xx or a network error; and the stack's resident memory may not grow by more than 64 MB
 * between the end of the warm-up (30 s) and the end.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '#infra/local/stack';
import { DEMO } from '#lib/services/demo-seed';
import { type ApiAnswer, callApi } from '../support/http.ts';
import { freePort } from '../support/wait.ts';

const SECONDS = Number(process.env.SOAK_SECONDS ?? 120);
const WARM_UP_SECONDS = Math.min(30, SECONDS / 4);
const WORKERS = 8;
const MEMORY_BOUND_MB = 64;
const TODAY = '2026-11-26';
const en = DEMO.adviesbureau;
const VLAIO = 'VLAIO Inkom Gebruiker Nieuw';
const SP = 'Dienstverlener kmo-portefeuille';

/** Resident memory of a process in MB (Linux). */
async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

describe('soak: mixed load on loopback', () => {
  let dataDir: string;
  let child: ChildProcess;
  let exited: Promise<number | null>;
  let url: string;
  let errorLog = '';

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'gb-soak-'));
    const port = await freePort();
    child = spawn(process.execPath, ['--import', 'tsx', 'infra/local/start.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        PORT: String(port),
        APP_TODAY: TODAY,
        POWERTOOLS_LOG_LEVEL: 'INFO',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    let banner = '';
    child.stdout?.on('data', (c: Buffer) => {
      if (!url) banner += c.toString('utf8');
      // Everything is drained; ERROR lines are kept to explain a failure.
      for (const line of c.toString('utf8').split('\n'))
        if (line.includes('"level":"ERROR"')) errorLog += `${line}\n`;
    });
    child.stderr?.on('data', (c: Buffer) => {
      errorLog = (errorLog + c.toString('utf8')).slice(-20_000);
    });
    const deadline = Date.now() + 90_000;
    while (!/draait op (http:\/\/\S+)/.test(banner)) {
      if (Date.now() > deadline || child.exitCode !== null)
        throw new Error(`stack did not start:\n${banner}${errorLog}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    url = /draait op (http:\/\/\S+)/.exec(banner)![1]!;
  });

  afterAll(async () => {
    if (child && child.exitCode === null) {
      child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it(`${SECONDS} s of mixed reads and writes: zero errors, memory within ${MEMORY_BOUND_MB} MB`, async () => {
    const token = async (body: Record<string, string>) =>
      (
        (await (
          await fetch(`${url}/idp/dev/token`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(body),
          })
        ).json()) as { access_token: string }
      ).access_token;
    const sofie = await token({ nationalNumber: DEMO.sofie });
    const portal = await token({ clientId: 'kmo-portefeuille' });
    const errors: string[] = [];
    const counts = new Map<string, number>();

    async function api(
      name: string,
      expected: number[],
      method: string,
      path: string,
      bearer: string,
      body?: unknown,
      headers: Record<string, string> = {},
    ) {
      let answer: ApiAnswer = { status: 0, body: undefined, etag: null };
      try {
        answer = await callApi(url, {
          method,
          path,
          bearer,
          body,
          headers,
          signal: AbortSignal.timeout(10_000),
        });
      } catch (error) {
        errors.push(`${name}: ${(error as Error).message}`);
        return answer;
      }
      const { status } = answer;
      counts.set(`${name} ${status}`, (counts.get(`${name} ${status}`) ?? 0) + 1);
      if (!expected.includes(status))
        errors.push(`${name}: ${status} ${JSON.stringify(answer.body).slice(0, 300)}`);
      return answer;
    }

    // Each worker owns one person (with a relationship) to edit; everyone reads everyone.
    const org = `/organisations/${en}`;
    const people = [DEMO.emma, DEMO.lucas, DEMO.jonas, DEMO.pieter, DEMO.lotte, DEMO.tom, DEMO.marc];
    const personIds: string[] = [];
    for (const [i, n] of people.entries()) {
      const added = await api('add person', [201], 'POST', `${org}/persons`, sofie, { nationalNumber: n });
      personIds.push(added.body.personId);
      await api('link', [201], 'POST', `${org}/persons/${added.body.personId}/work-relationship`, sofie, {
        category: 'Vaste medewerker',
        startDate: TODAY,
        endDate: '2034-12-31',
        phone: `+3247000000${i}`,
        email: `soak${i}@example.be`,
      });
    }
    expect(errors).toEqual([]);

    const pid = child.pid!;
    const memory: { at: number; mb: number }[] = [];
    const started = Date.now();
    const end = started + SECONDS * 1000;
    const sampler = setInterval(async () => {
      memory.push({ at: (Date.now() - started) / 1000, mb: await rssMb(pid) });
    }, 2_000);

    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)]!;
    const worker = async (w: number) => {
      const own = personIds[w % personIds.length]!;
      const mine = `${org}/persons/${own}`;
      let paused = false;
      while (Date.now() < end) {
        const r = Math.random();
        if (r < 0.35) {
          await api('access check', [200], 'POST', '/access-checks', portal, {
            nationalNumber: pick(people),
            enterpriseNumber: en,
            right: VLAIO,
            profile: SP,
          });
        } else if (r < 0.5) {
          await api('person list', [200], 'GET', `${org}/persons?limit=25`, sofie);
        } else if (r < 0.62) {
          await api('person page', [200], 'GET', `${org}/persons/${pick(personIds)}`, sofie);
        } else if (r < 0.7) {
          await api('history', [200], 'GET', `${org}/persons/${pick(personIds)}/history?limit=20`, sofie);
        } else if (r < 0.82) {
          // Another worker may own the same person: a lost race is a 412, which is a correct answer.
          const page = await api('person page', [200], 'GET', mine, sofie);
          const version = page.body?.relationship?.version;
          await api(
            'edit relationship',
            [200, 412],
            'PATCH',
            `${mine}/work-relationship`,
            sofie,
            {
              phone: `+324780${String(Math.floor(Math.random() * 1e5)).padStart(5, '0')}`,
            },
            { 'if-match': `"${version}"` },
          );
        } else if (r < 0.88) {
          // A 409 or 422 means another worker sharing this person toggled it first: either way it flips.
          await (paused
            ? api('resume', [200, 409, 422], 'POST', `${mine}/work-relationship/resume`, sofie, {})
            : api('pause', [200, 409, 422], 'POST', `${mine}/work-relationship/pause`, sofie, {
                reason: 'Soak',
              }));
          paused = !paused;
        } else if (r < 0.95) {
          // Grant the right, then revoke it: the person holds it at most once (a second grant is a 409).
          const page = await api('person page', [200], 'GET', mine, sofie);
          const held = (page.body?.grants ?? []).find((g: { right: string }) => g.right === VLAIO);
          if (!held) {
            await api('grant', [201, 409, 422], 'POST', `${mine}/rights`, sofie, {
              right: VLAIO,
              profiles: [pick([SP, 'Gebruiker'])],
              startDate: TODAY,
              endDate: '2030-11-25',
            });
          } else {
            await api(
              'revoke',
              [200, 404, 412],
              'DELETE',
              `${mine}/rights/${held.grantId}`,
              sofie,
              {},
              {
                'if-match': `"${held.version}"`,
              },
            );
          }
        } else {
          await api('preferences', [200], 'PUT', '/me/preferences', sofie, {
            lastOrganisation: pick([en, null]),
          });
        }
      }
    };
    await Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)));
    clearInterval(sampler);
    memory.push({ at: (Date.now() - started) / 1000, mb: await rssMb(pid) });

    // Assert
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    const afterWarmUp = memory.find((m) => m.at >= WARM_UP_SECONDS) ?? memory[0]!;
    const tail = memory.filter((m) => m.at >= SECONDS - 30);
    const growth = Math.max(...tail.map((m) => m.mb)) - afterWarmUp.mb;
    console.log(
      `soak: ${total} requests in ${SECONDS} s (${Math.round(total / SECONDS)}/s), ${errors.length} errors; ` +
        `RSS ${Math.round(memory[0]!.mb)} MB at start, ${Math.round(afterWarmUp.mb)} MB after warm-up, ` +
        `${Math.round(memory.at(-1)!.mb)} MB at the end (growth ${growth.toFixed(1)} MB); ` +
        [...counts].map(([k, v]) => `${k}: ${v}`).join(', '),
    );
    expect(errors.slice(0, 20), errorLog.slice(-5000)).toEqual([]);
    expect(total).toBeGreaterThan(SECONDS * 20);
    expect(growth).toBeLessThanOrEqual(MEMORY_BOUND_MB);
  });
});
