/**
 * Items written straight into a table, for tests and `npm run bench` that need many of them: a grant
 * item with the keys the store gives it, and a parallel BatchWriteItem that retries what is left
 * unprocessed. No vitest in here.
 */
import { BatchWriteItemCommand, type DynamoDBClient, type WriteRequest } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { ITEM_TYPES, keys } from '#lib/adapters/dynamodb/keys';
import { PROFILE_SERVICE_PROVIDER, SEED_CATALOGUE, VLAIO_RIGHT } from '#lib/domain/catalogue';
import {
  type Change,
  createRelationship,
  grantRight,
  newMembership,
  type PersonAggregate,
} from '#lib/domain/membership';

/** A grant item as the store keys it (its own keys and its by-date index entry), with `fields` added. */
export function grantItem(
  ids: { enterpriseNumber: string; personId: string; grantId: string; endDate: string },
  fields: Record<string, unknown>,
): Record<string, unknown> {
  const { enterpriseNumber: en, personId, grantId, endDate } = ids;
  return {
    ...keys.grant(en, personId, grantId),
    ...keys.dueEntry(endDate, 'GRANT', en, personId, grantId),
    type: ITEM_TYPES.grant,
    enterpriseNumber: en,
    personId,
    grantId,
    endDate,
    ...fields,
  };
}

/** Writes `items` in batches of 25 over `workers` parallel workers, retrying unprocessed items with backoff. */
export async function batchPut(
  client: DynamoDBClient,
  tableName: string,
  items: Record<string, unknown>[],
  workers = 8,
): Promise<void> {
  const batches: WriteRequest[][] = [];
  for (let i = 0; i < items.length; i += 25) {
    batches.push(items.slice(i, i + 25).map((item) => ({ PutRequest: { Item: marshall(item) } })));
  }
  let next = 0;
  const worker = async () => {
    for (let b = next++; b < batches.length; b = next++) {
      let requests = batches[b]!;
      for (let attempt = 0; requests.length > 0; attempt++) {
        const out = await client.send(new BatchWriteItemCommand({ RequestItems: { [tableName]: requests } }));
        requests = out.UnprocessedItems?.[tableName] ?? [];
        if (requests.length > 0) await new Promise((r) => setTimeout(r, 20 * 2 ** Math.min(attempt, 6)));
      }
    }
  };
  await Promise.all(Array.from({ length: workers }, worker));
}

/**
 * A made-up person of an organisation with a work relationship (2024–2033) and the VLAIO right ending
 * on `endDate`, built with the domain's own operations: the aggregate and its three changes, to be
 * written as the API would (a unit of work) or in bulk (their items).
 */
export function personWithDueRight(o: {
  personId: string;
  grantId: string;
  enterpriseNumber: string;
  /** Distinguishes the person: their name, pseudonym source and e-mail. */
  index: number;
  endDate: string;
  startDate: string;
  email?: string;
  pseudonymize: (value: string) => string;
}): { aggregate: PersonAggregate; changes: Change[] } {
  const right = SEED_CATALOGUE.find((r) => r.rightId === VLAIO_RIGHT);
  if (!right) throw new Error(`no ${VLAIO_RIGHT} in the seed catalogue`);
  const clock = { today: '2025-01-01', now: '2025-01-01T08:00:00.000Z' };
  const first = newMembership({
    enterpriseNumber: o.enterpriseNumber,
    organisationName: 'Boekhouding Test NV',
    personId: o.personId,
    pseudonym: o.pseudonymize(`due-${o.index}`),
    nationalNumber: `due-${o.index}`,
    person: { firstName: `Persoon${o.index}`, lastName: 'Test', birthDate: null, sex: null, source: 'VKBP' },
    nickname: null,
    initials: null,
    now: clock.now,
  });
  const rel = createRelationship(
    first.next,
    {
      category: 'Vaste medewerker',
      startDate: '2024-01-01',
      endDate: '2033-12-31',
      phone: '+3293456789',
      email: o.email ?? `persoon${o.index}@boekhouding-test.be`,
    },
    clock,
  );
  const grant = grantRight(
    rel.next,
    right,
    { profiles: [PROFILE_SERVICE_PROVIDER], startDate: o.startDate, endDate: o.endDate },
    o.grantId,
    clock,
  );
  return { aggregate: grant.next, changes: [first, rel, grant] };
}
