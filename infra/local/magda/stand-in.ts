/**
 * A small MAGDA for the local stack and the tests: HTTPS that asks for a client certificate signed by
 * the local CA (mutual TLS, as MAGDA does), checks that each message is signed by the key of that very
 * certificate, and answers GeefPersoon, GeefOnderneming, GeefFuncties and RegistreerInschrijving from
 * the demo world in MAGDA's message format (answers.ts). The API reaches it through the real MAGDA
 * adapters (lib/adapters/registries/magda), so `npm start` and the tests run that code, not a shortcut.
 */
import { X509Certificate } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { DOMParser } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';
import { type MagdaServiceName, SERVICES } from '#lib/adapters/registries/magda/envelope';
import { child, parseXml, path, text, type XmlElement } from '#lib/adapters/registries/magda/xml';
import { answer, type Question, soapFault } from './answers.ts';
import type { MagdaCertificates } from './certificates.ts';

export interface MagdaStandIn {
  endpoint: string;
  port: number;
  /** Questions answered so far, per service (tests count calls with it). */
  calls: Record<MagdaServiceName, number>;
  stop(): Promise<void>;
}

const DSIG_NS = 'http://www.w3.org/2000/09/xmldsig#';
const MAX_REQUEST_BYTES = 1_000_000;

/** Whether the body is signed, over the SOAP body, by the key of the TLS client certificate. */
export function signedBy(xml: string, certificatePem: string): boolean {
  try {
    const doc = new DOMParser().parseFromString(xml, 'text/xml');
    const signature = doc.getElementsByTagNameNS(DSIG_NS, 'Signature')[0];
    if (!signature) return false;
    const verifier = new SignedXml({ publicCert: certificatePem });
    verifier.loadSignature(signature);
    if (!verifier.checkSignature(xml)) return false;
    return verifier.getSignedReferences().some((r) => /^<[\w-]+:Body[\s>]/.test(r));
  } catch {
    return false;
  }
}

function send(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'text/xml; charset=utf-8' });
  res.end(body);
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_REQUEST_BYTES) resolve(null);
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function question(service: MagdaServiceName, xml: string): Question | null {
  const verzoek = path(parseXml(xml), 'Envelope', 'Body', service, 'Verzoek');
  const bericht = path(verzoek, 'Context', 'Bericht');
  const vraag = path(verzoek, 'Vragen', 'Vraag');
  const inhoud = child(vraag, 'Inhoud');
  const reference = text(child(vraag, 'Referte'));
  const senderId = text(path(bericht, 'Afzender', 'Identificatie'));
  const day = text(path(bericht, 'Tijdstip', 'Datum'));
  if (!inhoud || !reference || !senderId || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  return {
    service,
    reference,
    senderId,
    day,
    value: (p) => text(path(inhoud as XmlElement, ...p.split('/'))),
  };
}

export async function startMagdaStandIn(options: {
  certificates: MagdaCertificates;
  port?: number;
}): Promise<MagdaStandIn> {
  const byPath = new Map(Object.values(SERVICES).map((s) => [s.path, s.name]));
  const calls = { GeefPersoon: 0, GeefOnderneming: 0, GeefFuncties: 0, RegistreerInschrijving: 0 };
  const repertorium = new Set<string>();
  const server: Server = createServer(
    {
      key: options.certificates.server.privateKey,
      cert: options.certificates.server.certificate,
      ca: options.certificates.ca,
      requestCert: true,
      rejectUnauthorized: true,
    },
    async (req, res) => {
      try {
        const service = byPath.get(req.url ?? '');
        if (req.method !== 'POST' || !service) return send(res, 404, soapFault('Client', 'Onbekende dienst'));
        const body = await readBody(req);
        if (body === null) return send(res, 413, soapFault('Client', 'Bericht te groot'));
        const peer = (req.socket as TLSSocket).getPeerCertificate();
        const certificate = new X509Certificate(peer.raw).toString();
        if (!signedBy(body, certificate)) {
          return send(
            res,
            500,
            soapFault('Client', 'ERR_025: Verification failure: no valid signature in message'),
          );
        }
        let q: Question | null;
        try {
          q = question(service, body);
        } catch {
          q = null;
        }
        if (!q) return send(res, 500, soapFault('Client', 'Het bericht volgt het schema van de dienst niet'));
        calls[service] += 1;
        send(res, 200, answer(q, repertorium));
      } catch {
        if (!res.headersSent) send(res, 500, soapFault('Server', 'Interne fout'));
      }
    },
  );
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
  return {
    endpoint: `https://127.0.0.1:${port}`,
    port,
    calls,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
