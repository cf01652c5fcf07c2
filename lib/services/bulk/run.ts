/**
 * The bulk workflow's steps (infra/workflows/bulk.asl.json): RunChunk checks or applies a chunk of a
 * job's rows, row after row, each applied row in its own transaction with its outcome; a retried chunk
 * skips the rows it finished. CompleteJob adds up the chunks and ends the phase; FailJob records a job
 * whose workflow failed. Inputs and outputs hold ids and counts only.
 */
import * as z from 'zod/mini';
import { chunkRange, type Job, type JobPhase, type JobRow, type JobSummary, tallyOf } from '#lib/domain/bulk';
import { ConflictError, NotFoundError, TransientError } from '#lib/domain/errors';
import { withRetry } from '#lib/services/aggregate';
import { extensionRow, importRow, type RowContext } from '#lib/services/bulk/rows';
import type { Deps } from '#lib/services/deps';

const StepInput = z.object({
  enterpriseNumber: z.string().check(z.regex(/^[01]\d{9}$/)),
  jobId: z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/)),
  phase: z.enum(['preview', 'apply']),
});
const ChunkInput = z.extend(StepInput, { chunk: z.int().check(z.minimum(0)) });

async function requireJob(deps: Deps, en: string, jobId: string): Promise<Job> {
  const job = await deps.jobs.get(en, jobId);
  if (!job) throw new NotFoundError('job.not-found');
  return job;
}

/** The status a job has while `phase` runs. */
const runningStatus = (phase: JobPhase) => (phase === 'preview' ? 'validating' : 'applying');

async function rowContext(deps: Deps, job: Job, phase: JobPhase): Promise<RowContext> {
  const actor = (phase === 'apply' ? job.confirmedBy : null) ?? job.createdBy;
  const admins = await deps.admins.list(job.enterpriseNumber);
  return {
    enterpriseNumber: job.enterpriseNumber,
    jobId: job.jobId,
    actor,
    ownPersonId: actor.personId,
    othersCanDecide: admins.some((a) => a.personId !== actor.personId),
    rights: new Map((await deps.catalogue.list()).map((r) => [r.rightId, r])),
    reason: job.options?.reason ?? null,
  };
}

/** Others writing the same person meanwhile, through every retry: the chunk is tried again later. */
async function transient<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof ConflictError && error.code === 'concurrent-change')
      throw new TransientError('concurrent change', { cause: error });
    throw error;
  }
}

/** RunChunk: `{ enterpriseNumber, jobId, phase, chunk }` → `{ chunk, done, tally }`. */
export async function runChunk(deps: Deps, raw: unknown) {
  const input = ChunkInput.parse(raw);
  const en = input.enterpriseNumber;
  const job = await requireJob(deps, en, input.jobId);
  // A late retry after the phase ended (or another phase began): nothing left to do here.
  if (job.status !== runningStatus(input.phase)) return { chunk: input.chunk, done: 0, skipped: true };
  const { from, to } = chunkRange(input.chunk, job.rows);
  const rows = await deps.jobs.rows(en, job.jobId, { from, to });
  const field = input.phase === 'preview' ? 'preview' : 'result';
  const ctx = await rowContext(deps, job, input.phase);
  const finished = (r: JobRow) => r[field] ?? null;
  const outcomes = rows.map(finished);
  const save = () =>
    deps.jobs.saveProgress(en, job.jobId, {
      chunk: input.chunk,
      phase: input.phase,
      done: outcomes.filter(Boolean).length,
      total: rows.length,
      tally: tallyOf(outcomes),
    });
  for (const [i, row] of rows.entries()) {
    if (outcomes[i]) continue;
    const { outcome, written } = await transient(() =>
      job.kind === 'import'
        ? importRow(deps, ctx, row, input.phase)
        : extensionRow(
            deps,
            {
              ...ctx,
              endDate: job.options?.endDate ?? null,
              includeRights: job.options?.includeRights ?? true,
            },
            row,
          ),
    );
    if (!written) await deps.jobs.saveOutcome(en, job.jobId, row.index, input.phase, outcome);
    outcomes[i] = outcome;
    await save();
  }
  if (rows.length === 0 || outcomes.every(Boolean)) await save();
  return { chunk: input.chunk, done: outcomes.filter(Boolean).length };
}

/** CompleteJob: the phase's chunks added up; the dry run ends `previewed`, the apply `done`. */
export async function completeJob(deps: Deps, raw: unknown) {
  const input = StepInput.parse(raw);
  return withRetry(async () => {
    const job = await requireJob(deps, input.enterpriseNumber, input.jobId);
    if (job.status !== runningStatus(input.phase)) return { status: job.status };
    const chunks = await deps.jobs.progress(input.enterpriseNumber, input.jobId, input.phase);
    const summary: JobSummary = { new: 0, present: 0, error: 0 };
    for (const c of chunks) for (const k of ['new', 'present', 'error'] as const) summary[k] += c.tally[k];
    const next: Job = {
      ...job,
      status: input.phase === 'preview' ? 'previewed' : 'done',
      summary,
      finishedAt: input.phase === 'apply' ? deps.clock().now : null,
      version: job.version + 1,
    };
    await deps.jobs.update(job, next);
    return { status: next.status, summary };
  });
}

/** FailJob: the workflow could not finish the phase; the error's name only (never personal data). */
export async function failJob(deps: Deps, raw: unknown) {
  const input = z.extend(StepInput, { error: z.optional(z.unknown()) }).parse(raw);
  const name = typeof input.error === 'string' && /^[\w.]{1,80}$/.test(input.error) ? input.error : 'Error';
  return withRetry(async () => {
    const job = await requireJob(deps, input.enterpriseNumber, input.jobId);
    if (job.status !== runningStatus(input.phase)) return { status: job.status };
    await deps.jobs.update(job, { ...job, status: 'failed', failure: name, finishedAt: deps.clock().now });
    deps.log.warn('bulk job failed', { jobId: job.jobId, phase: input.phase, error: name });
    return { status: 'failed' };
  });
}
