/**
 * Expiry steps RecordFailure and RecordDigestFailure (the Maps' catches, infra/workflows/expiry.asl.json):
 * report an item, or an organisation's digests, that failed for good, so one bad item does not stop the
 * day; what failed only for the moment fails the run, and the next one covers the day again.
 */
import * as z from 'zod/mini';
import type { DueItem } from '#lib/domain/expiry';
import { type CaughtError, failureMessage } from '#lib/services/access-requests/shared';
import type { Deps } from '#lib/services/deps';
import { Day, emit, invalid, itemKey } from '#lib/services/expiry/shared';

const CaughtErrorInput = z.optional(
  z.looseObject({ Error: z.optional(z.string()), Cause: z.optional(z.string()) }),
);

const RecordFailureInput = z.union([
  // A due item (HandleItem's catch).
  z.looseObject({
    kind: z.enum(['relationship', 'grant']),
    enterpriseNumber: z.string().check(z.regex(/^\d{10}$/)),
    personId: z.string().check(z.minLength(1)),
    grantId: z.optional(z.string()),
    date: Day,
    error: CaughtErrorInput,
  }),
  // An organisation's digests (SendDigest's catch): `{enterpriseNumber, date, from, weekly, error}`.
  z.looseObject({
    enterpriseNumber: z.string().check(z.regex(/^\d{10}$/)),
    date: Day,
    weekly: z.boolean(),
    error: CaughtErrorInput,
  }),
]);

/**
 * The Map's catch for one item that failed for good (bad data, a bug): reported for the day, so the
 * rest of the day and the record of the day swept go on. Only ids and the error's code are kept.
 */
export async function recordSweepFailure(deps: Deps, event: unknown): Promise<{ recorded: true }> {
  const parsed = RecordFailureInput.safeParse(event);
  if (!parsed.success) throw invalid(parsed.error);
  if (!('kind' in parsed.data)) return recordDigestFailure(deps, parsed.data);
  const item = parsed.data as unknown as DueItem & { error?: CaughtError };
  const { code, message } = failureMessage(item.error, 'Kon door een technische fout niet verwerkt worden.');
  await deps.expiry.recordFailure({
    date: item.date,
    itemKey: itemKey(item),
    enterpriseNumber: item.enterpriseNumber,
    reason: 'failed',
    code,
    detail: message,
    at: deps.clock().now,
  });
  deps.log.error('due item not handled', { code, kind: item.kind });
  emit({ type: 'failed', item, code });
  return { recorded: true };
}

/** An organisation whose digests failed for good: reported for the day (its number and the code). */
async function recordDigestFailure(
  deps: Deps,
  input: { enterpriseNumber: string; date: string; error?: CaughtError | undefined },
): Promise<{ recorded: true }> {
  const { code, message } = failureMessage(
    input.error,
    'Het overzicht kon door een technische fout niet verstuurd worden.',
  );
  await deps.expiry.recordFailure({
    date: input.date,
    itemKey: `DIGEST#${input.enterpriseNumber}`,
    enterpriseNumber: input.enterpriseNumber,
    reason: 'failed',
    code,
    detail: message,
    at: deps.clock().now,
  });
  deps.log.error('digest not sent', { code });
  emit({ type: 'digest-failed', enterpriseNumber: input.enterpriseNumber, code });
  return { recorded: true };
}
