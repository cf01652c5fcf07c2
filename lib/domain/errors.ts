/**
 * Domain errors. Services throw them; one HTTP middleware maps them to problem+json (RFC 9457).
 * An error carries its stable `code` and the key (with parameters) of its text in the catalogues of
 * lib/domain/i18n, so the API answers in the caller's language; `title` and `detail` are the Dutch
 * texts. Texts never contain personal data.
 */
import { type FieldMessageKey, fieldMessage } from '#lib/domain/i18n/field-messages';
import { DEFAULT_LANGUAGE, type Language, type MessageParams } from '#lib/domain/i18n/language';
import {
  isProblemDetailKey,
  type ProblemDetailKey,
  type ProblemTitleKey,
  problemDetail,
  problemTitle,
} from '#lib/domain/i18n/problems';

/** A field message by its key in the catalogue (lib/domain/i18n/field-messages.ts). */
export interface FieldText {
  key: FieldMessageKey;
  params?: MessageParams;
}

export interface FieldError {
  path: string;
  code: string;
  /** In Dutch; the API sends it in the caller's language when `text` is there. */
  message: string;
  text?: FieldText;
}

/** A field error whose message comes from the catalogue (by default the one keyed by its code). */
export function fieldError(
  path: string,
  code: string,
  key: FieldMessageKey = code as FieldMessageKey,
  params?: MessageParams,
): FieldError {
  return {
    path,
    code,
    message: fieldMessage(DEFAULT_LANGUAGE, key, params),
    text: params ? { key, params } : { key },
  };
}

/** A field error's message in a language. */
export function fieldErrorMessage(error: FieldError, language: Language): string {
  return error.text ? fieldMessage(language, error.text.key, error.text.params) : error.message;
}

/** A problem's detail: a catalogue entry with its parameters, or its field errors' messages in a row. */
export type ProblemText =
  | { key: ProblemDetailKey; params?: MessageParams }
  | { fields: readonly FieldError[] };

export abstract class DomainError extends Error {
  abstract readonly status: number;
  /** Which title of lib/domain/i18n/problems.ts `PROBLEM_TITLES`. */
  abstract readonly titleKey: ProblemTitleKey;
  /** The detail; without one given, the catalogue's entry for the code (if any). */
  readonly text: ProblemText | undefined;
  constructor(
    readonly code: string,
    detail?: ProblemDetailKey | ProblemText,
  ) {
    super(code);
    this.name = new.target.name;
    this.text =
      typeof detail === 'string'
        ? { key: detail }
        : (detail ?? (isProblemDetailKey(code) ? { key: code } : undefined));
  }

  titleIn(language: Language): string {
    return problemTitle(language, this.titleKey);
  }

  detailIn(language: Language): string | undefined {
    const text = this.text;
    if (!text) return undefined;
    if ('fields' in text) return text.fields.map((f) => fieldErrorMessage(f, language)).join(' ');
    return problemDetail(language, text.key, text.params);
  }

  /** The Dutch title. */
  get title(): string {
    return this.titleIn(DEFAULT_LANGUAGE);
  }

  /** The Dutch detail. */
  get detail(): string | undefined {
    return this.detailIn(DEFAULT_LANGUAGE);
  }
}

/** 400: the request is malformed or a field is invalid. */
export class ValidationError extends DomainError {
  readonly status = 400;
  readonly titleKey = 'validation';
  constructor(
    readonly errors: FieldError[],
    detail: ProblemDetailKey = 'validation-failed',
  ) {
    super('validation-failed', detail);
  }
}

/** 401 */
export class UnauthenticatedError extends DomainError {
  readonly status = 401;
  readonly titleKey = 'unauthenticated';
  constructor(detail: ProblemDetailKey = 'unauthenticated') {
    super('unauthenticated', detail);
  }
}

/** 403 */
export class ForbiddenError extends DomainError {
  readonly status = 403;
  readonly titleKey = 'forbidden';
  constructor(code = 'forbidden', detail?: ProblemDetailKey | ProblemText) {
    super(code, detail);
  }
}

/** 404: unknown, or not yours (another organisation's data answers as if it did not exist). */
export class NotFoundError extends DomainError {
  readonly status = 404;
  readonly titleKey = 'not-found';
}

/** 409: uniqueness or state conflict. */
export class ConflictError extends DomainError {
  readonly status = 409;
  readonly titleKey = 'conflict';
}

/** 410: something that was there has expired (a task whose request nobody decided in time). */
export class GoneError extends DomainError {
  readonly status = 410;
  readonly titleKey = 'gone';
}

/** 412: If-Match does not match the current version. */
export class PreconditionFailedError extends DomainError {
  readonly status = 412;
  readonly titleKey = 'version-mismatch';
  constructor() {
    super('version-mismatch');
  }
}

/** 428: If-Match is required for this change. */
export class PreconditionRequiredError extends DomainError {
  readonly status = 428;
  readonly titleKey = 'if-match-required';
  constructor() {
    super('if-match-required');
  }
}

/** 422: a business rule is broken. */
export class BusinessRuleError extends DomainError {
  readonly status = 422;
  readonly titleKey = 'business-rule';
  constructor(
    code: string,
    detail?: ProblemDetailKey | ProblemText,
    readonly errors: FieldError[] = [],
  ) {
    super(code, detail);
  }
}

/** 429: a limit on how often someone may do something was reached. */
export class TooManyRequestsError extends DomainError {
  readonly status = 429;
  readonly titleKey = 'too-many';
  constructor(
    code: string,
    detail?: ProblemDetailKey | ProblemText,
    readonly retryAfterSeconds?: number,
  ) {
    super(code, detail);
  }
}

/** 503: a dependency (registry, database) does not answer. */
export class UnavailableError extends DomainError {
  readonly status = 503;
  readonly titleKey = 'unavailable';
  constructor(
    code: string,
    detail?: ProblemDetailKey | ProblemText,
    readonly retryAfterSeconds = 5,
  ) {
    super(code, detail);
  }
}

export type Registry = 'national-register' | 'kbo';

/**
 * A registry (through MAGDA) is down, too slow, or answered with a fault: 503 `unavailable` with
 * Retry-After. `reason` is for the logs (a MAGDA code, `timeout`, `connection`), never personal data.
 */
export class RegistryUnavailableError extends UnavailableError {
  override name = 'RegistryUnavailableError';
  constructor(
    readonly registry: Registry,
    readonly reason: string,
  ) {
    super('unavailable', `unavailable/${registry}`, 30);
  }
}

/**
 * Someone else changed what a write was based on (a version moved, a marker was already there): the
 * use case reads again and retries (services/aggregate.ts `withRetry`), or reports 409.
 */
export class ConcurrentChangeError extends Error {
  constructor() {
    super('concurrent change');
    this.name = 'ConcurrentChangeError';
  }
}

/** A dependency did not answer (a database, a mail server): a workflow step is retried by its state machine. */
export class TransientError extends Error {
  override name = 'TransientError';
}

/**
 * The outcome of a pure check: a value, or a stable code with a Dutch message. The code is the key of
 * the message in lib/domain/i18n/field-messages.ts, with `params` for its values.
 */
export type Check<T> =
  | { ok: true; value: T }
  | { ok: false; code: string; message: string; params?: MessageParams };

/** A failed check with its catalogue message (the key is the code). */
export function failed<T>(code: FieldMessageKey, params?: MessageParams): Check<T> {
  return {
    ok: false,
    code,
    message: fieldMessage(DEFAULT_LANGUAGE, code, params),
    ...(params ? { params } : {}),
  };
}
