/**
 * The relying portals' access check, in a module of its own so the check-access function bundles only
 * these schemas and not the whole administration API (nor the phone parser it needs). `api.ts`
 * re-exports it.
 */
import * as z from 'zod';
import { zEnterpriseNumber, zNationalNumber } from '#lib/contracts/common';

export const zRightId = z.string().trim().min(1, 'Kies een gebruikersrecht.').max(100);

export const zProfile = z
  .string({ error: 'Geef het profiel op.' })
  .trim()
  .min(1, 'Geef het profiel op.')
  .max(100);

export const AccessCheckRequest = z.strictObject({
  nationalNumber: zNationalNumber,
  enterpriseNumber: zEnterpriseNumber,
  right: zRightId,
  profile: zProfile,
});
