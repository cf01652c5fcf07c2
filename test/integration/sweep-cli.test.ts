/**
 * `npm run sweep -- --date …` over several days, as a person tries the demo's KBO changes from the
 * README: the tool itself (infra/local/sweep.ts) in a child process, on a data directory of its own
 * (DynamoDB Local and the MAGDA stand-in started per run), its summary read as printed and its e-mails
 * from the outbox.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '#infra/local/stack';
import { ENV } from '#lib/config/env-names';
import { DEMO } from '#lib/services/demo-seed';

const NATIONAL_NUMBERS = Object.values(DEMO).filter((v) => v.length === 11);

let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'gebruikersbeheer-sweep-'));
});

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

/** The environment a person's shell has: none of the test harness's table, day or registry settings. */
function toolEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of [...Object.values(ENV), 'POWERTOOLS_LOG_LEVEL']) delete env[name];
  return { ...env, DATA_DIR: dataDir };
}

/** One run of the tool; resolves with its exit code and everything it printed. */
function sweep(date?: string): Promise<{ code: number | null; output: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'infra/local/sweep.ts', ...(date ? ['--date', date] : [])],
    {
      cwd: ROOT,
      env: toolEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (c: Buffer) => {
    output += c.toString('utf8');
  });
  child.stderr.on('data', (c: Buffer) => {
    output += c.toString('utf8');
  });
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

const line = (output: string, label: string) =>
  output
    .split('\n')
    .find((l) => l.trim().startsWith(label))
    ?.trim();

async function mails(): Promise<string[]> {
  const dir = join(dataDir, 'outbox');
  const files = (await readdir(dir).catch(() => [])).filter((f) => f.endsWith('.eml')).sort();
  return Promise.all(files.map((f) => readFile(join(dir, f), 'utf8')));
}

describe('npm run sweep -- --date over the demo KBO’s changes', () => {
  it('reads the KBO first on an earlier day, then sees each change on its day, once', async () => {
    const first = await sweep('2030-12-30');
    expect(first.code, first.output).toBe(0);
    expect(first.output).toContain('Lege tabel: demogegevens geladen.');
    expect(first.output).toContain('KBO-opvolging voor 30/12/2030');
    expect(line(first.output, 'Taken geopend:')).toBe('Taken geopend:  0');
    expect(line(first.output, 'Overzichten:')).toBe(
      'Overzichten:    0 e-mails aan lokale beheerders (0 lijnen), met de wekelijkse',
    );

    const changed = await sweep('2031-01-01');
    expect(changed.code, changed.output).toBe(0);
    expect(line(changed.output, 'Vertegenwoordigers gewijzigd:')).toBe('Vertegenwoordigers gewijzigd: 1');
    expect(line(changed.output, 'Taken geopend:')).toBe('Taken geopend:  1');

    const stopped = await sweep('2031-04-01');
    expect(stopped.code, stopped.output).toBe(0);
    expect(line(stopped.output, 'Stopgezet:')).toBe('Stopgezet:      1 (1 werkrelaties gepauzeerd)');
    const stopMails = (await mails()).filter((m) => m.includes('stopgezet in de KBO'));
    expect(stopMails.length).toBe(1);
    expect(stopMails[0]).toContain('tom.wouters@boekhouding-test.be');

    // The next day: nothing again.
    const after = await sweep('2031-04-02');
    expect(line(after.output, 'Stopgezet:')).toBe('Stopgezet:      0 (0 werkrelaties gepauzeerd)');
    expect((await mails()).filter((m) => m.includes('stopgezet in de KBO')).length).toBe(1);

    const again = await sweep('2031-07-01');
    expect(again.code, again.output).toBe(0);
    expect(line(again.output, 'Opnieuw actief:')).toBe('Opnieuw actief: 1');
    expect(line(again.output, 'Taken geopend:')).toBe('Taken geopend:  1');

    // Nothing it printed names a person by national number.
    for (const output of [first, changed, stopped, after, again].map((r) => r.output))
      for (const n of NATIONAL_NUMBERS) expect(output).not.toContain(n);
  }, 180_000);
});
