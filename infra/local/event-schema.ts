/**
 * `npm run events:schema`: writes the change event's published JSON Schema from its zod contract
 * (lib/contracts/events.ts). A unit test fails when the file and the contract differ.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { changeEventJsonSchema } from '#lib/contracts/events';

export const CHANGE_EVENT_SCHEMA_FILE = resolve(
  import.meta.dirname,
  '../../events/schema/change-event.schema.json',
);

export const schemaText = () => `${JSON.stringify(changeEventJsonSchema(), null, 2)}\n`;

if (import.meta.url === `file://${process.argv[1]}`) {
  await writeFile(CHANGE_EVENT_SCHEMA_FILE, schemaText());
  console.log(`Geschreven: ${CHANGE_EVENT_SCHEMA_FILE}`);
}
