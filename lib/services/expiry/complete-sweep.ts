/** Expiry step CompleteSweep (infra/workflows/expiry.asl.json): records the last day swept. */
import * as z from 'zod/mini';
import type { Deps } from '#lib/services/deps';
import { Day, emit, invalid } from '#lib/services/expiry/shared';

const CompleteSweepInput = z.object({ through: Day });

export async function completeSweep(
  deps: Deps,
  event: unknown,
): Promise<{ through: string; advanced: boolean }> {
  const parsed = CompleteSweepInput.safeParse(event);
  if (!parsed.success) throw invalid(parsed.error);
  const result = await deps.expiry.completeSweep(parsed.data.through, deps.clock().now);
  emit({ type: 'completed', ...result });
  return result;
}
