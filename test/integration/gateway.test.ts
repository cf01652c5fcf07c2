/**
 * The local gateway over real HTTP: what API Gateway answers before any function runs. A path with a
 * malformed %-encoding is a 400 problem (not an empty 500), before the token is looked at; random paths
 * over every route template never give a 5xx, and every refusal is problem+json.
 */
import { once } from 'node:events';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '#functions/routes';
import { createGateway } from '#infra/local/gateway';
import { ROOT } from '#infra/local/stack';
import { TokenRejectedError } from '#infra/local/verify-token';
import { createTestApp, DEMO } from '../support/app.ts';

let server: Server;
let port: number;

beforeAll(async () => {
  await createTestApp({ today: '2026-11-26' });
  const handle = createGateway({
    routes,
    root: ROOT,
    accessLog: false,
    // No token is ever good here: what is tested happens before, or without, the authorizer.
    verifier: {
      verify: async () => {
        throw new TokenRejectedError('malformed');
      },
    },
  });
  server = createServer((req, res) => {
    handle(req, res).then((handled) => {
      if (!handled) res.writeHead(404).end();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function send(method: string, path: string): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => {
        body += c.toString();
      });
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the local gateway', () => {
  it.each([
    ['GET', '/api/organisations/%zz/persons'],
    ['GET', '/api/organisations/0795012394/persons/%E0%A4%A'],
    ['POST', '/api/organisations/%/persons'],
    ['GET', `/api/public/enterprises/%C0%AF${DEMO.adviesbureau}/legal-representatives`],
  ])('%s %s → 400 problem+json bad-request, before the token check', async (method, path) => {
    const res = await send(method, path);
    expect(res.status).toBe(400);
    expect(res.type).toBe('application/problem+json');
    expect(JSON.parse(res.body)).toMatchObject({ status: 400, code: 'bad-request' });
  });

  /** A path segment: plain characters, valid %-escapes of any byte, and broken ones. */
  const segment = fc
    .array(
      fc.oneof(
        fc.constantFrom(...'abcXYZ019._~-'.split('')),
        fc.integer({ min: 0, max: 255 }).map((b) => `%${b.toString(16).padStart(2, '0').toUpperCase()}`),
        fc.constantFrom('%', '%z', '%4', '%%', '%g0', '%2', '%E0%A4'),
      ),
      { minLength: 1, maxLength: 12 },
    )
    .map((parts) => parts.join(''));

  it('random segments in every route template: never a 5xx, every refusal a problem', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.array(segment, { minLength: 3, maxLength: 3 }),
        async (route, values) => {
          let i = 0;
          const path = route.path.replace(/\{\w+\}/g, () => values[i++ % values.length]!);
          const res = await send(route.method, path);
          const context = `${route.method} ${path} → ${res.status} ${res.body.slice(0, 200)}`;
          expect(res.status, context).toBeLessThan(500);
          if (res.status >= 400) {
            expect(res.type, context).toBe('application/problem+json');
            expect(JSON.parse(res.body).code, context).toEqual(expect.any(String));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
