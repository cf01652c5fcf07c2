/**
 * Turns any error into an RFC 9457 problem response. Domain errors carry their own status, code and
 * Dutch message; infrastructure errors become 503 with Retry-After; anything else is a 500 that says
 * only a correlation id, so no stack trace or personal data ever leaves the function.
 */
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { DomainError, type FieldError } from '#lib/domain/errors';

const TYPE_BASE = 'https://gebruikersbeheer.vlaanderen.be/problemen/';

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  errors?: FieldError[];
  correlationId?: string;
}

export function problemResponse(
  body: Omit<ProblemBody, 'type'>,
  headers: Record<string, string> = {},
): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: body.status,
    headers: {
      'content-type': 'application/problem+json',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      ...headers,
    },
    body: JSON.stringify({ type: `${TYPE_BASE}${body.code}`, ...body }),
  };
}

const UNAVAILABLE_NAMES = new Set([
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'ThrottlingException',
  'TooManyRequestsException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'InternalServerError',
  'TimeoutError',
  'RequestTimeout',
]);
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** Is this a database or network failure that a retry later may cure? */
export function isUnavailable(error: unknown): boolean {
  let e: unknown = error;
  for (let depth = 0; e && depth < 5; depth++) {
    const err = e as {
      name?: string;
      code?: string;
      $metadata?: { httpStatusCode?: number };
      cause?: unknown;
    };
    if (err.name && UNAVAILABLE_NAMES.has(err.name)) return true;
    if (err.code && UNAVAILABLE_CODES.has(err.code)) return true;
    if (err.$metadata?.httpStatusCode && err.$metadata.httpStatusCode >= 500) return true;
    if (error instanceof AggregateError && error.errors.some(isUnavailable)) return true;
    e = err.cause;
  }
  return false;
}

export function errorToProblem(error: unknown, correlationId: string): APIGatewayProxyStructuredResultV2 {
  if (error instanceof DomainError) {
    const extra = error as DomainError & {
      errors?: FieldError[];
      retryAfterSeconds?: number;
      /** Extra members of the problem, e.g. the existing request of a 409. Never personal data. */
      extra?: Record<string, unknown>;
    };
    const headers: Record<string, string> = {};
    if (extra.retryAfterSeconds) headers['retry-after'] = String(extra.retryAfterSeconds);
    return problemResponse(
      {
        title: error.title,
        status: error.status,
        code: error.code,
        ...(error.detail ? { detail: error.detail } : {}),
        ...(extra.errors && extra.errors.length > 0 ? { errors: extra.errors } : {}),
        ...extra.extra,
      },
      headers,
    );
  }
  const name = (error as { name?: string } | null)?.name;
  if (name === 'IdempotencyValidationError') {
    return problemResponse({
      title: 'Sleutel hergebruikt',
      status: 422,
      code: 'idempotency-key-reused',
      detail: 'Deze Idempotency-Key werd al gebruikt voor een ander verzoek. Gebruik een nieuwe sleutel.',
    });
  }
  if (name === 'IdempotencyAlreadyInProgressError') {
    return problemResponse(
      {
        title: 'Verzoek loopt nog',
        status: 409,
        code: 'idempotency-in-progress',
        detail: 'Een verzoek met deze Idempotency-Key wordt nog verwerkt. Probeer zo dadelijk opnieuw.',
      },
      { 'retry-after': '1' },
    );
  }
  if (isUnavailable(error)) {
    return problemResponse(
      {
        title: 'Tijdelijk niet beschikbaar',
        status: 503,
        code: 'unavailable',
        detail: 'De dienst is tijdelijk niet bereikbaar. Probeer het over enkele seconden opnieuw.',
        correlationId,
      },
      { 'retry-after': '5' },
    );
  }
  return problemResponse({
    title: 'Onverwachte fout',
    status: 500,
    code: 'internal',
    detail: 'Er ging iets mis. Vermeld deze code als u de helpdesk contacteert.',
    correlationId,
  });
}
