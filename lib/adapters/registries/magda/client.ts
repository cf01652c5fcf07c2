/**
 * One MAGDA call: the signed request, the exchange, and the answer read down to its Inhoud with the
 * exceptions (Uitzonderingen) MAGDA reports for the message (Repliek) and for the question (Antwoord).
 * Each call gets a fresh reference (Referte) that is logged with MAGDA's own, the service, the outcome
 * and the exception codes, so a call can be traced in MAGDA's audit; never a national number, never a
 * Diagnose text (it may quote the question).
 */
import { randomUUID } from 'node:crypto';
import { type Registry, RegistryUnavailableError } from '#lib/domain/errors';
import type { Log } from '#lib/domain/ports';
import {
  type MagdaIdentity,
  type MagdaServiceName,
  SERVICES,
  signedRequest,
  signingKey,
} from './envelope.ts';
import { createTransport, type TlsMaterial, type Transport, TransportError } from './transport.ts';
import { child, children, MalformedXmlError, parseXml, path, text, type XmlElement } from './xml.ts';

export interface Uitzondering {
  /** MAGDA's code, e.g. 30001. */
  code: string;
  origin: string;
  /** FOUT, WAARSCHUWING or INFORMATIE. */
  type: string;
}

export interface MagdaAnswer {
  inhoud: XmlElement | undefined;
  /** About this question (level 3): e.g. 30001, nothing found. */
  answerExceptions: Uitzondering[];
}

export interface MagdaClientConfig {
  /** The base URL; each service's path is appended. */
  endpoint: string;
  identity: MagdaIdentity;
  tls: TlsMaterial;
  timeoutMs: number;
  maxResponseBytes: number;
  log: Log;
  /** The Brussels date and time for the message's Tijdstip. */
  clock: () => { date: string; time: string };
  /** For tests: another exchange than HTTPS. */
  transport?: Transport;
}

export interface MagdaClient {
  ask(service: MagdaServiceName, inhoud: string, registry: Registry): Promise<MagdaAnswer>;
}

/** An answer we cannot use: a SOAP fault, MAGDA refusing the message, or XML that is not MAGDA's answer. */
class UnusableAnswer extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

function exceptions(list: XmlElement | undefined): Uitzondering[] {
  return children(list, 'Uitzondering').map((u) => ({
    code: text(child(u, 'Identificatie')),
    origin: text(child(u, 'Oorsprong')),
    type: text(child(u, 'Type')),
  }));
}

/** The answer to our question, or why it is unusable. */
export function readAnswer(service: MagdaServiceName, xml: string, reference: string) {
  let doc: XmlElement;
  try {
    doc = parseXml(xml);
  } catch (error) {
    throw new UnusableAnswer(error instanceof MalformedXmlError ? 'malformed-xml' : 'unreadable');
  }
  const body = path(doc, 'Envelope', 'Body');
  if (!body) throw new UnusableAnswer('not-soap');
  const fault = child(body, 'Fault');
  if (fault) throw new UnusableAnswer(`soap-fault:${text(child(fault, 'faultcode')) || '?'}`);
  const repliek = path(body, `${service}Response`, 'Repliek');
  if (!repliek) throw new UnusableAnswer('not-an-answer');
  const magdaReference = text(path(repliek, 'Context', 'Bericht', 'Afzender', 'Referte')) || undefined;
  const messageErrors = exceptions(child(repliek, 'Uitzonderingen')).filter((u) => u.type === 'FOUT');
  if (messageErrors.length > 0) {
    // MAGDA refuses the message itself (e.g. 13001: not authorised in this capacity): a configuration
    // matter, never passing, so the answer is an outage until someone fixes it.
    throw new UnusableAnswer(`refused:${messageErrors.map((u) => u.code).join(',')}`);
  }
  const antwoord = path(repliek, 'Antwoorden', 'Antwoord');
  if (!antwoord) throw new UnusableAnswer('no-answer');
  if (text(child(antwoord, 'Referte')) !== reference) throw new UnusableAnswer('reference-mismatch');
  return {
    magdaReference,
    answer: {
      inhoud: child(antwoord, 'Inhoud'),
      answerExceptions: exceptions(child(antwoord, 'Uitzonderingen')),
    } satisfies MagdaAnswer,
  };
}

export function createMagdaClient(config: MagdaClientConfig): MagdaClient {
  const transport =
    config.transport ??
    createTransport({
      tls: config.tls,
      timeoutMs: config.timeoutMs,
      maxResponseBytes: config.maxResponseBytes,
    });
  const endpoint = config.endpoint.replace(/\/+$/, '');
  const key = signingKey(config.tls);
  return {
    async ask(serviceName, inhoud, registry) {
      const service = SERVICES[serviceName];
      const reference = randomUUID();
      const started = performance.now();
      const fields: Record<string, unknown> = { magdaService: serviceName, reference };
      try {
        const envelope = signedRequest(
          { service, identity: config.identity, reference, at: config.clock(), inhoud },
          key,
        );
        const response = await transport(`${endpoint}${service.path}`, envelope);
        // SOAP sends a fault with 500; anything else that is not 200 never carries an answer.
        if (response.status !== 200 && response.status !== 500) {
          throw new TransportError('http-status', String(response.status));
        }
        const { magdaReference, answer } = readAnswer(serviceName, response.body, reference);
        fields.magdaReference = magdaReference;
        fields.exceptions = answer.answerExceptions.map((u) => `${u.origin}:${u.code}:${u.type}`);
        fields.outcome = 'answered';
        return answer;
      } catch (error) {
        const reason =
          error instanceof TransportError
            ? error.failure === 'http-status'
              ? `http-${error.message.split(': ')[1]}`
              : error.failure
            : error instanceof UnusableAnswer
              ? error.reason
              : 'client-error';
        fields.outcome = reason;
        if (reason === 'client-error') fields.error = error instanceof Error ? error.name : 'unknown';
        throw new RegistryUnavailableError(registry, reason);
      } finally {
        fields.ms = Math.round(performance.now() - started);
        if (fields.outcome === 'answered') config.log.info('MAGDA call', fields);
        else config.log.warn('MAGDA call failed', fields);
      }
    },
  };
}

/** The question's FOUT exceptions that are not "nothing found" for this service: the answer is unusable. */
export function failOnErrors(
  answer: MagdaAnswer,
  registry: Registry,
  notFoundCodes: ReadonlySet<string>,
): { notFound: boolean } {
  const errors = answer.answerExceptions.filter((u) => u.type === 'FOUT');
  const notFound = errors.some((u) => notFoundCodes.has(u.code));
  const other = errors.filter((u) => !notFoundCodes.has(u.code));
  if (other.length > 0)
    throw new RegistryUnavailableError(registry, `error:${other.map((u) => u.code).join(',')}`);
  return { notFound };
}
