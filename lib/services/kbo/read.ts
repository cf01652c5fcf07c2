/**
 * The KBO as a use case reads it (an appointment, the local administrators' page, someone asking
 * access). When the answer says the enterprise is stopped and we had it as active, the stop is applied
 * at once (relationships paused, history, the e-mail owed), so the portal's access check reflects it
 * from this moment and not only after the next daily follow, which sends the e-mail. Applying it never
 * fails the read: if it cannot finish now, the daily follow does.
 */
import { BusinessRuleError } from '#lib/domain/errors';
import type { Enterprise } from '#lib/domain/ports';
import type { Deps } from '#lib/services/deps';
import { applyKboReading } from '#lib/services/kbo/apply';
import { askKbo } from '#lib/services/kbo/shared';

export async function readEnterprise(deps: Deps, enterpriseNumber: string): Promise<Enterprise | null> {
  const enterprise = await askKbo(deps, enterpriseNumber);
  if (enterprise?.status === 'stopped') {
    try {
      const org = await deps.organisations.get(enterpriseNumber);
      if (org && (org.kbo?.status !== 'stopped' || org.kboPausing)) {
        await applyKboReading(deps, enterprise, { date: deps.clock().today, org });
      }
    } catch (error) {
      deps.log.warn('KBO stop not applied yet', {
        enterpriseNumber,
        error: error instanceof Error ? error.name : 'unknown',
      });
    }
  }
  return enterprise;
}

/** Whether the person holds a KBO function for the enterprise today (read as above). */
export async function isLegalRepresentative(deps: Deps, enterpriseNumber: string, nationalNumber: string) {
  const enterprise = await readEnterprise(deps, enterpriseNumber);
  return (enterprise?.legalRepresentatives ?? []).some((r) => r.nationalNumber === nationalNumber);
}

/**
 * A work relationship cannot start or resume while the KBO has the enterprise as stopped (as we read it
 * last): it would give access through an enterprise that no longer acts. 422 `organisation.stopped`.
 */
export async function requireNotStopped(deps: Deps, enterpriseNumber: string): Promise<void> {
  const org = await deps.organisations.get(enterpriseNumber);
  if (org?.kbo?.status === 'stopped') {
    throw new BusinessRuleError('organisation.stopped');
  }
}
