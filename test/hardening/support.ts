/**
 * Helpers of the hardening tests: a cheap fingerprint of a whole table (item count and a hash of a
 * consistent Scan) to prove that rejected requests wrote nothing, and the problem+json contract.
 * Synthetic people beyond the demo register are in test/support/people.ts.
 */
import { createHash } from 'node:crypto';
import { type AttributeValue, type DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { expect } from 'vitest';

export const PROBLEM_TYPE = 'https://gebruikersbeheer.vlaanderen.be/problemen/';

export interface Fingerprint {
  count: number;
  hash: string;
}

/** Item count and a hash of every item, from a consistent Scan in key order. */
export async function fingerprint(client: DynamoDBClient, tableName: string): Promise<Fingerprint> {
  const lines: string[] = [];
  let start: Record<string, AttributeValue> | undefined;
  do {
    const out = await client.send(
      new ScanCommand({ TableName: tableName, ConsistentRead: true, ExclusiveStartKey: start }),
    );
    // The register's kept answers are a cache of MAGDA's, not a change.
    for (const item of out.Items ?? []) if (item.type?.S !== 'RegisterRead') lines.push(stable(item));
    start = out.LastEvaluatedKey;
  } while (start);
  lines.sort();
  return { count: lines.length, hash: createHash('sha256').update(lines.join('\n')).digest('hex') };
}

/** JSON with sorted keys, so the same item always gives the same text. */
function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

export interface ProblemLike {
  status: number;
  headers: Record<string, string>;
  // biome-ignore lint/suspicious/noExplicitAny: problem bodies are checked field by field.
  body: any;
}

/** Every refusal is an RFC 9457 problem with a stable code, and never a stack trace. A 4xx unless said. */
export function expectProblem(res: ProblemLike, context: string, status?: number): void {
  if (status === undefined) {
    expect(res.status, context).toBeGreaterThanOrEqual(400);
    expect(res.status, context).toBeLessThan(500);
  } else expect(res.status, context).toBe(status);
  expect(res.headers['content-type'], context).toBe('application/problem+json');
  expect(res.body, context).toMatchObject({ status: res.status });
  expect(typeof res.body.title, context).toBe('string');
  expect(typeof res.body.code, context).toBe('string');
  expect(res.body.type, context).toBe(`${PROBLEM_TYPE}${res.body.code}`);
  expect(JSON.stringify(res.body), context).not.toMatch(/\bat .*\.(ts|js):\d+|stack/);
}
