/**
 * `npm run webhooks -- <command>`: operators manage the webhook subscriptions.
 *
 *   add --url URL [--types grant.revoked,relationship.paused] [--enterprise 0795012394] [--description …]
 *   list
 *   rotate ID          a new secret (printed once)
 *   remove ID
 *   dead-letters       what the local delivery queue set aside after its last try
 *
 * Locally it works on the running stack's database (or starts DynamoDB Local on `.data/` for the run);
 * with `--table NAME` it works on that table in AWS, with the credentials and region of the environment.
 * The secret is printed once, when it is made: give it to the partner over a safe channel.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { JavaMissingError, localDynamoClientConfig, startDynamoDbLocal } from '#infra/local/dynamodb-local';
import { ROOT, runningStack } from '#infra/local/stack';
import { ensureTable } from '#infra/local/table';
import { ENV } from '#lib/config/env-names';
import { DomainError, ValidationError } from '#lib/domain/errors';
import { CHANGE_EVENT_TYPE_NAMES } from '#lib/domain/events';
import { webhookDeps } from '#lib/runtime/webhooks';
import {
  createSubscription,
  listSubscriptions,
  removeSubscription,
  rotateSecret,
} from '#lib/services/webhooks';

const USAGE = `Gebruik: npm run webhooks -- <opdracht> [--table NAAM]
  add --url URL [--types ${CHANGE_EVENT_TYPE_NAMES.slice(0, 2).join(',')},…] [--enterprise ONDERNEMINGSNUMMER,…] [--description TEKST]
  list
  rotate ID
  remove ID
  dead-letters
Soorten: ${CHANGE_EVENT_TYPE_NAMES.join(', ')}`;

const list = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      url: { type: 'string' },
      types: { type: 'string' },
      enterprise: { type: 'string' },
      description: { type: 'string' },
      table: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, id] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  const dataDir = resolve(ROOT, process.env.DATA_DIR ?? '.data');
  if (command === 'dead-letters') {
    const text = await readFile(join(dataDir, 'events/dead-letters.jsonl'), 'utf8').catch(() => '');
    const letters = text.split('\n').filter(Boolean);
    console.log(letters.length === 0 ? 'Geen dode brieven.' : letters.join('\n'));
    return 0;
  }

  let stop = async () => {};
  if (values.table) {
    process.env[ENV.tableName] = values.table;
    delete process.env[ENV.dynamoEndpoint];
  } else {
    const runtime = await runningStack(dataDir);
    let endpoint = runtime?.dynamoEndpoint;
    if (!endpoint) {
      const db = await startDynamoDbLocal({ dataDir: join(dataDir, 'dynamodb') });
      endpoint = db.endpoint;
      stop = db.stop;
    }
    const tableName = runtime?.tableName ?? 'gebruikersbeheer';
    const client = new DynamoDBClient(localDynamoClientConfig(endpoint));
    await ensureTable(client, tableName);
    client.destroy();
    process.env[ENV.tableName] = tableName;
    process.env[ENV.dynamoEndpoint] = endpoint;
    process.env[ENV.webhookAllowLocalHttp] = 'true';
    process.env.AWS_REGION ??= 'eu-west-1';
  }
  try {
    const deps = webhookDeps();
    switch (command) {
      case 'add': {
        const created = await createSubscription(deps, {
          url: values.url ?? '',
          types: list(values.types),
          enterpriseNumbers: list(values.enterprise).map((en) => en.replace(/\D/g, '')),
          description: values.description ?? '',
        });
        console.log(`Abonnement ${created.subscriptionId} op ${created.url}`);
        console.log(`Soorten: ${created.types.length ? created.types.join(', ') : 'alle'}`);
        console.log(`Geheim (alleen nu getoond): ${created.secret}`);
        return 0;
      }
      case 'list': {
        const all = await listSubscriptions(deps);
        if (all.length === 0) console.log('Geen abonnementen.');
        for (const s of all)
          console.log(
            `${s.subscriptionId}  ${s.url}  ${s.types.length ? s.types.join(',') : 'alle soorten'}` +
              `${s.enterpriseNumbers.length ? `  ${s.enterpriseNumbers.join(',')}` : ''}  ${s.description}`,
          );
        return 0;
      }
      case 'rotate': {
        const next = await rotateSecret(deps, id ?? '');
        console.log(`Nieuw geheim voor ${next.subscriptionId} (alleen nu getoond): ${next.secret}`);
        return 0;
      }
      case 'remove':
        await removeSubscription(deps, id ?? '');
        console.log(`Abonnement ${id} verwijderd.`);
        return 0;
      default:
        console.error(USAGE);
        return 2;
    }
  } catch (error) {
    if (error instanceof ValidationError) {
      for (const e of error.errors) console.error(`${e.path}: ${e.message}`);
      return 2;
    }
    if (error instanceof DomainError) {
      console.error(error.detail ?? error.title);
      return 2;
    }
    throw error;
  } finally {
    await stop();
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(error instanceof JavaMissingError || error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
