/**
 * Tasks (access patterns 13 and 14 of keys.ts): open tasks under `OPEN#`, done ones under `DONE#`, so
 * *Mijn taken* is one Query and a count. The item builders guard every change by the task's version.
 */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { strip, type TableRef, type TransactItem } from '#lib/adapters/dynamodb/items';
import { ITEM_TYPES, keys } from '#lib/adapters/dynamodb/keys';
import type { TasksPort } from '#lib/domain/ports';
import { TASK_AUDIENCE, type Task, type TaskAudience, type TaskKind } from '#lib/domain/tasks';

export class TasksStore implements TasksPort {
  constructor(private readonly table: TableRef) {}

  private get db() {
    return this.table.db;
  }

  private get tableName() {
    return this.table.tableName;
  }

  /** The task, open or done, with where it lives. */
  async get(en: string, taskId: string): Promise<Task | null> {
    for (const key of [keys.openTask(en, taskId), keys.doneTask(en, taskId)]) {
      const out = await this.db.send(
        new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }),
      );
      if (out.Item) return strip<Task>(out.Item);
    }
    return null;
  }

  async listOpen(en: string): Promise<Task[]> {
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

  /** Open tasks of an organisation for an audience, counted in one Query (Select COUNT reads no attributes back). */
  async countOpen(en: string, audience: TaskAudience): Promise<number> {
    const { pk, skPrefix } = keys.openTasks(en);
    const kinds = (Object.keys(TASK_AUDIENCE) as TaskKind[]).filter((k) => TASK_AUDIENCE[k] === audience);
    const out = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
        FilterExpression: `#kind IN (${kinds.map((_, i) => `:k${i}`).join(', ')})`,
        ExpressionAttributeNames: { '#kind': 'kind' },
        ExpressionAttributeValues: {
          ':pk': pk,
          ':sk': skPrefix,
          ...Object.fromEntries(kinds.map((k, i) => [`:k${i}`, k])),
        },
        Select: 'COUNT',
      }),
    );
    return out.Count ?? 0;
  }
}

/** A new open task; fails when one with this id exists. */
export function newTaskItem(tableName: string, task: Task): TransactItem {
  return {
    Put: {
      TableName: tableName,
      Item: { ...keys.openTask(task.enterpriseNumber, task.taskId), type: ITEM_TYPES.task, ...task },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/** Replaces an open task, guarded by its version. */
export function updateTaskItem(tableName: string, previous: Task, next: Task): TransactItem {
  return {
    Put: {
      TableName: tableName,
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
export function closeTaskItems(tableName: string, previous: Task, next: Task): TransactItem[] {
  return [
    {
      Delete: {
        TableName: tableName,
        Key: keys.openTask(previous.enterpriseNumber, previous.taskId),
        ConditionExpression: 'version = :v',
        ExpressionAttributeValues: { ':v': previous.version },
      },
    },
    {
      Put: {
        TableName: tableName,
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
