/**
 * Privacy: the local stack runs as `npm start` runs it (a child process of `infra/local/start.ts`, its
 * own DynamoDB Local, a temporary data directory, the normal log level), a representative session goes
 * over HTTP (people added, linked and granted, bad input, an access request approved through the
 * workflow, the portal's access check, an expiry sweep run by `npm run sweep`), and then everything the
 * stack and the sweep logged, and every file under the data directory except the table itself, is
 * searched for the demo national numbers, the session's e-mail addresses and phone numbers, and JWTs.
 *
 * One exception, by nature: an e-mail in the outbox names its recipient in its To header. The scan
 * allows the session's addresses there and nowhere else (not in the subject, body or any other file).
 * Every key of every item in the table is checked for national numbers too.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AttributeValue, DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDynamoClientConfig } from '#infra/local/dynamodb-local';
import { ROOT } from '#infra/local/stack';
import { startWebhookReceiver, type WebhookReceiver } from '#infra/local/webhook-receiver';
import { parseNationalNumber } from '#lib/domain/national-number';
import { DEMO } from '#lib/services/demo-seed';
import { callApi } from '../support/http.ts';
import { freePort, until } from '../support/wait.ts';

const en = DEMO.adviesbureau;
const VLAIO = 'VLAIO Inkom Gebruiker Nieuw';
const SP = 'Dienstverlener kmo-portefeuille';
const TODAY = '2026-11-26';

const NATIONAL_NUMBERS = [
  DEMO.sofie,
  DEMO.marc,
  DEMO.tom,
  DEMO.emma,
  DEMO.lucas,
  DEMO.jonas,
  DEMO.pieter,
  DEMO.lotte,
];
const EMAILS = [
  'emma.willems@example.be',
  'lucas.desmet@example.be',
  'jonas.bakker@example.be',
  'tom.wouters@example.be',
];
const PHONES = ['+3212345678', '+32478000001', '+32470123456'];
const JWT = /eyJ[\w-]{5,}\.eyJ[\w-]{5,}\.[\w-]+/;

/** The forms a national number could take in text: as given, and formatted as the UI writes it. */
function forms(n: string): string[] {
  return [n, `${n.slice(0, 2)}.${n.slice(2, 4)}.${n.slice(4, 6)}-${n.slice(6, 9)}.${n.slice(9)}`];
}

/** A phone number in E.164, in national form and with spaces. */
function phoneForms(p: string): string[] {
  const national = `0${p.slice(3)}`;
  return [
    p,
    national,
    `${national.slice(0, 4)} ${national.slice(4, 6)} ${national.slice(6, 8)} ${national.slice(8)}`,
  ];
}

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function run(args: string[], env: NodeJS.ProcessEnv): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout?.on('data', (c: Buffer) => {
    text += c.toString('utf8');
  });
  child.stderr?.on('data', (c: Buffer) => {
    text += c.toString('utf8');
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => text, exited };
}

async function filesUnder(dir: string, skip: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (path === skip) continue;
    if (entry.isDirectory()) out.push(...(await filesUnder(path, skip)));
    else out.push(path);
  }
  return out;
}

describe('privacy: nothing personal in logs, files or keys', () => {
  let dataDir: string;
  let stack: Run;
  let url: string;
  let env: NodeJS.ProcessEnv;
  const logs: string[] = [];
  const keyValues: string[] = [];
  /** The CSV import's result file, as downloaded. */
  let resultFile = '';
  /** A partner's webhook receiver, subscribed to every change event through `npm run webhooks`. */
  let receiver: WebhookReceiver | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'gb-privacy-'));
    const port = await freePort();
    env = {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      APP_TODAY: TODAY,
      POWERTOOLS_LOG_LEVEL: 'INFO',
    };
    stack = run(['infra/local/start.ts'], env);
    const deadline = Date.now() + 90_000;
    while (!/draait op (http:\/\/\S+)/.test(stack.output())) {
      if (Date.now() > deadline || stack.child.exitCode !== null)
        throw new Error(`stack did not start:\n${stack.output()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    url = /draait op (http:\/\/\S+)/.exec(stack.output())![1]!;

    // A partner subscribes to every change event, as an operator sets it up.
    const receiverPort = await freePort();
    const add = run(
      [
        'infra/local/webhooks-cli.ts',
        'add',
        '--url',
        `http://127.0.0.1:${receiverPort}/hooks`,
        '--description',
        'privacy',
      ],
      env,
    );
    expect(await add.exited).toBe(0);
    logs.push(add.output());
    const secret = /Geheim \(alleen nu getoond\): (whsec_\S+)/.exec(add.output())?.[1];
    if (!secret) throw new Error(`no secret:\n${add.output()}`);
    receiver = await startWebhookReceiver({ secret, port: receiverPort });
  }, 120_000);

  afterAll(async () => {
    await receiver?.close();
    if (stack && stack.child.exitCode === null) {
      stack.child.kill('SIGKILL');
      await stack.exited;
    }
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  async function token(body: Record<string, string>): Promise<string> {
    const res = await fetch(`${url}/idp/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { access_token: string }).access_token;
  }

  const api = (
    method: string,
    path: string,
    bearer: string,
    body?: unknown,
    headers?: Record<string, string>,
  ) => callApi(url, { method, path, bearer, body, headers });

  it('runs a representative session', async () => {
    const sofie = await token({ nationalNumber: DEMO.sofie });
    const lucas = await token({ nationalNumber: DEMO.lucas });
    const lotte = await token({ nationalNumber: DEMO.lotte });
    const emma = await token({ nationalNumber: DEMO.emma });
    const portal = await token({ clientId: 'kmo-portefeuille' });
    const org = `/organisations/${en}`;

    // Sofie adds Emma, links her and grants the right; edits, pauses, resumes, extends.
    expect(
      (await api('POST', `${org}/national-register-lookups`, sofie, { nationalNumber: DEMO.emma })).status,
    ).toBe(200);
    const added = await api('POST', `${org}/persons`, sofie, {
      nationalNumber: DEMO.emma,
      reason: 'Nieuwe medewerker',
    });
    expect(added.status).toBe(201);
    const person = `${org}/persons/${added.body.personId}`;
    const rel = await api('POST', `${person}/work-relationship`, sofie, {
      category: 'Vaste medewerker',
      startDate: TODAY,
      endDate: '2036-11-25',
      phone: PHONES[0],
      email: EMAILS[0],
    });
    expect(rel.status).toBe(201);
    const granted = await api('POST', `${person}/rights`, sofie, {
      right: VLAIO,
      profiles: [SP],
      startDate: TODAY,
      endDate: '2031-11-25',
    });
    expect(granted.status).toBe(201);
    expect(
      (
        await api(
          'PATCH',
          `${person}/work-relationship`,
          sofie,
          { phone: PHONES[2] },
          { 'if-match': rel.etag! },
        )
      ).status,
    ).toBe(200);
    expect((await api('POST', `${person}/work-relationship/pause`, sofie, { reason: 'Verlof' })).status).toBe(
      200,
    );
    expect((await api('POST', `${person}/work-relationship/resume`, sofie, {})).status).toBe(200);
    expect((await api('GET', person, sofie)).status).toBe(200);
    expect((await api('GET', `${person}/history`, sofie)).status).toBe(200);
    expect((await api('GET', `${org}/persons?search=emma`, sofie)).status).toBe(200);

    // Bad input with personal data in it: refused, and the numbers must not be echoed or logged.
    expect((await api('POST', `${org}/persons`, sofie, { nationalNumber: '90041812491' })).status).toBe(400);
    expect((await api('POST', `${org}/persons`, sofie, { nationalNumber: DEMO.emma })).status).toBe(409);
    expect((await api('POST', `${org}/persons`, sofie, '{"nationalNumber": "9004181249')).status).toBe(400);
    expect(
      (
        await api('POST', `${person}/work-relationship`, sofie, {
          ...rel.body,
          phone: PHONES[1],
          email: 'x@@example.be',
        })
      ).status,
    ).toBe(400);
    // Someone else's data and a stale version.
    expect((await api('GET', `/organisations/${DEMO.boekhouding}/persons`, sofie)).status).toBe(403);
    expect(
      (await api('PATCH', `${person}/work-relationship`, sofie, { phone: PHONES[1] }, { 'if-match': '"1"' }))
        .status,
    ).toBe(412);

    // The portal checks access; Emma looks at her own access.
    const check = (n: string) =>
      api('POST', '/access-checks', portal, {
        nationalNumber: n,
        enterpriseNumber: en,
        right: VLAIO,
        profile: SP,
      });
    expect((await check(DEMO.emma)).body.allowed).toBe(true);
    expect((await check(DEMO.jonas)).body.allowed).toBe(false);
    expect((await api('GET', '/me', emma)).status).toBe(200);
    expect(
      (
        await api(
          'GET',
          `/me/access?enterpriseNumber=${en}&right=${encodeURIComponent(VLAIO)}&profile=${encodeURIComponent(SP)}`,
          emma,
        )
      ).status,
    ).toBe(200);

    // Lucas asks for access; Sofie approves with a relationship; the workflow grants and tells him.
    const asked = await api(
      'POST',
      '/me/access-requests',
      lucas,
      {
        enterpriseNumber: en,
        right: VLAIO,
        profiles: [SP],
        reason: 'Ik dien steunaanvragen in.',
        email: EMAILS[1],
      },
      { 'idempotency-key': 'privacy-1' },
    );
    expect(asked.status).toBe(202);
    let task: { taskId: string } | undefined;
    for (let i = 0; i < 200 && !task; i++) {
      task = (await api('GET', `${org}/tasks`, sofie)).body.items[0];
      if (!task) await new Promise((r) => setTimeout(r, 50));
    }
    expect(task).toBeDefined();
    const decided = await api('POST', `${org}/tasks/${task!.taskId}/decision`, sofie, {
      decision: 'approve',
      reason: 'Akkoord',
      relationship: {
        category: 'Vaste medewerker',
        startDate: TODAY,
        endDate: '2030-12-31',
        phone: PHONES[1],
        email: EMAILS[1],
      },
    });
    expect(decided.status).toBe(202);
    for (let i = 0; i < 200; i++) {
      const mine = await api('GET', '/me/access-requests', lucas);
      if (mine.body.items[0]?.status === 'approved') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect((await check(DEMO.lucas)).body.allowed).toBe(true);

    // A quick grant for Jonas, and Lotte appoints herself at her enterprise.
    const quick = await api('POST', `${org}/quick-grants`, sofie, {
      nationalNumber: DEMO.jonas,
      right: VLAIO,
      profiles: [SP],
      relationship: {
        category: 'Vaste medewerker',
        startDate: TODAY,
        endDate: '2030-12-31',
        phone: PHONES[2],
        email: EMAILS[2],
      },
    });
    expect(quick.status).toBe(201);
    expect(
      (
        await api('POST', `/organisations/${DEMO.consultancy}/local-admins`, lotte, {
          nationalNumber: DEMO.lotte,
        })
      ).status,
    ).toBe(201);

    // A CSV import: Tom new (relationship and right), Emma already there, one row refused; Bevestig; the
    // result file. The workflow's steps log at INFO as the stack runs them.
    const csv = [
      'rijksregisternummer;categorie;begindatum;einddatum;telefoon;e-mail;recht;profielen;begindatum recht;einddatum recht',
      `${DEMO.tom};Externe medewerker;${TODAY};2030-12-31;${PHONES[1]};${EMAILS[3]};${VLAIO};${SP};${TODAY};2029-12-31`,
      `${DEMO.emma};Vaste medewerker;${TODAY};2030-12-31;${PHONES[0]};${EMAILS[0]};;;;`,
      `${DEMO.pieter};Vaste medewerker;${TODAY};2040-12-31;${PHONES[2]};${EMAILS[2]};;;;`,
    ].join('\r\n');
    const uploaded = await api('POST', `${org}/imports`, sofie, { fileName: 'personen.csv', content: csv });
    expect(uploaded.status).toBe(202);
    const jobPath = `${org}/jobs/${uploaded.body.jobId}`;
    const ended = async (status: string) =>
      until(async () => (await api('GET', jobPath, sofie)).body.status === status, 30_000);
    await ended('previewed');
    const confirmed = await api('POST', `${org}/imports/${uploaded.body.jobId}/confirm`, sofie, {});
    expect(confirmed.status).toBe(202);
    await ended('done');
    expect((await api('GET', jobPath, sofie)).body.summary).toEqual({ new: 1, present: 1, error: 1 });
    const file = await fetch(`${url}/api${jobPath}/result`, {
      headers: { authorization: `Bearer ${sofie}` },
    });
    expect(file.status).toBe(200);
    resultFile = await file.text();

    // The expiry sweep, for the day on which Emma's right ends in 60 days: it e-mails her and Sofie.
    const sweep = run(['infra/local/sweep.ts', '--date', '2031-09-26'], env);
    expect(await sweep.exited).toBe(0);
    logs.push(sweep.output());

    // The partner has had every change event of the session (Emma's four, Lucas's two, Jonas's two).
    await until(async () => (receiver?.received.length ?? 0) >= 8, 30_000);

    // Keys of every item, read before the stack stops.
    const runtime = JSON.parse(await readFile(join(dataDir, 'runtime.json'), 'utf8')) as {
      dynamoEndpoint: string;
      tableName: string;
    };
    const client = new DynamoDBClient(localDynamoClientConfig(runtime.dynamoEndpoint));
    let start: Record<string, AttributeValue> | undefined;
    const keyNames = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk', 'gsi3sk'];
    do {
      const out = await client.send(
        new ScanCommand({ TableName: runtime.tableName, ExclusiveStartKey: start }),
      );
      for (const item of out.Items ?? []) {
        const plain = unmarshall(item);
        for (const k of keyNames) if (typeof plain[k] === 'string') keyValues.push(plain[k]);
      }
      start = out.LastEvaluatedKey;
    } while (start);
    client.destroy();

    // Stop the stack as Ctrl-C does.
    stack.child.kill('SIGINT');
    expect(await stack.exited).toBe(0);
    logs.push(stack.output());
  }, 120_000);

  it('the import’s result file holds no national number, e-mail address or phone number', () => {
    expect(resultFile).toContain('77.09.15-***.**;Nieuw;persoon, werkrelatie, gebruikersrecht');
    for (const n of NATIONAL_NUMBERS)
      for (const f of forms(n)) expect(resultFile, `result file contains ${f}`).not.toContain(f);
    for (const e of EMAILS) expect(resultFile.toLowerCase(), `result file contains ${e}`).not.toContain(e);
    for (const p of PHONES)
      for (const f of phoneForms(p)) expect(resultFile, `result file contains ${f}`).not.toContain(f);
  });

  it('no key in the table holds a national number', () => {
    expect(keyValues.length).toBeGreaterThan(50);
    for (const key of keyValues) {
      for (const n of NATIONAL_NUMBERS) expect(key).not.toContain(n);
      // Random UUIDs (task and request ids) can hold 11 digits in a row by chance; skip them.
      const rest = key.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '-');
      for (const digits of rest.match(/\d{11}/g) ?? [])
        expect(parseNationalNumber(digits).ok, key).toBe(false);
    }
  });

  it('the logs hold no national number, e-mail address, phone number or token', () => {
    const text = logs.join('\n');
    expect(text.length).toBeGreaterThan(1000);
    // The session was logged: requests and the sweep.
    expect(text).toContain('"message":"request"');
    // Every API request once, in the gateway's access log, by route template (paths hold ids); the
    // functions add a line only for answers of 400 and up, with the problem code.
    const requests = text
      .split('\n')
      .filter((line) => line.includes('"message":"request"'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const gateway = requests.filter((r) => r.service === 'api-gateway');
    expect(gateway.length).toBeGreaterThan(10);
    for (const r of gateway)
      expect(String(r.routeKey)).toMatch(/^(GET|POST|PUT|PATCH|DELETE) \/api\/[^0-9]*$|^\$default$/);
    expect(gateway.some((r) => String(r.routeKey).includes('{personId}'))).toBe(true);
    // Answered by a function: the request id the response carried (x-request-id), to find its own lines.
    expect(gateway.filter((r) => r.status === 200).every((r) => typeof r.requestId === 'string')).toBe(true);
    for (const r of requests.filter((x) => x.service !== 'api-gateway'))
      expect(Number(r.status)).toBeGreaterThanOrEqual(400);
    for (const n of NATIONAL_NUMBERS)
      for (const f of forms(n)) expect(text, `log contains ${f}`).not.toContain(f);
    for (const e of EMAILS) expect(text.toLowerCase(), `log contains ${e}`).not.toContain(e);
    for (const p of PHONES) for (const f of phoneForms(p)) expect(text, `log contains ${f}`).not.toContain(f);
    expect(text).not.toMatch(JWT);
  });

  it('the webhooks a partner received hold none either: bodies and headers', () => {
    const received = receiver?.received ?? [];
    expect(received.map((r) => r.event.type)).toEqual(
      expect.arrayContaining([
        'relationship.created',
        'grant.created',
        'relationship.paused',
        'relationship.resumed',
      ]),
    );
    expect(receiver?.rejected).toBe(0);
    for (const r of received) {
      const text = `${JSON.stringify(r.headers)}\n${r.body}`;
      for (const n of NATIONAL_NUMBERS)
        for (const f of forms(n)) expect(text, `webhook contains ${f}`).not.toContain(f);
      for (const e of EMAILS) expect(text.toLowerCase(), `webhook contains ${e}`).not.toContain(e);
      for (const p of PHONES)
        for (const f of phoneForms(p)) expect(text, `webhook contains ${f}`).not.toContain(f);
      expect(text).not.toMatch(JWT);
      expect(text).not.toMatch(/Emma|Willems|Lucas|Jonas/);
    }
  });

  it('the files under the data directory (but the table) hold none either, but for the outbox’s To headers', async () => {
    const files = await filesUnder(dataDir, join(dataDir, 'dynamodb'));
    const outbox = files.filter((f) => f.includes(`${join(dataDir, 'outbox')}/`));
    // Emma's warning and Sofie's, and Lucas's answer, at least.
    expect(outbox.filter((f) => f.endsWith('.eml')).length).toBeGreaterThanOrEqual(2);
    for (const file of files) {
      let text = await readFile(file, 'utf8');
      if (outbox.includes(file)) {
        // The recipient's address in the To header is the one place an address belongs.
        text = text.replace(/^To: .*$/gim, 'To: (recipient)');
      }
      const context = file.slice(dataDir.length);
      for (const n of NATIONAL_NUMBERS)
        for (const f of forms(n)) expect(text, `${context} contains ${f}`).not.toContain(f);
      for (const e of EMAILS) expect(text.toLowerCase(), `${context} contains ${e}`).not.toContain(e);
      for (const p of PHONES)
        for (const f of phoneForms(p)) expect(text, `${context} contains ${f}`).not.toContain(f);
      expect(text, context).not.toMatch(JWT);
    }
  });
});
