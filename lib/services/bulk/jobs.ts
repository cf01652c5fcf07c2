/**
 * Bulk work as the local administrators use it: an import file uploaded (its dry run starts), confirmed
 * (*Bevestig*: its rows are applied), a bulk extension, a job with its progress and rows, and its result
 * file. The rows are checked and applied by the bulk workflow a chunk at a time (run.ts); these only
 * make the job and start it.
 */
import {
  chunkCount,
  type Job,
  type JobPhase,
  type JobRow,
  MAX_ROWS,
  type RowOutcome,
  runningPhase,
  tooManyRows,
} from '#lib/domain/bulk';
import { BusinessRuleError, ConflictError, fieldError, NotFoundError } from '#lib/domain/errors';
import type { PersonAggregate } from '#lib/domain/membership';
import { maskNationalNumber } from '#lib/domain/national-number';
import { compareDates } from '#lib/domain/period';
import type { Actor } from '#lib/domain/records';
import { withRetry } from '#lib/services/aggregate';
import { readImportFile } from '#lib/services/bulk/import-file';
import type { Deps } from '#lib/services/deps';

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

function newJob(
  deps: Deps,
  en: string,
  actor: Actor,
  fields: Pick<Job, 'kind' | 'status' | 'rows' | 'fileName' | 'options'>,
): Job {
  const now = deps.clock().now;
  return {
    jobId: deps.newId(),
    enterpriseNumber: en,
    ...fields,
    chunks: chunkCount(fields.rows),
    createdAt: now,
    createdBy: actor,
    confirmedAt: fields.status === 'applying' ? now : null,
    confirmedBy: fields.status === 'applying' ? actor : null,
    finishedAt: null,
    summary: null,
    failure: null,
    version: 1,
  };
}

async function start(deps: Deps, job: Job, phase: JobPhase) {
  await deps.workflows.startBulkJob({
    enterpriseNumber: job.enterpriseNumber,
    jobId: job.jobId,
    phase,
    chunks: range(job.chunks),
  });
}

/** An uploaded file: its rows read and kept with a new job, and the dry run started (202). */
export async function uploadImport(
  deps: Deps,
  en: string,
  actor: Actor,
  file: { fileName?: string | undefined; content: string },
) {
  const rows = readImportFile(file.content);
  const job = newJob(deps, en, actor, {
    kind: 'import',
    status: 'validating',
    rows: rows.length,
    fileName: file.fileName || null,
    options: null,
  });
  await deps.jobs.create(job, rows);
  await start(deps, job, 'preview');
  return jobView(deps, job, { rows: null });
}

const notFound = () => new NotFoundError('job.not-found');

async function requireJob(deps: Deps, en: string, jobId: string): Promise<Job> {
  const job = await deps.jobs.get(en, jobId);
  if (!job) throw notFound();
  return job;
}

/** *Bevestig*: the previewed import is applied (202); a second time, or before the dry run ended, 409. */
export async function confirmImport(deps: Deps, en: string, jobId: string, actor: Actor) {
  const job = await withRetry(async () => {
    const current = await requireJob(deps, en, jobId);
    if (current.kind !== 'import') throw notFound();
    if (current.status !== 'previewed') {
      throw new ConflictError(
        'bulk.not-previewed',
        current.status === 'validating'
          ? 'bulk.not-previewed'
          : current.status === 'failed'
            ? 'bulk.not-previewed/failed'
            : 'bulk.not-previewed/confirmed',
      );
    }
    const next: Job = {
      ...current,
      status: 'applying',
      confirmedAt: deps.clock().now,
      confirmedBy: actor,
      version: current.version + 1,
    };
    await deps.jobs.update(current, next);
    return next;
  });
  await start(deps, job, 'apply');
  return jobView(deps, job, { rows: null });
}

export interface BulkExtensionInput {
  personIds?: string[] | undefined;
  endingBefore?: string | undefined;
  endDate?: string | undefined;
  includeRights: boolean;
  reason?: string | undefined;
}

/** Whether the person's relationship or (when extended too) one of their rights ends before `day`. */
function endsBefore(agg: PersonAggregate, day: string, includeRights: boolean): boolean {
  if (!agg.relationship) return false;
  if (compareDates(agg.relationship.endDate, day) < 0) return true;
  return includeRights && agg.grants.some((g) => compareDates(g.endDate, day) < 0);
}

/** Runs `fn` over `items`, `width` at a time. */
async function pooled<T, R>(items: T[], width: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i] as T);
      }
    }),
  );
  return out;
}

/**
 * The persons whose relationship or rights end before `day`: the organisation's person list (active
 * ones, a page of 100 at a time) and each one's page. Its cost follows the organisation, not the table.
 */
async function endingBefore(deps: Deps, en: string, day: string, includeRights: boolean) {
  const found: PersonAggregate[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.memberships.list(en, {
      status: 'active',
      limit: 100,
      ...(cursor ? { cursor } : {}),
    });
    const aggs = await pooled(page.items, 8, (p) =>
      deps.memberships.load(en, p.personId, { consistent: false }),
    );
    for (const agg of aggs) if (agg && endsBefore(agg, day, includeRights)) found.push(agg);
    if (found.length > MAX_ROWS) throw tooManyRows(found.length);
    cursor = page.cursor ?? undefined;
  } while (cursor);
  return found;
}

/**
 * Extends the relationships (and rights) of the persons chosen, or of everyone whose relationship or
 * rights end before a day, each person in a transaction of their own by the bulk workflow (202).
 */
export async function startExtension(deps: Deps, en: string, actor: Actor, input: BulkExtensionInput) {
  const aggs = input.endingBefore
    ? await endingBefore(deps, en, input.endingBefore, input.includeRights)
    : (
        await pooled(input.personIds ?? [], 8, (id) => deps.memberships.load(en, id, { consistent: false }))
      ).map((agg, i) => agg ?? (input.personIds?.[i] as string));
  if (aggs.length === 0) {
    throw new BusinessRuleError('bulk.nothing-selected', undefined, [
      fieldError('endingBefore', 'bulk.nothing-selected'),
    ]);
  }
  if (aggs.length > MAX_ROWS) throw tooManyRows(aggs.length);
  // Unknown persons (another organisation's, say) stay in as rows: their extension says "not found".
  const rows: JobRow[] = aggs.map((agg, index) =>
    typeof agg === 'string'
      ? { index, line: index + 1, masked: null, personId: agg, name: null, preview: null, result: null }
      : {
          index,
          line: index + 1,
          masked: maskNationalNumber(agg.membership.nationalNumber),
          personId: agg.membership.personId,
          name: `${agg.membership.person.firstName} ${agg.membership.person.lastName}`,
          preview: null,
          result: null,
        },
  );
  const job = newJob(deps, en, actor, {
    kind: 'extension',
    status: 'applying',
    rows: rows.length,
    fileName: null,
    options: {
      endDate: input.endDate ?? null,
      includeRights: input.includeRights,
      reason: input.reason || null,
    },
  });
  await deps.jobs.create(job, rows);
  await start(deps, job, 'apply');
  return jobView(deps, job, { rows: null });
}

/**
 * Starts again the phase of every job that was running (the local stack after a restart: in AWS an
 * execution outlives the caller). The rows a phase finished keep their outcome and are skipped.
 */
export async function restartRunningJobs(deps: Deps): Promise<number> {
  let started = 0;
  for (const { enterpriseNumber, jobId } of await deps.jobs.running()) {
    const job = await deps.jobs.get(enterpriseNumber, jobId);
    const phase = job ? runningPhase(job.status) : null;
    if (!job || !phase) continue;
    await start(deps, job, phase);
    started += 1;
  }
  return started;
}

const outcomeOf = (o: RowOutcome | null | undefined) => o ?? null;

/** The job as the screen shows it: status, progress of the phase that runs, and with `rows` its rows. */
export async function jobView(deps: Deps, job: Job, opts: { rows: JobRow[] | null }) {
  const phase = runningPhase(job.status);
  let done = job.rows;
  if (phase)
    done = (await deps.jobs.progress(job.enterpriseNumber, job.jobId, phase)).reduce((n, c) => n + c.done, 0);
  else if (job.status === 'failed') done = 0;
  const shownPhase: JobPhase = phase ?? (job.kind === 'import' && !job.confirmedAt ? 'preview' : 'apply');
  return {
    jobId: job.jobId,
    kind: job.kind,
    status: job.status,
    rows: job.rows,
    fileName: job.fileName,
    createdAt: job.createdAt,
    createdBy: job.createdBy.name,
    confirmedAt: job.confirmedAt,
    finishedAt: job.finishedAt,
    progress: { phase: shownPhase, done, total: job.rows },
    summary: job.summary,
    failure: job.failure,
    ...(opts.rows
      ? {
          items: opts.rows.map((r) => ({
            row: r.line,
            nationalNumber: r.masked,
            name: r.name ?? null,
            preview: outcomeOf(r.invalid ? { outcome: 'error', errors: r.invalid } : r.preview),
            result: outcomeOf(r.result),
          })),
        }
      : {}),
  };
}

export async function getJob(deps: Deps, en: string, jobId: string, opts: { rows: boolean }) {
  const job = await requireJob(deps, en, jobId);
  return jobView(deps, job, { rows: opts.rows ? await deps.jobs.rows(en, jobId) : null });
}

// ---- the result file

const OUTCOME_LABELS: Record<RowOutcome['outcome'], string> = {
  new: 'Nieuw',
  present: 'Al aanwezig',
  error: 'Fout',
};

function what(o: RowOutcome, kind: Job['kind']): string {
  if (kind === 'extension') {
    if (o.outcome !== 'new') return '';
    const until = (o.endDate ?? '').split('-').reverse().join('/');
    return o.right ? `werkrelatie en gebruikersrechten tot ${until}` : `werkrelatie tot ${until}`;
  }
  return [o.person && 'persoon', o.relationship && 'werkrelatie', o.right && 'gebruikersrecht']
    .filter(Boolean)
    .join(', ');
}

/** A cell for Belgian Excel: quoted where needed, and never read as a formula. */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * The result file: a line per row with its number, the masked national number, the outcome (what the dry
 * run found, until the import is applied) and the errors. CSV for Belgian Excel as the audit export:
 * UTF-8 with BOM, `;`. No national number in full, no name, no address: the row number is the link.
 */
export async function jobResultFile(deps: Deps, en: string, jobId: string) {
  const job = await requireJob(deps, en, jobId);
  if (job.status === 'validating' || job.status === 'applying') {
    throw new ConflictError('bulk.running');
  }
  const rows = await deps.jobs.rows(en, jobId);
  const lines = [['Rij', 'Rijksregisternummer', 'Resultaat', 'Wat', 'Veld', 'Fout'].join(';')];
  for (const r of rows) {
    const o: RowOutcome | null = r.invalid
      ? { outcome: 'error', errors: r.invalid }
      : (r.result ?? r.preview ?? null);
    lines.push(
      [
        String(r.line),
        r.masked ?? '',
        o ? OUTCOME_LABELS[o.outcome] : 'Niet verwerkt',
        o ? what(o, job.kind) : '',
        o ? [...new Set(o.errors.map((e) => e.path).filter(Boolean))].join(', ') : '',
        o ? o.errors.map((e) => e.message).join(' ') : '',
      ]
        .map(cell)
        .join(';'),
    );
  }
  const name = job.kind === 'import' ? 'import' : 'verlenging';
  return {
    filename: `${name}-${en}-${job.jobId}.csv`,
    csv: `\uFEFF${lines.join('\r\n')}\r\n`,
  };
}
