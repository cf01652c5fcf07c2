/**
 * Bulk work: a CSV import of persons (with their work relationship and optionally a right) and the bulk
 * extension of relationships and rights. Each is a *job*: its rows are stored with it, checked (the
 * import's dry run) and applied by the bulk workflow a chunk at a time, each row in a transaction of its
 * own, and each row's outcome is kept for the screen and the result file. Pure types and rules here.
 */
import { DomainError, type FieldError, fieldError, type ProblemText } from '#lib/domain/errors';
import type { ProblemDetailKey } from '#lib/domain/i18n/problems';
import type { GrantInput, RelationshipInput } from '#lib/domain/membership';
import type { Actor } from '#lib/domain/records';

/** At most this many rows (persons) in one job: more is refused as a whole (400). */
export const MAX_ROWS = 1000;
/** Rows per chunk: one workflow step applies one chunk, row after row (well within a Lambda's time). */
export const CHUNK_SIZE = 50;
/** Jobs hold personal data (the import's rows): they are removed this many days after they were made. */
export const JOB_KEEP_DAYS = 14;

export type JobKind = 'import' | 'extension';
/** `validating`: the dry run is checking rows; `previewed`: waiting for *Bevestig*; `applying`; `done`. */
export type JobStatus = 'validating' | 'previewed' | 'applying' | 'done' | 'failed';
/** The dry run (`preview`, the import only) or the real thing (`apply`). */
export type JobPhase = 'preview' | 'apply';

/**
 * What a row will do (the dry run) or did: `new` adds something (what, in the flags) or extends,
 * `present` finds everything there already and changes nothing, `error` changes nothing and says why.
 */
export interface RowOutcome {
  outcome: 'new' | 'present' | 'error';
  person?: boolean;
  relationship?: boolean;
  right?: boolean;
  /** The extension: the relationship's new end date. */
  endDate?: string;
  /** For `error`: per field (the CSV column's name for the import), the same codes and messages as the single routes. */
  errors: FieldError[];
}

/** One row of an import, as the contracts parsed it. */
export interface ImportRowInput {
  nationalNumber: string;
  relationship: RelationshipInput;
  grant: (GrantInput & { right: string }) | null;
}

export interface JobRow {
  /** Position in the job, from 0: the key's order. */
  index: number;
  /** What the person sees as the row number: the line in the file (the header is line 1), or the position. */
  line: number;
  /** The national number, masked (90.04.18-***.**): what the screen and the result file show. */
  masked: string | null;
  /** The import: the row's input (personal data: kept only as long as the job). */
  input?: ImportRowInput | null;
  /** The extension: the person. */
  personId?: string | null;
  name?: string | null;
  /** What the checks of the upload found already (the contracts, duplicates): the row is an error. */
  invalid?: FieldError[] | null;
  preview?: RowOutcome | null;
  result?: RowOutcome | null;
}

export interface JobSummary {
  new: number;
  present: number;
  error: number;
}

export interface ExtensionOptions {
  /** The new end date of every relationship; `null`: the longest allowed for each. */
  endDate: string | null;
  includeRights: boolean;
  reason: string | null;
}

export interface Job {
  jobId: string;
  enterpriseNumber: string;
  kind: JobKind;
  status: JobStatus;
  rows: number;
  chunks: number;
  /** The uploaded file's name (import), as a label. */
  fileName: string | null;
  createdAt: string;
  createdBy: Actor;
  confirmedAt: string | null;
  confirmedBy: Actor | null;
  finishedAt: string | null;
  options: ExtensionOptions | null;
  /** Of the dry run (`previewed`) or of the apply (`done`). */
  summary: JobSummary | null;
  /** Why the workflow stopped (`failed`): an error's name, never personal data. */
  failure: string | null;
  version: number;
}

/** A chunk's progress in a phase: rows done and what they came to. */
export interface ChunkProgress {
  chunk: number;
  phase: JobPhase;
  done: number;
  total: number;
  tally: JobSummary;
}

export const chunkCount = (rows: number): number => Math.ceil(rows / CHUNK_SIZE);

/** The rows (indexes) of a chunk. */
export function chunkRange(chunk: number, rows: number): { from: number; to: number } {
  return { from: chunk * CHUNK_SIZE, to: Math.min(rows, (chunk + 1) * CHUNK_SIZE) - 1 };
}

export const emptySummary = (): JobSummary => ({ new: 0, present: 0, error: 0 });

export function tallyOf(outcomes: (RowOutcome | null | undefined)[]): JobSummary {
  const tally = emptySummary();
  for (const o of outcomes) if (o) tally[o.outcome] += 1;
  return tally;
}

/** The phase a job's status is in, for its progress; `null` when nothing runs. */
export function runningPhase(status: JobStatus): JobPhase | null {
  if (status === 'validating') return 'preview';
  if (status === 'applying') return 'apply';
  return null;
}

/** 400 for a file that cannot be read as a whole: not CSV, no header, too many rows. Nothing is stored. */
export class ImportFileError extends DomainError {
  readonly status = 400;
  readonly titleKey = 'import-file';
  constructor(
    code: string,
    detail?: ProblemDetailKey | ProblemText,
    readonly errors: FieldError[] = [],
  ) {
    super(code, detail);
  }
}

export function tooManyRows(rows: number): ImportFileError {
  return new ImportFileError(
    'bulk.too-many-rows',
    { key: 'bulk.too-many-rows', params: { max: MAX_ROWS, rows } },
    [fieldError('rows', 'bulk.too-many-rows', 'bulk.too-many-rows', { max: MAX_ROWS })],
  );
}
