/**
 * The change event as partners receive it (on the bus and in every webhook body): the published schema.
 * `events/schema/change-event.schema.json` is generated from it (`npm run events:schema`), and a test
 * keeps the two equal, so the file in the repository is the contract.
 */
import * as z from 'zod/mini';
import { CHANGE_EVENT_SCHEMA_VERSION, CHANGE_EVENT_TYPE_NAMES, CHANGE_EVENT_TYPES } from '#lib/domain/events';

const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const ulid = () => z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/));

export const ChangeEventSchema = z
  .strictObject({
    schemaVersion: z.literal(CHANGE_EVENT_SCHEMA_VERSION),
    type: z.enum(CHANGE_EVENT_TYPE_NAMES).register(z.globalRegistry, {
      description: Object.entries(CHANGE_EVENT_TYPES)
        .map(([type, when]) => `${type}: ${when}`)
        .join('\n'),
    }),
    id: ulid().register(z.globalRegistry, {
      description: 'Unique and sortable (ULID); the webhook-id of every delivery of this event.',
    }),
    time: z.iso.datetime().register(z.globalRegistry, { description: 'When the change was made (UTC).' }),
    enterpriseNumber: z.string().check(z.regex(/^[01]\d{9}$/)),
    person: z.nullable(z.string().check(z.minLength(1))).register(z.globalRegistry, {
      description:
        "The person's pseudonym (a keyed HMAC of the national number; the access check returns the same). Never a national number. Null for an enterprise event.",
    }),
    personId: z.nullable(ulid()),
    right: z.nullable(z.string().check(z.minLength(1))),
    grantId: z.nullable(ulid()),
    profiles: z.array(z.string()),
    validFrom: z.nullable(day),
    validUntil: z.nullable(day).register(z.globalRegistry, {
      description:
        'The last day (inclusive, Europe/Brussels) the item grants access after the change; null when it no longer does.',
    }),
  })
  .register(z.globalRegistry, {
    title: 'Gebruikersbeheer change event',
    description:
      "A change that alters someone's access in an organisation. Delivered at least once: de-duplicate by id.",
  });

export type ChangeEventBody = z.infer<typeof ChangeEventSchema>;

/** The JSON Schema (draft 4, as the EventBridge schema registry takes it) of the change event. */
export function changeEventJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ChangeEventSchema, { target: 'draft-04' }) as Record<string, unknown>;
}
