/**
 * A person's logins (access pattern 20 of keys.ts): one small item per person under their pseudonym,
 * `NRN#{pseudo}` / `LOGINS`, whatever organisation they belong to. Per method it holds
 * `firstUsedAt#{method}`, `lastUsedAt#{method}` and `count#{method}`; overall `lastLoginAt` and
 * `lastMethod`. Flat attributes rather than a nested map, so that one UpdateItem can create the item
 * and any method's attributes at once (a nested path must already exist to be set).
 *
 * Concurrent logins lose nothing: the count is an atomic `ADD`, the first use an `if_not_exists`, and
 * the "last" attributes only move forward in time (a condition); a login that arrives after a later
 * one (clock skew between functions) still counts and still sets a first use that was missing.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { TableRef } from '#lib/adapters/dynamodb/items';
import { ITEM_TYPES, keys } from '#lib/adapters/dynamodb/keys';
import { isLoginMethod, type LoginMethodId, type LoginSummary, type MethodUse } from '#lib/domain/logins';
import type { LoginsPort } from '#lib/domain/ports';

const FIRST = 'firstUsedAt#';
const LAST = 'lastUsedAt#';
const COUNT = 'count#';

export class LoginsStore implements LoginsPort {
  constructor(private readonly table: TableRef) {}

  private get db() {
    return this.table.db;
  }

  private get tableName() {
    return this.table.tableName;
  }

  /**
   * Binds a Cognito user to the pseudonym of the national number it had at its first login, or checks
   * an existing binding: one UpdateItem that keeps the first pseudonym (`if_not_exists`) and returns
   * it. `create: false` (a token refresh) only checks: without a binding it answers `unbound`.
   */
  async bindCognitoUser(
    sub: string,
    pseudo: string,
    opts: { create: boolean; at: string },
  ): Promise<'bound' | 'mismatch' | 'unbound'> {
    try {
      const out = await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.cognitoBinding(sub),
          UpdateExpression:
            'SET #type = :type, pseudonym = if_not_exists(pseudonym, :p), boundAt = if_not_exists(boundAt, :at)',
          ...(opts.create ? {} : { ConditionExpression: 'attribute_exists(pk)' }),
          ExpressionAttributeNames: { '#type': 'type' },
          ExpressionAttributeValues: { ':type': ITEM_TYPES.cognitoBinding, ':p': pseudo, ':at': opts.at },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return out.Attributes?.pseudonym === pseudo ? 'bound' : 'mismatch';
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return 'unbound';
      throw error;
    }
  }

  /** Records one login with `method` at `at` (ISO 8601, UTC): one UpdateItem, rarely two or three. */
  async record(pseudo: string, method: LoginMethodId, at: string): Promise<void> {
    const names = {
      '#type': 'type',
      '#first': `${FIRST}${method}`,
      '#last': `${LAST}${method}`,
      '#count': `${COUNT}${method}`,
    };
    const update = (expression: string, condition: string | undefined, values: Record<string, unknown>) =>
      this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.logins(pseudo),
          UpdateExpression: expression,
          ...(condition ? { ConditionExpression: condition } : {}),
          ExpressionAttributeNames: Object.fromEntries(
            Object.entries(names).filter(([name]) => expression.includes(name) || condition?.includes(name)),
          ),
          ExpressionAttributeValues: values,
        }),
      );
    const first = '#type = :type, #first = if_not_exists(#first, :at)';
    try {
      // The usual case: this is the newest login of the person.
      await update(
        `SET ${first}, #last = :at, lastLoginAt = :at, lastMethod = :method ADD #count :one`,
        'attribute_not_exists(lastLoginAt) OR lastLoginAt <= :at',
        { ':type': ITEM_TYPES.logins, ':at': at, ':method': method, ':one': 1 },
      );
      return;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
    try {
      // A later login of another method was recorded first: this one is still the newest of its method.
      await update(
        `SET ${first}, #last = :at ADD #count :one`,
        'attribute_not_exists(#last) OR #last <= :at',
        {
          ':type': ITEM_TYPES.logins,
          ':at': at,
          ':one': 1,
        },
      );
      return;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
    await update(`SET ${first} ADD #count :one`, undefined, {
      ':type': ITEM_TYPES.logins,
      ':at': at,
      ':one': 1,
    });
  }

  /** The person's logins, most recently used method first; `null` when they never logged in. */
  async get(pseudo: string): Promise<LoginSummary | null> {
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.logins(pseudo) }));
    return out.Item ? toSummary(out.Item) : null;
  }
}

export function toSummary(item: Record<string, unknown>): LoginSummary | null {
  const methods: MethodUse[] = [];
  for (const [name, value] of Object.entries(item)) {
    if (!name.startsWith(COUNT)) continue;
    const method = name.slice(COUNT.length);
    if (!isLoginMethod(method)) continue;
    const firstUsedAt = item[`${FIRST}${method}`];
    const lastUsedAt = item[`${LAST}${method}`] ?? firstUsedAt;
    if (typeof firstUsedAt !== 'string' || typeof lastUsedAt !== 'string') continue;
    methods.push({ method, firstUsedAt, lastUsedAt, count: Number(value) });
  }
  const lastLoginAt = item.lastLoginAt;
  const lastMethod = typeof item.lastMethod === 'string' ? item.lastMethod : '';
  if (methods.length === 0 || typeof lastLoginAt !== 'string' || !isLoginMethod(lastMethod)) return null;
  methods.sort((a, b) => b.lastUsedAt.localeCompare(a.lastUsedAt) || a.method.localeCompare(b.method));
  return { lastLoginAt, lastMethod, methods };
}
