/**
 * `npm start`: the whole system locally on its embedded defaults. PORT (3000) and DATA_DIR (.data)
 * can be changed through the environment. Ctrl-C stops everything, Java included.
 */

import { resolve } from 'node:path';
import { JavaMissingError } from '#infra/local/dynamodb-local';
import { ROOT, startLocalStack } from '#infra/local/stack';

const port = Number(process.env.PORT ?? 3000);
const dataDir = resolve(ROOT, process.env.DATA_DIR ?? '.data');

try {
  const stack = await startLocalStack({ port, dataDir });
  console.log(
    [
      '',
      `Gebruikersbeheer draait op ${stack.url}`,
      `  API:        ${stack.url}/api  (OpenAPI: ${stack.url}/api/openapi.json)`,
      `  Aanmelden:  ${stack.url}/idp (OpenID Connect; aanmeldpagina zoals ACM, demo-personen in README.md)`,
      `  Tokens:     POST ${stack.url}/idp/dev/token {"nationalNumber":"…"} (alleen lokaal; demo-personen in README.md)`,
      `  E-mail/SMS: ${dataDir}/outbox`,
      '  Werkstromen: goedkeuring van aanvragen en dagelijkse vervalcontrole om 06:00 (Brussel)',
      `  Registers:  rijksregister en KBO via MAGDA (lokale stand-in op ${stack.magda.endpoint}, demogegevens)`,
      `  Gegevens:   ${dataDir}`,
      'Stoppen: Ctrl-C',
      '',
    ].join('\n'),
  );
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    console.log('Stoppen…');
    await stack.stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
} catch (error) {
  if (error instanceof JavaMissingError) {
    console.error(error.message);
  } else {
    console.error(error instanceof Error ? error.message : error);
  }
  process.exit(1);
}
