/**
 * Contract tests of the MAGDA adapters: the real client (signature, mutual TLS, timeout, retry, size cap)
 * against an HTTPS server that answers with recorded-format XML (test/fixtures/magda), the way MAGDA
 * answers: found, not found, stopped, BIS, deceased, refused, faults, garbage, too big, too slow, and a
 * server whose certificate we do not trust.
 */

import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { TLSSocket } from 'node:tls';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { issueCertificates } from '#infra/local/magda/certificates';
import { signedBy } from '#infra/local/magda/stand-in';
import { createMagdaClient } from '#lib/adapters/registries/magda/client';
import { magdaEnterpriseRegistry } from '#lib/adapters/registries/magda/enterprise-registry';
import { magdaNationalRegister } from '#lib/adapters/registries/magda/national-register';
import { child, parseXml, path, text } from '#lib/adapters/registries/magda/xml';
import { RegistryUnavailableError } from '#lib/domain/errors';

const FIXTURES = join(import.meta.dirname, '../fixtures/magda');
const recorded = (name: string) => readFileSync(join(FIXTURES, `${name}.xml`), 'utf8');
const TODAY = '2026-11-30';

interface Received {
  service: string;
  body: string;
  reference: string;
  signed: boolean;
  clientCommonName: string;
}

type Reply = { status?: number; body: string; delayMs?: number } | 'reset';

const certs = issueCertificates();
const stranger = issueCertificates();

let server: Server;
let endpoint: string;
let received: Received[] = [];
let replies: ((r: Received) => Reply)[] = [];
let connections = 0;

function answer(name: string, status = 200) {
  return (r: Received): Reply => ({ status, body: recorded(name).replaceAll('{{REFERTE}}', r.reference) });
}

function listen(s: Server): Promise<string> {
  return new Promise((resolve) => {
    s.listen(0, '127.0.0.1', () => resolve(`https://127.0.0.1:${(s.address() as AddressInfo).port}`));
  });
}

async function handle(req: IncomingMessage, res: ServerResponse) {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const body = Buffer.concat(chunks).toString('utf8');
  const peer = new X509Certificate((req.socket as TLSSocket).getPeerCertificate().raw);
  const vraag = path(parseXml(body), 'Envelope', 'Body');
  const serviceElement = Object.keys(vraag ?? {}).find((k) => !k.startsWith('@') && k !== '#text') ?? '';
  const r: Received = {
    service: serviceElement,
    body,
    reference: text(path(child(vraag, serviceElement), 'Verzoek', 'Vragen', 'Vraag', 'Referte')),
    signed: signedBy(body, peer.toString()),
    clientCommonName: peer.subject,
  };
  received.push(r);
  const reply = (replies.shift() ?? answer('soap-fault', 500))(r);
  if (reply === 'reset') {
    req.socket.destroy();
    return;
  }
  if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
  if (res.destroyed) return;
  res.writeHead(reply.status ?? 200, { 'content-type': 'text/xml; charset=utf-8' });
  res.end(reply.body);
}

beforeAll(async () => {
  server = createServer(
    {
      key: certs.server.privateKey,
      cert: certs.server.certificate,
      ca: certs.ca,
      requestCert: true,
      rejectUnauthorized: true,
    },
    (req, res) => void handle(req, res),
  );
  server.on('secureConnection', () => {
    connections += 1;
  });
  endpoint = await listen(server);
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

afterEach(() => {
  received = [];
  replies = [];
  connections = 0;
  logs.length = 0;
});

const logs: { level: string; message: string; extra?: Record<string, unknown> }[] = [];
const log = {
  info: (message: string, extra?: Record<string, unknown>) =>
    void logs.push({ level: 'info', message, ...(extra ? { extra } : {}) }),
  warn: (message: string, extra?: Record<string, unknown>) =>
    void logs.push({ level: 'warn', message, ...(extra ? { extra } : {}) }),
  error: (message: string, extra?: Record<string, unknown>) =>
    void logs.push({ level: 'error', message, ...(extra ? { extra } : {}) }),
};

function adapters(options: { endpoint?: string; timeoutMs?: number; ca?: string } = {}) {
  const client = createMagdaClient({
    endpoint: options.endpoint ?? endpoint,
    identity: { senderId: 'gebruikersbeheer.test', capacity: '1300', recipientId: 'vip.vlaanderen.be' },
    tls: { ...certs.client, ca: options.ca ?? certs.ca },
    timeoutMs: options.timeoutMs ?? 1_000,
    maxResponseBytes: 1_000_000,
    log,
    clock: () => ({ date: TODAY, time: '10:15:00.000' }),
  });
  return {
    register: magdaNationalRegister(client, {
      senderId: 'gebruikersbeheer.test',
      capacity: '1300',
      today: () => TODAY,
    }),
    kbo: magdaEnterpriseRegistry(client, { today: () => TODAY }),
  };
}

async function unavailable(promise: Promise<unknown>): Promise<RegistryUnavailableError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RegistryUnavailableError);
  const e = error as RegistryUnavailableError;
  expect(e.status).toBe(503);
  expect(e.code).toBe('unavailable');
  expect(e.retryAfterSeconds).toBeGreaterThan(0);
  return e;
}

/** Whatever happened, the logs name the call by its reference and hold no national number. */
function expectTraceableLogs(numbers: string[]) {
  const text = JSON.stringify(logs);
  for (const n of numbers) expect(text).not.toContain(n);
  for (const r of received) expect(text).toContain(r.reference);
}

describe('GeefPersoon', () => {
  it('reads a person: names, birth date, sex, the register; the question is signed, over mutual TLS', async () => {
    replies = [answer('geefpersoon-found')];
    const person = await adapters().register.lookup('90041812490');
    expect(person).toEqual({
      firstName: 'Emma Maria',
      lastName: 'Willems',
      birthDate: '1990-04-18',
      sex: 'F',
      source: 'VKBP',
      deceased: null,
      register: 'national',
    });
    expect(received).toHaveLength(1);
    const [q] = received;
    expect(q?.service).toBe('GeefPersoon');
    expect(q?.signed).toBe(true);
    expect(q?.clientCommonName).toContain('CN=gebruikersbeheer.lokaal');
    const verzoek = path(parseXml(q?.body ?? ''), 'Envelope', 'Body', 'GeefPersoon', 'Verzoek');
    expect(text(path(verzoek, 'Context', 'Bericht', 'Afzender', 'Identificatie'))).toBe(
      'gebruikersbeheer.test',
    );
    expect(text(path(verzoek, 'Context', 'Bericht', 'Afzender', 'Hoedanigheid'))).toBe('1300');
    expect(text(path(verzoek, 'Context', 'Bericht', 'Afzender', 'Referte'))).toBe(q?.reference);
    expect(text(path(verzoek, 'Context', 'Bericht', 'Tijdstip', 'Datum'))).toBe(TODAY);
    expect(text(path(verzoek, 'Vragen', 'Vraag', 'Inhoud', 'Criteria', 'INSZ'))).toBe('90041812490');
    expect(text(path(verzoek, 'Vragen', 'Vraag', 'Inhoud', 'Bron'))).toBe('RR');
    // The reference, MAGDA's own reference and the outcome are logged; the national number is not.
    expect(logs).toEqual([
      {
        level: 'info',
        message: 'MAGDA call',
        extra: expect.objectContaining({
          magdaService: 'GeefPersoon',
          reference: q?.reference,
          magdaReference: '7f3c1a6e-2b2d-4c1e-9d53-0a4e1b2c3d4e',
          outcome: 'answered',
        }),
      },
    ]);
    expectTraceableLogs(['90041812490']);
  });

  it('a BIS number: asked of the Crossroads Bank (Bron KSZ), marked bis; an incomplete birth date is none', async () => {
    replies = [answer('geefpersoon-bis')];
    const person = await adapters().register.lookup('85490201120');
    expect(person).toMatchObject({ lastName: 'Bakker', register: 'bis', birthDate: null, sex: 'M' });
    const bron = path(
      parseXml(received[0]?.body ?? ''),
      'Envelope',
      'Body',
      'GeefPersoon',
      'Verzoek',
      'Vragen',
      'Vraag',
      'Inhoud',
      'Bron',
    );
    expect(text(bron)).toBe('KSZ');
  });

  it('a deceased person: the date of death is read', async () => {
    replies = [answer('geefpersoon-deceased')];
    expect(await adapters().register.lookup('38041106444')).toMatchObject({
      lastName: 'Hermans',
      deceased: { on: '2024-08-19' },
    });
  });

  it('not found (30001) is null, and the Diagnose (which quotes the number) stays out of the logs', async () => {
    replies = [answer('geefpersoon-not-found')];
    expect(await adapters().register.lookup('75031201557')).toBeNull();
    expect(received).toHaveLength(1);
    expect(JSON.stringify(logs)).not.toContain('12345678901');
    expect(JSON.stringify(logs)).toContain('MAGDA:30001:FOUT');
  });

  it('a person not in the repertorium yet: registered (RegistreerInschrijving), then asked again', async () => {
    replies = [
      answer('geefpersoon-not-registered'),
      answer('registreerinschrijving-ok'),
      answer('geefpersoon-found'),
    ];
    expect(await adapters().register.lookup('90041812490')).toMatchObject({ lastName: 'Willems' });
    expect(received.map((r) => r.service)).toEqual(['GeefPersoon', 'RegistreerInschrijving', 'GeefPersoon']);
    const subject = path(
      parseXml(received[1]?.body ?? ''),
      'Envelope',
      'Body',
      'RegistreerInschrijving',
      'Verzoek',
      'Vragen',
      'Vraag',
      'Inhoud',
      'Inschrijving',
      'BetrokkenSubject',
      'Subjecten',
      'Subject',
    );
    expect(text(child(subject, 'Sleutel'))).toBe('90041812490');
    expect(new Set(received.map((r) => r.reference)).size).toBe(3);
    expect(received.every((r) => r.signed)).toBe(true);
  });

  it('any other error of MAGDA is an outage (503), not "not found", and is not retried', async () => {
    replies = [answer('geefpersoon-other-error')];
    const e = await unavailable(adapters().register.lookup('90041812490'));
    expect(e.registry).toBe('national-register');
    expect(e.reason).toBe('error:99996');
    expect(received).toHaveLength(1);
  });
});

describe('GeefOnderneming', () => {
  it('reads an enterprise: the name in force (Dutch), the legal form in force, and the functions held today', async () => {
    replies = [answer('geefonderneming-found')];
    const enterprise = await adapters().kbo.getEnterprise('0795012394');
    expect(enterprise).toEqual({
      enterpriseNumber: '0795012394',
      name: 'Adviesbureau Voorbeeld BV',
      status: 'active',
      stoppedOn: null,
      legalForm: 'Besloten vennootschap',
      // Not Marc (ended in 2019), not the enterprise that is a director, not Emma (from 2030).
      legalRepresentatives: [
        { nationalNumber: '75031201557', firstName: 'Pieter', lastName: 'Claes', function: 'Zaakvoerder' },
        { nationalNumber: '94020211270', firstName: 'Lotte', lastName: 'Maes', function: 'Bestuurder' },
      ],
    });
    const criteria = path(
      parseXml(received[0]?.body ?? ''),
      'Envelope',
      'Body',
      'GeefOnderneming',
      'Verzoek',
      'Vragen',
      'Vraag',
      'Inhoud',
      'Criteria',
    );
    expect(text(child(criteria, 'Ondernemingsnummer'))).toBe('0795012394');
    expect(text(path(criteria, 'Functies', 'Aanduiding'))).toBe('1');
    expect(received[0]?.signed).toBe(true);
  });

  it('a stopped enterprise (Stopzetting, status ST): stopped, with the date', async () => {
    replies = [answer('geefonderneming-stopped')];
    expect(await adapters().kbo.getEnterprise('0795012394')).toMatchObject({
      status: 'stopped',
      stoppedOn: '2026-10-15',
    });
  });

  it('not in the KBO (40046): null', async () => {
    replies = [answer('geefonderneming-not-found')];
    expect(await adapters().kbo.getEnterprise('0795012394')).toBeNull();
  });

  it('MAGDA refusing the message itself (13001, not authorised in this capacity): an outage', async () => {
    replies = [answer('repliek-refused')];
    const e = await unavailable(adapters().kbo.getEnterprise('0795012394'));
    expect(e.reason).toBe('refused:13001');
    expect(logs.at(-1)).toMatchObject({ level: 'warn', message: 'MAGDA call failed' });
    expectTraceableLogs([]);
  });

  it('an answer about another enterprise than the one asked for is refused', async () => {
    replies = [answer('geefonderneming-found')];
    expect((await unavailable(adapters().kbo.getEnterprise('0812345603'))).reason).toBe('wrong-enterprise');
  });
});

describe('GeefFuncties', () => {
  it("a person's functions held today, each enterprise named from GeefOnderneming", async () => {
    replies = [answer('geeffuncties-found'), answer('geefonderneming-found')];
    expect(await adapters().kbo.findRepresentations('75031201557')).toEqual([
      { enterpriseNumber: '0795012394', function: 'Zaakvoerder', name: 'Adviesbureau Voorbeeld BV' },
    ]);
    expect(received.map((r) => r.service)).toEqual(['GeefFuncties', 'GeefOnderneming']);
  });

  it('no functions (30001): none', async () => {
    replies = [
      (r) => ({
        body: recorded('geefpersoon-not-found')
          .replaceAll('{{REFERTE}}', r.reference)
          .replaceAll('GeefPersoon', 'GeefFuncties')
          .replace(
            'http://magda.vlaanderen.be/persoon/soap/geefpersoon/v02_02',
            'http://webservice.geeffunctiesdienst-02_00.onderneming-02_00.vip.vlaanderen.be',
          ),
      }),
    ];
    expect(await adapters().kbo.findRepresentations('90041812490')).toEqual([]);
  });
});

describe('when MAGDA cannot be used', () => {
  it('a SOAP fault (HTTP 500): 503, asked once (a fault is not retried)', async () => {
    replies = [answer('soap-fault', 500)];
    expect((await unavailable(adapters().register.lookup('90041812490'))).reason).toBe(
      'soap-fault:soapenv:Server',
    );
    expect(received).toHaveLength(1);
  });

  it('malformed XML (an answer cut off halfway): 503, never a partial enterprise', async () => {
    replies = [answer('malformed')];
    expect((await unavailable(adapters().kbo.getEnterprise('0795012394'))).reason).toBe('malformed-xml');
  });

  it('an answer over 1 MB: 503, read no further', async () => {
    const filler = `<Activiteiten>${'<Activiteit><Nace><Code>70220</Code></Nace></Activiteit>'.repeat(22_000)}</Activiteiten>`;
    replies = [
      (r) => ({
        body: recorded('geefonderneming-found')
          .replaceAll('{{REFERTE}}', r.reference)
          .replace('</Functies>', `</Functies>${filler}`),
      }),
    ];
    expect(filler.length).toBeGreaterThan(1_000_000);
    expect((await unavailable(adapters().kbo.getEnterprise('0795012394'))).reason).toBe('too-large');
  });

  it('an answer slower than the deadline: 503 at the deadline, not retried', async () => {
    replies = [(r) => ({ ...(answer('geefpersoon-found')(r) as { body: string }), delayMs: 2_500 })];
    const started = performance.now();
    expect((await unavailable(adapters({ timeoutMs: 600 }).register.lookup('90041812490'))).reason).toBe(
      'timeout',
    );
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(received).toHaveLength(1);
  });

  it('a proxy answering 503 without SOAP: an outage', async () => {
    replies = [() => ({ status: 503, body: 'Service Unavailable' })];
    expect((await unavailable(adapters().register.lookup('90041812490'))).reason).toBe('http-503');
  });

  it('a connection reset before the answer: tried once more, and the second answer is used', async () => {
    replies = [() => 'reset', answer('geefpersoon-found')];
    expect(await adapters().register.lookup('90041812490')).toMatchObject({ lastName: 'Willems' });
    expect(received).toHaveLength(2);
    expect(connections).toBe(2);
  });

  it('connections that keep failing: two tries, then 503', async () => {
    replies = [() => 'reset', () => 'reset', answer('geefpersoon-found')];
    expect((await unavailable(adapters().register.lookup('90041812490'))).reason).toBe('connection');
    expect(received).toHaveLength(2);
    expect(connections).toBe(2);
  });

  it('nobody listening: 503 (connection)', async () => {
    const closed = createServer();
    const url = await listen(closed);
    await new Promise((r) => closed.close(r));
    expect((await unavailable(adapters({ endpoint: url }).register.lookup('90041812490'))).reason).toBe(
      'connection',
    );
  });

  it('a server whose certificate our CA did not sign: refused before anything is sent', async () => {
    const impostor = createServer(
      { key: stranger.server.privateKey, cert: stranger.server.certificate },
      (req, res) => void handle(req, res),
    );
    const url = await listen(impostor);
    try {
      replies = [answer('geefpersoon-found')];
      expect((await unavailable(adapters({ endpoint: url }).register.lookup('90041812490'))).reason).toBe(
        'server-certificate',
      );
      expect(received).toHaveLength(0);
    } finally {
      impostor.closeAllConnections();
      impostor.close();
    }
  });

  it('and a client certificate MAGDA does not know is refused by MAGDA (mutual TLS)', async () => {
    const client = createMagdaClient({
      endpoint,
      identity: { senderId: 'x', recipientId: 'vip.vlaanderen.be' },
      tls: { ...stranger.client, ca: certs.ca },
      timeoutMs: 1_000,
      maxResponseBytes: 1_000_000,
      log,
      clock: () => ({ date: TODAY, time: '10:15:00.000' }),
    });
    await unavailable(
      magdaNationalRegister(client, { senderId: 'x', today: () => TODAY }).lookup('90041812490'),
    );
    expect(received).toHaveLength(0);
  });
});
