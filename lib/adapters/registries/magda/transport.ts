/**
 * HTTPS to MAGDA with our client certificate (mutual TLS): one keep-alive agent per container, a
 * deadline for the whole exchange, a cap on the answer's size, and at most one retry, only when the
 * connection failed before anything was sent or came back (a refused or reset connection). A timeout is
 * not retried (the caller's answer would come too late anyway), nor is a server certificate we do not
 * trust (that is no passing fault).
 */
import { Agent, request } from 'node:https';

export interface TlsMaterial {
  certificate: string;
  privateKey: string;
  /** The CA that signs MAGDA's server certificate, when it is not one Node.js trusts already. */
  ca?: string | undefined;
}

export interface TransportOptions {
  tls: TlsMaterial;
  timeoutMs: number;
  maxResponseBytes: number;
}

/** Why an exchange failed, for the caller's error and the logs; never a body, never personal data. */
export type TransportFailure = 'timeout' | 'connection' | 'server-certificate' | 'too-large' | 'http-status';

export class TransportError extends Error {
  override name = 'MagdaTransportError';
  constructor(
    readonly failure: TransportFailure,
    detail: string,
  ) {
    super(`${failure}: ${detail}`);
  }
}

export interface TransportResponse {
  status: number;
  body: string;
}

export type Transport = (url: string, body: string) => Promise<TransportResponse>;

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
]);

const CERTIFICATE_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_SIGNATURE_FAILURE',
]);

export function createTransport(options: TransportOptions): Transport {
  const agent = new Agent({
    keepAlive: true,
    maxSockets: 16,
    cert: options.tls.certificate,
    key: options.tls.privateKey,
    ...(options.tls.ca ? { ca: options.tls.ca } : {}),
    minVersion: 'TLSv1.2',
  });
  const once = (url: string, body: string) => exchange(agent, url, body, options);
  return async (url, body) => {
    try {
      return await once(url, body);
    } catch (error) {
      if (error instanceof Retryable) return once(url, body).catch(unwrap);
      throw error;
    }
  };
}

/** A connection failure before any byte of the answer: safe to try once more. */
class Retryable extends Error {
  constructor(override readonly cause: TransportError) {
    super(cause.message);
  }
}

function unwrap(error: unknown): never {
  throw error instanceof Retryable ? error.cause : error;
}

function exchange(
  agent: Agent,
  url: string,
  body: string,
  options: TransportOptions,
): Promise<TransportResponse> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const payload = Buffer.from(body, 'utf8');
    const req = request(url, {
      method: 'POST',
      agent,
      headers: {
        'content-type': 'text/xml; charset=utf-8',
        'content-length': payload.length,
        soapaction: '""',
      },
    });
    const timer = setTimeout(() => {
      req.destroy(new TransportError('timeout', `no complete answer within ${options.timeoutMs} ms`));
    }, options.timeoutMs);
    const fail = (error: Error) => {
      clearTimeout(timer);
      if (error instanceof TransportError) return reject(error);
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (CERTIFICATE_CODES.has(code)) return reject(new TransportError('server-certificate', code));
      const failure = new TransportError('connection', code || error.message);
      // Reset before the answer began: nothing was processed that we know of.
      reject(
        !answered && (CONNECTION_CODES.has(code) || error.message === 'socket hang up')
          ? new Retryable(failure)
          : failure,
      );
    };
    req.on('error', fail);
    req.on('response', (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > options.maxResponseBytes) {
          req.destroy(new TransportError('too-large', `answer over ${options.maxResponseBytes} bytes`));
          return;
        }
        chunks.push(chunk);
      });
      res.on('error', fail);
      res.on('end', () => {
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') });
      });
    });
    req.end(payload);
  });
}
