/**
 * Turns any error into an RFC 9457 problem response, in the caller's language. Domain errors carry their
 * own status, code and the key of their text; infrastructure errors become 503 with Retry-After;
 * anything else is a 500 that says only a correlation id, so no stack trace or personal data ever
 * leaves the function.
 */
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { DomainError, type FieldError, fieldErrorMessage } from '#lib/domain/errors';
import { DEFAULT_LANGUAGE, type Language } from '#lib/domain/i18n/language';
import {
  type ProblemDetailKey,
  type ProblemTitleKey,
  problemDetail,
  problemTitle,
} from '#lib/domain/i18n/problems';

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

/** A problem of the catalogue (lib/domain/i18n/problems.ts) in a language. */
function catalogueProblem(
  language: Language,
  status: number,
  code: string,
  title: ProblemTitleKey,
  detail: ProblemDetailKey,
  extra: Partial<ProblemBody> = {},
) {
  return {
    title: problemTitle(language, title),
    status,
    code,
    detail: problemDetail(language, detail),
    ...extra,
  };
}

/**
 * The problem response of an error, in `language` (negotiated from Accept-Language; Dutch by default):
 * title, detail and the field errors' messages. The code is the same in every language.
 */
export function errorToProblem(
  error: unknown,
  correlationId: string,
  language: Language = DEFAULT_LANGUAGE,
): APIGatewayProxyStructuredResultV2 {
  if (error instanceof DomainError) {
    const extra = error as DomainError & {
      errors?: FieldError[];
      retryAfterSeconds?: number;
      /** Extra members of the problem, e.g. the existing request of a 409. Never personal data. */
      extra?: Record<string, unknown>;
    };
    const headers: Record<string, string> = { 'content-language': language };
    if (extra.retryAfterSeconds) headers['retry-after'] = String(extra.retryAfterSeconds);
    const detail = error.detailIn(language);
    return problemResponse(
      {
        title: error.titleIn(language),
        status: error.status,
        code: error.code,
        ...(detail ? { detail } : {}),
        ...(extra.errors && extra.errors.length > 0
          ? {
              errors: extra.errors.map((e) => ({
                path: e.path,
                code: e.code,
                message: fieldErrorMessage(e, language),
              })),
            }
          : {}),
        ...extra.extra,
      },
      headers,
    );
  }
  const headers = { 'content-language': language };
  const name = (error as { name?: string } | null)?.name;
  if (name === 'IdempotencyValidationError') {
    return problemResponse(
      catalogueProblem(
        language,
        422,
        'idempotency-key-reused',
        'idempotency-key-reused',
        'idempotency-key-reused',
      ),
      headers,
    );
  }
  if (name === 'IdempotencyAlreadyInProgressError') {
    return problemResponse(
      catalogueProblem(
        language,
        409,
        'idempotency-in-progress',
        'idempotency-in-progress',
        'idempotency-in-progress',
      ),
      { ...headers, 'retry-after': '1' },
    );
  }
  if (isUnavailable(error)) {
    return problemResponse(
      catalogueProblem(language, 503, 'unavailable', 'unavailable', 'unavailable', { correlationId }),
      { ...headers, 'retry-after': '5' },
    );
  }
  return problemResponse(
    catalogueProblem(language, 500, 'internal', 'internal', 'internal', { correlationId }),
    headers,
  );
}
