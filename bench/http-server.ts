/**
 * The servers `bench/http.ts` loads, in a process of their own so the load generator does not share
 * their event loop: the local stack (gateway, token verification, the real check-access handler) and two
 * floors that do one GetItem with the same DynamoDB client and nothing else: one behind the same gateway
 * and token verification (`bench/floor/functions/bare-get-item`), one as a plain HTTP server.
 * Prints one line `BENCH_READY {json}` when all listen; stops on SIGTERM.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Route } from '#functions/routes';
import { API_AUDIENCE } from '#infra/local/dev-idp';
import { createGateway } from '#infra/local/gateway';
import { ROOT, startLocalStack } from '#infra/local/stack';
import { createTokenVerifier } from '#infra/local/verify-token';
import { createDynamoClients } from '#lib/adapters/dynamodb/client';
import { keys } from '#lib/adapters/dynamodb/keys';
import { getDeps } from '#lib/runtime/deps';
import { DEMO } from '#lib/services/demo-seed';

const endpoint = process.env.BENCH_DYNAMODB_ENDPOINT!;
const tableName = process.env.BENCH_TABLE!;

// Without the gateway's access log (API Gateway's part in AWS): the bench compares the handlers.
const stack = await startLocalStack({
  port: 0,
  dynamoEndpoint: endpoint,
  tableName,
  schedule: false,
  accessLog: false,
});
const deps = await getDeps();
// The item the access check reads: Tom's access projection at Boekhouding Test NV.
const key = keys.access(deps.pseudonymize(DEMO.tom), DEMO.boekhouding);
const { doc } = createDynamoClients(endpoint);
const bare = createServer((req, res) => {
  req.resume();
  req.on('end', async () => {
    try {
      const out = await doc.send(new GetCommand({ TableName: tableName, Key: key }));
      const body = JSON.stringify({ found: out.Item !== undefined });
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    } catch {
      res.writeHead(503);
      res.end();
    }
  });
});
await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
const barePort = (bare.address() as AddressInfo).port;

// The floor behind the gateway: a route like the access check's, verified by the same issuer's keys.
const floorRoute: Route = {
  method: 'POST',
  path: '/api/floor',
  fn: 'bare-get-item',
  auth: 'service',
  scope: 'access/check',
  data: 'read',
};
const floorGateway = createGateway({
  routes: [floorRoute],
  verifier: createTokenVerifier({
    jwks: stack.idp.jwks(),
    issuer: `${stack.url}/idp`,
    audience: API_AUDIENCE,
  }),
  root: join(ROOT, 'bench/floor'),
  accessLog: false,
});
// As the stack's own server does: a request the client aborts (autocannon stops mid-request) rejects.
const floor = createServer(async (req, res) => {
  try {
    if (await floorGateway(req, res)) return;
    res.writeHead(404);
  } catch {
    if (!res.headersSent) res.writeHead(500);
  }
  res.end();
});
await new Promise<void>((resolve) => floor.listen(0, '127.0.0.1', resolve));
const floorPort = (floor.address() as AddressInfo).port;

process.stdout.write(
  `BENCH_READY ${JSON.stringify({
    url: `http://127.0.0.1:${stack.port}`,
    bareUrl: `http://127.0.0.1:${barePort}`,
    floorUrl: `http://127.0.0.1:${floorPort}/api/floor`,
    key,
  })}\n`,
);

process.on('SIGTERM', async () => {
  for (const server of [bare, floor]) {
    server.closeAllConnections();
    server.close();
  }
  doc.destroy();
  await stack.stop();
  process.exit(0);
});
