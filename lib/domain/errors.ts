/**
 * Domain errors. Services throw them; one HTTP middleware maps them to problem+json (RFC 9457).
 * Messages are Dutch and never contain personal data; `code` is stable for clients.
 */
export interface FieldError {
  path: string;
  code: string;
  message: string;
}

export abstract class DomainError extends Error {
  abstract readonly status: number;
  constructor(
    readonly code: string,
    readonly title: string,
    readonly detail?: string,
  ) {
    super(code);
    this.name = new.target.name;
  }
}

/** 400: the request is malformed or a field is invalid. */
export class ValidationError extends DomainError {
  readonly status = 400;
  constructor(
    readonly errors: FieldError[],
    detail = 'Eén of meer velden zijn ongeldig.',
  ) {
    super('validation-failed', 'Ongeldige invoer', detail);
  }
}

/** 401 */
export class UnauthenticatedError extends DomainError {
  readonly status = 401;
  constructor(detail = 'Meld u aan om verder te gaan.') {
    super('unauthenticated', 'Niet aangemeld', detail);
  }
}

/** 403 */
export class ForbiddenError extends DomainError {
  readonly status = 403;
  constructor(code = 'forbidden', detail = 'U heeft geen toegang tot deze organisatie.') {
    super(code, 'Geen toegang', detail);
  }
}

/** 404: unknown, or not yours (another organisation's data answers as if it did not exist). */
export class NotFoundError extends DomainError {
  readonly status = 404;
  constructor(code: string, detail: string) {
    super(code, 'Niet gevonden', detail);
  }
}

/** 409: uniqueness or state conflict. */
export class ConflictError extends DomainError {
  readonly status = 409;
  constructor(code: string, detail: string) {
    super(code, 'Conflict', detail);
  }
}

/** 412: If-Match does not match the current version. */
export class PreconditionFailedError extends DomainError {
  readonly status = 412;
  constructor(detail = 'Het item werd intussen gewijzigd. Herlaad en probeer opnieuw.') {
    super('version-mismatch', 'Verouderde versie', detail);
  }
}

/** 428: If-Match is required for this change. */
export class PreconditionRequiredError extends DomainError {
  readonly status = 428;
  constructor() {
    super(
      'if-match-required',
      'Versie vereist',
      'Geef de versie die u wijzigt mee in de If-Match-header (de ETag van het item).',
    );
  }
}

/** 422: a business rule is broken. */
export class BusinessRuleError extends DomainError {
  readonly status = 422;
  constructor(
    code: string,
    detail: string,
    readonly errors: FieldError[] = [],
  ) {
    super(code, 'Regel niet gerespecteerd', detail);
  }
}

/** 429: a limit on how often someone may do something was reached. */
export class TooManyRequestsError extends DomainError {
  readonly status = 429;
  constructor(
    code: string,
    detail: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(code, 'Te veel verzoeken', detail);
  }
}

/** 503: a dependency (registry, database) does not answer. */
export class UnavailableError extends DomainError {
  readonly status = 503;
  constructor(
    code: string,
    detail: string,
    readonly retryAfterSeconds = 5,
  ) {
    super(code, 'Tijdelijk niet beschikbaar', detail);
  }
}

export type Registry = 'national-register' | 'kbo';

const REGISTRY_DOWN: Record<Registry, string> = {
  'national-register':
    'Het rijksregister antwoordt momenteel niet. Er werd niets gewijzigd. Probeer het over enkele minuten opnieuw.',
  kbo: 'De KBO antwoordt momenteel niet. Er werd niets gewijzigd. Probeer het over enkele minuten opnieuw.',
};

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
    super('unavailable', REGISTRY_DOWN[registry], 30);
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

/** The outcome of a pure check: a value, or a stable code with a Dutch message. */
export type Check<T> = { ok: true; value: T } | { ok: false; code: string; message: string };
