/**
 * Bulk jobs (keys.ts 40 to 42): the job item under the organisation, its rows and its chunks' progress
 * in a partition of their own. Every item carries the TTL attribute, so a job and the personal data of
 * its rows go JOB_KEEP_DAYS after the job was made.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { putAll, queryAll, strip, type TableRef } from '#lib/adapters/dynamodb/items';
import { ITEM_TYPES, keys } from '#lib/adapters/dynamodb/keys';
import {
  type ChunkProgress,
  JOB_KEEP_DAYS,
  type Job,
  type JobPhase,
  type JobRow,
  type RowOutcome,
  runningPhase,
} from '#lib/domain/bulk';
import { ConcurrentChangeError } from '#lib/domain/errors';
import type { JobsPort } from '#lib/domain/ports';

/** Epoch seconds JOB_KEEP_DAYS after the job was made. */
const expirationOf = (createdAt: string) =>
  Math.floor(Date.parse(createdAt) / 1000) + JOB_KEEP_DAYS * 24 * 3600;

const outcomeField = (phase: JobPhase) => (phase === 'preview' ? 'preview' : 'result');

export class JobsStore implements JobsPort {
  constructor(private readonly table: TableRef) {}

  async get(en: string, jobId: string): Promise<Job | null> {
    const out = await this.table.db.send(
      new GetCommand({ TableName: this.table.tableName, Key: keys.job(en, jobId), ConsistentRead: true }),
    );
    return out.Item ? strip<Job>(out.Item) : null;
  }

  async create(job: Job, rows: JobRow[]): Promise<void> {
    const expiration = expirationOf(job.createdAt);
    // Without outcomes: an outcome is written once, on the condition that there is none yet.
    await putAll(
      this.table,
      rows.map(({ preview: _p, result: _r, ...row }) => ({
        ...keys.jobRow(job.enterpriseNumber, job.jobId, row.index),
        type: ITEM_TYPES.jobRow,
        ...row,
        expiration,
      })),
    );
    await this.table.db.send(
      new PutCommand({
        TableName: this.table.tableName,
        Item: { ...keys.job(job.enterpriseNumber, job.jobId), type: ITEM_TYPES.job, ...job, expiration },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    await this.markRunning(job);
  }

  /**
   * The list of running jobs follows the job's status: a hint for a restart of the local stack, written
   * after the job (a stale entry names a job that is no longer running, and is passed over).
   */
  private async markRunning(job: Job): Promise<void> {
    const Key = keys.runningJob(job.enterpriseNumber, job.jobId);
    if (runningPhase(job.status)) {
      await this.table.db.send(
        new PutCommand({
          TableName: this.table.tableName,
          Item: {
            ...Key,
            type: ITEM_TYPES.runningJob,
            enterpriseNumber: job.enterpriseNumber,
            jobId: job.jobId,
            expiration: expirationOf(job.createdAt),
          },
        }),
      );
    } else await this.table.db.send(new DeleteCommand({ TableName: this.table.tableName, Key }));
  }

  async running(): Promise<{ enterpriseNumber: string; jobId: string }[]> {
    const items = await queryAll(this.table, {
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.runningJobsPk() },
      ConsistentRead: true,
    });
    return items.map((i) => ({ enterpriseNumber: String(i.enterpriseNumber), jobId: String(i.jobId) }));
  }

  async update(previous: Job, next: Job): Promise<void> {
    try {
      await this.table.db.send(
        new PutCommand({
          TableName: this.table.tableName,
          Item: {
            ...keys.job(next.enterpriseNumber, next.jobId),
            type: ITEM_TYPES.job,
            ...next,
            version: previous.version + 1,
            expiration: expirationOf(next.createdAt),
          },
          ConditionExpression: 'version = :v',
          ExpressionAttributeValues: { ':v': previous.version },
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) throw new ConcurrentChangeError();
      throw error;
    }
    if (runningPhase(previous.status) !== runningPhase(next.status)) await this.markRunning(next);
  }

  async rows(en: string, jobId: string, range?: { from: number; to: number }): Promise<JobRow[]> {
    const items = await queryAll(this.table, {
      KeyConditionExpression: range
        ? 'pk = :pk AND sk BETWEEN :from AND :to'
        : 'pk = :pk AND begins_with(sk, :row)',
      ExpressionAttributeValues: {
        ':pk': keys.jobItemsPk(en, jobId),
        ...(range
          ? { ':from': keys.jobRowSk(range.from), ':to': keys.jobRowSk(range.to) }
          : { ':row': 'ROW#' }),
      },
      ConsistentRead: true,
    });
    return items.map((i) => {
      const { expiration: _e, ...row } = strip<JobRow & { expiration?: number }>(i);
      return row;
    });
  }

  async saveOutcome(en: string, jobId: string, index: number, phase: JobPhase, outcome: RowOutcome) {
    await this.table.db.send(
      new UpdateCommand({
        TableName: this.table.tableName,
        Key: keys.jobRow(en, jobId, index),
        UpdateExpression: 'SET #field = :outcome',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: { '#field': outcomeField(phase) },
        ExpressionAttributeValues: { ':outcome': outcome },
      }),
    );
  }

  async saveProgress(en: string, jobId: string, progress: ChunkProgress, createdAt?: string) {
    await this.table.db.send(
      new PutCommand({
        TableName: this.table.tableName,
        Item: {
          ...keys.jobChunk(en, jobId, progress.phase, progress.chunk),
          type: ITEM_TYPES.jobChunk,
          ...progress,
          expiration: expirationOf(createdAt ?? new Date().toISOString()),
        },
      }),
    );
  }

  async progress(en: string, jobId: string, phase: JobPhase): Promise<ChunkProgress[]> {
    const { pk, skPrefix } = keys.jobChunks(en, jobId, phase);
    const items = await queryAll(this.table, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :c)',
      ExpressionAttributeValues: { ':pk': pk, ':c': skPrefix },
      ConsistentRead: true,
    });
    return items.map((i) => {
      const { expiration: _e, ...p } = strip<ChunkProgress & { expiration?: number }>(i);
      return p;
    });
  }
}
