/**
 * `npm run invoke -- <function> events/<file>.json`: runs one handler on a sample event, as Lambda
 * would, and prints the result. It uses the running `npm start` stack's database when there is one;
 * otherwise it starts DynamoDB Local on the same data directory for the duration of the call.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { handlerPath, routes } from '#functions/routes';
import { localDynamoClientConfig, startDynamoDbLocal } from '#infra/local/dynamodb-local';
import { lambdaContext } from '#infra/local/events';
import { magdaForTool, pointAtMagda, pseudonymSecret, ROOT, runningStack } from '#infra/local/stack';
import { ensureTable, isTableEmpty } from '#infra/local/table';
import { ENV } from '#lib/config/env-names';
import { getDeps } from '#lib/runtime/deps';
// The demo world is seeded through the registries.
import '#lib/runtime/registries-adapter';
import { seedDemoWorld } from '#lib/services/demo-seed';

const [fn, eventFile] = process.argv.slice(2);
if (!fn || !eventFile || !routes.some((r) => r.fn === fn)) {
  console.error(
    `Gebruik: npm run invoke -- <functie> events/<bestand>.json\nFuncties: ${routes.map((r) => r.fn).join(', ')}`,
  );
  process.exit(2);
}

const dataDir = resolve(ROOT, process.env.DATA_DIR ?? '.data');
const tableName = 'gebruikersbeheer';

let stop = async () => {};
const runtime = await runningStack(dataDir);
let endpoint = runtime?.dynamoEndpoint;
if (!endpoint) {
  const db = await startDynamoDbLocal({ dataDir: join(dataDir, 'dynamodb') });
  endpoint = db.endpoint;
  stop = db.stop;
}
const magda = await magdaForTool(dataDir, runtime);

try {
  const client = new DynamoDBClient(localDynamoClientConfig(endpoint));
  await ensureTable(client, tableName);
  process.env[ENV.tableName] = tableName;
  process.env[ENV.dynamoEndpoint] = endpoint;
  process.env[ENV.pseudonymSecret] = await pseudonymSecret(dataDir);
  pointAtMagda(magda.connection);
  process.env.AWS_REGION ??= 'eu-west-1';
  process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
  if (await isTableEmpty(client, tableName)) await seedDemoWorld(await getDeps());
  client.destroy();

  const event = JSON.parse(await readFile(resolve(process.cwd(), eventFile), 'utf8'));
  const route = routes.find((r) => r.fn === fn)!;
  const { handler } = await import(pathToFileURL(resolve(ROOT, handlerPath(route))).href);
  const result = await handler(event, lambdaContext(fn));
  const body = typeof result?.body === 'string' && result.body ? JSON.parse(result.body) : result?.body;
  console.log(JSON.stringify({ ...result, body }, null, 2));
} finally {
  await magda.stop();
  await stop();
}
