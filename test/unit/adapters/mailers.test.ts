/**
 * The two mailers build the same MIME message: SES gets it as raw content (a real SESv2Client against a
 * local HTTP server that answers as SES v2 does), the outbox writes it as an `.eml` file.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOutboxMailer, createSesMailer } from '#lib/adapters/mail/mailers';
import { MailRefusedError } from '#lib/domain/ports';

const FROM = 'Gebruikersbeheer <no-reply@gebruikersbeheer.local>';
const EMAIL = {
  to: ['sofie@example.be'],
  subject: 'Verlengen? Een recht loopt af',
  text: 'Het recht van Tom loopt af op 31/12/2029.',
  html: '<p>Het recht van Tom loopt af op <strong>31/12/2029</strong>.</p>',
  listUnsubscribe: 'https://gebruikersbeheer.example.be/meldingen',
};

let server: Server;
const requests: { method?: string; url?: string; body: string }[] = [];
/** The next answers to give, as SES v2 gives errors (status, x-amzn-ErrorType); empty: success. */
const answers: { status: number; type: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString();
    });
    req.on('end', () => {
      requests.push({ method: req.method, url: req.url, body });
      const answer = answers.shift();
      if (answer) {
        res
          .writeHead(answer.status, { 'content-type': 'application/json', 'x-amzn-errortype': answer.type })
          .end(JSON.stringify({ message: 'refused' }));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ MessageId: 'm-1' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function expectMessage(message: string) {
  expect(message).toMatch(/^From: Gebruikersbeheer <no-reply@gebruikersbeheer\.local>$/m);
  expect(message).toMatch(/^To: sofie@example\.be$/m);
  expect(message).toMatch(/^Subject: Verlengen\? Een recht loopt af$/m);
  expect(message).toMatch(/^Content-Type: multipart\/alternative;/m);
  expect(message).toContain('Het recht van Tom loopt af op 31/12/2029.');
  expect(message).toContain('<strong>31/12/2029</strong>');
  // Plain text and HTML, as alternatives of one message.
  expect(message).toMatch(/^Content-Type: text\/plain; charset=utf-8$/m);
  expect(message).toMatch(/^Content-Type: text\/html; charset=utf-8$/m);
  // Mail clients offer the Meldingen page to unsubscribe; no one-click POST (that page needs a login).
  expect(message).toMatch(/^List-Unsubscribe: <https:\/\/gebruikersbeheer\.example\.be\/meldingen>$/m);
  expect(message).not.toContain('List-Unsubscribe-Post');
  expect(message).not.toMatch(/^listUnsubscribe/im);
}

function sesClient() {
  const { port } = server.address() as AddressInfo;
  return new SESv2Client({
    endpoint: `http://127.0.0.1:${port}`,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  });
}

describe('mailers', () => {
  it('SES: one SendEmail with the raw message', async () => {
    const client = sesClient();
    await createSesMailer(FROM, client).send(EMAIL);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ method: 'POST', url: '/v2/email/outbound-emails' });
    const body = JSON.parse(requests[0]!.body) as { Content: { Raw: { Data: string } } };
    const raw = Buffer.from(body.Content.Raw.Data, 'base64').toString('utf8');
    expect(raw).toContain('\r\n');
    expectMessage(raw);
  });

  it('outbox: the same message as an .eml file with Unix line ends', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gb-outbox-'));
    try {
      await createOutboxMailer(dir, FROM).send(EMAIL);
      const files = await readdir(dir);
      expect(files).toHaveLength(1);
      expect(files[0]).toMatch(/^\d{4}-\d{2}-\d{2}T[\d-]+Z-[0-9A-Z]{26}\.eml$/);
      const message = await readFile(join(dir, files[0]!), 'utf8');
      expect(message).not.toContain('\r');
      expectMessage(message);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('SES: a refusal for good (MessageRejected, a bad request) is MailRefusedError; throttling and 5xx are not', async () => {
    const mailer = createSesMailer(FROM, sesClient());
    for (const type of ['MessageRejected', 'BadRequestException']) {
      answers.push({ status: 400, type });
      await expect(mailer.send(EMAIL)).rejects.toBeInstanceOf(MailRefusedError);
    }
    answers.push({ status: 429, type: 'TooManyRequestsException' });
    await expect(mailer.send(EMAIL)).rejects.not.toBeInstanceOf(MailRefusedError);
    answers.push({ status: 503, type: 'ServiceUnavailable' });
    await expect(mailer.send(EMAIL)).rejects.not.toBeInstanceOf(MailRefusedError);
  });

  it('both refuse, without sending, an address SES cannot take (non-ASCII local part)', async () => {
    const sent = requests.length;
    const bad = { ...EMAIL, to: ['zoë@voorbeeld.be'] };
    await expect(createSesMailer(FROM, sesClient()).send(bad)).rejects.toBeInstanceOf(MailRefusedError);
    expect(requests.length).toBe(sent);
    const dir = await mkdtemp(join(tmpdir(), 'gb-outbox-'));
    try {
      await expect(createOutboxMailer(dir, FROM).send(bad)).rejects.toBeInstanceOf(MailRefusedError);
      expect(await readdir(dir)).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
