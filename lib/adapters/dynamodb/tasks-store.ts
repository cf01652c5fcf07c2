/**
 * Tasks and access requests in the single table (access patterns 13–17 of keys.ts). Items are built
 * here so every use case writes them alike; callers put them in their own transactions.
 */

import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ITEM_TYPES, keys } from '#lib/adapters/dynamodb/keys';
import type { AccessRequest, Task } from '#lib/domain/tasks';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

const STRIP = new Set(['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'type']);
function strip<T>(item: Record<string, unknown>): T {
  return Object.fromEntries(Object.entries(item).filter(([k]) => !STRIP.has(k))) as T;
}

export class TasksStore {
  constructor(
    readonly db: DynamoDBDocumentClient,
    readonly tableName: string,
  ) {}

  /** The task, open or done, with where it lives. */
  async getTask(en: string, taskId: string): Promise<Task | null> {
    for (const key of [keys.openTask(en, taskId), keys.doneTask(en, taskId)]) {
      const out = await this.db.send(
        new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }),
      );
      if (out.Item) return strip<Task>(out.Item);
    }
    return null;
  }

  async listOpenTasks(en: string): Promise<Task[]> {
    const { pk, skPrefix } = keys.openTasks(en);
    const out = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
        ExpressionAttributeValues: { ':pk': pk, ':sk': skPrefix },
      }),
    );
    return (out.Items ?? [])
      .map((i) => strip<Task>(i))
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  /** A new open task; fails when one with this id exists. */
  putNewTask(task: Task): TransactItem {
    return {
      Put: {
        TableName: this.tableName,
        Item: { ...keys.openTask(task.enterpriseNumber, task.taskId), type: ITEM_TYPES.task, ...task },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
  }

  /** Replaces an open task, guarded by its version. */
  updateOpenTask(previous: Task, next: Task): TransactItem {
    return {
      Put: {
        TableName: this.tableName,
        Item: {
          ...keys.openTask(next.enterpriseNumber, next.taskId),
          type: ITEM_TYPES.task,
          ...next,
          version: previous.version + 1,
        },
        ConditionExpression: 'version = :v',
        ExpressionAttributeValues: { ':v': previous.version },
      },
    };
  }

  /** Moves an open task to done (two items of one transaction), guarded by its version. */
  closeTask(previous: Task, next: Task): TransactItem[] {
    return [
      {
        Delete: {
          TableName: this.tableName,
          Key: keys.openTask(previous.enterpriseNumber, previous.taskId),
          ConditionExpression: 'version = :v',
          ExpressionAttributeValues: { ':v': previous.version },
        },
      },
      {
        Put: {
          TableName: this.tableName,
          Item: {
            ...keys.doneTask(next.enterpriseNumber, next.taskId),
            type: ITEM_TYPES.task,
            ...next,
            version: previous.version + 1,
          },
        },
      },
    ];
  }

  async getRequest(requestId: string): Promise<AccessRequest | null> {
    const out = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: keys.request(requestId), ConsistentRead: true }),
    );
    return out.Item ? strip<AccessRequest>(out.Item) : null;
  }

  async listRequests(pseudo: string): Promise<AccessRequest[]> {
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
  async listOpenRequestIds(): Promise<{ requestId: string; enterpriseNumber: string }[]> {
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

  putNewRequest(request: AccessRequest): TransactItem[] {
    return [
      {
        Put: {
          TableName: this.tableName,
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
          TableName: this.tableName,
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
  finishRequest(previous: AccessRequest, next: AccessRequest): TransactItem[] {
    return [
      {
        Put: {
          TableName: this.tableName,
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
      { Delete: { TableName: this.tableName, Key: keys.openRequest(next.requestId) } },
    ];
  }

  /**
   * A "this was done" marker (warning sent, task opened, e-mail sent) for idempotent workflow steps:
   * the transaction that does the thing fails when the marker is already there.
   */
  noticeItem(en: string, personId: string, what: string, at: string): TransactItem {
    return {
      Put: {
        TableName: this.tableName,
        Item: { ...keys.notice(en, personId, what), type: ITEM_TYPES.notice, at },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
  }

  /** Writes a marker on its own (after the thing was done); false when it was already there. */
  async putNotice(en: string, personId: string, what: string, at: string): Promise<boolean> {
    try {
      await this.db.send(new PutCommand(this.noticeItem(en, personId, what, at).Put!));
      return true;
    } catch (error) {
      if ((error as { name?: string }).name === 'ConditionalCheckFailedException') return false;
      throw error;
    }
  }

  async hasNotice(en: string, personId: string, what: string): Promise<boolean> {
    const out = await this.db.send(
      new GetCommand({
        TableName: this.tableName,
        Key: keys.notice(en, personId, what),
        ConsistentRead: true,
      }),
    );
    return out.Item !== undefined;
  }
}
