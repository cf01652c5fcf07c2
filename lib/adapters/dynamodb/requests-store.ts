/**
 * Access requests (access patterns 15–17 of keys.ts): the request by id for the workflow's steps, a
 * person's own list on gsi1, and the list of those still waiting (to re-drive after a local restart).
 */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { strip, type TableRef, type TransactItem } from '#lib/adapters/dynamodb/items';
import { ITEM_TYPES, keys } from '#lib/adapters/dynamodb/keys';
import type { RequestsPort } from '#lib/domain/ports';
import type { AccessRequest } from '#lib/domain/tasks';

export class RequestsStore implements RequestsPort {
  constructor(private readonly table: TableRef) {}

  private get db() {
    return this.table.db;
  }

  private get tableName() {
    return this.table.tableName;
  }

  async get(requestId: string): Promise<AccessRequest | null> {
    const out = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: keys.request(requestId), ConsistentRead: true }),
    );
    return out.Item ? strip<AccessRequest>(out.Item) : null;
  }

  async listMine(pseudo: string): Promise<AccessRequest[]> {
    const out = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.requestListPk(pseudo) },
        ScanIndexForward: false,
      }),
    );
    return (out.Items ?? []).map((i) => strip<AccessRequest>(i));
  }

  /** Request ids still waiting for a decision, to re-drive their workflows after a local restart. */
  async listOpen(): Promise<{ requestId: string; enterpriseNumber: string }[]> {
    const out = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.openRequestsPk() },
      }),
    );
    return (out.Items ?? []).map((i) => ({
      requestId: String(i.sk),
      enterpriseNumber: String(i.enterpriseNumber),
    }));
  }
}

export function newRequestItems(tableName: string, request: AccessRequest): TransactItem[] {
  return [
    {
      Put: {
        TableName: tableName,
        Item: {
          ...keys.request(request.requestId),
          ...keys.requestListEntry(request.pseudonym, request.requestId),
          type: ITEM_TYPES.request,
          ...request,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    {
      Put: {
        TableName: tableName,
        Item: {
          ...keys.openRequest(request.requestId),
          type: ITEM_TYPES.openRequest,
          enterpriseNumber: request.enterpriseNumber,
        },
      },
    },
  ];
}

/** Ends a request (approved, rejected, expired): guarded by its version, leaves the open list. */
export function finishRequestItems(
  tableName: string,
  previous: AccessRequest,
  next: AccessRequest,
): TransactItem[] {
  return [
    {
      Put: {
        TableName: tableName,
        Item: {
          ...keys.request(next.requestId),
          ...keys.requestListEntry(next.pseudonym, next.requestId),
          type: ITEM_TYPES.request,
          ...next,
          version: previous.version + 1,
        },
        ConditionExpression: 'version = :v',
        ExpressionAttributeValues: { ':v': previous.version },
      },
    },
    { Delete: { TableName: tableName, Key: keys.openRequest(next.requestId) } },
  ];
}
