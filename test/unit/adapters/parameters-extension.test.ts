/**
 * The pseudonym key comes through the Parameters and Secrets extension's local HTTP API. A real HTTP
 * server plays the extension here: same path, query and token header as the layer documents.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getParameterFromExtension } from '#lib/adapters/parameters-extension';

const SECRET = 'k'.repeat(40);
let server: Server;
let port: string;
const seen: IncomingMessage[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req);
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.headers['x-aws-parameters-secrets-token'] !== 'session-token') {
      res.writeHead(401).end('unauthorized');
      return;
    }
    if (
      url.pathname !== '/systemsmanager/parameters/get' ||
      url.searchParams.get('withDecryption') !== 'true'
    ) {
      res.writeHead(400).end('bad request');
      return;
    }
    const name = url.searchParams.get('name');
    if (name === '/gebruikersbeheer/pseudonym-secret') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ Parameter: { Name: name, Type: 'SecureString', Value: SECRET } }));
    } else if (name === '/empty') {
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ Parameter: { Value: '' } }));
    } else {
      res.writeHead(400).end(`parameter ${name} not found`);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = String((server.address() as AddressInfo).port);
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const env = (token = 'session-token') => ({
  PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: port,
  AWS_SESSION_TOKEN: token,
});

describe('getParameterFromExtension', () => {
  it('reads the decrypted value with the session token', async () => {
    await expect(getParameterFromExtension('/gebruikersbeheer/pseudonym-secret', env())).resolves.toBe(
      SECRET,
    );
    expect(seen.at(-1)?.method).toBe('GET');
  });

  it('fails with the status, not the body, when the extension refuses', async () => {
    await expect(
      getParameterFromExtension('/gebruikersbeheer/pseudonym-secret', env('wrong')),
    ).rejects.toThrow('answered 401');
    await expect(getParameterFromExtension('/missing', env())).rejects.toThrow(
      /answered 400 for \/missing\.$/,
    );
  });

  it('refuses an empty value', async () => {
    await expect(getParameterFromExtension('/empty', env())).rejects.toThrow('is empty');
  });
});
