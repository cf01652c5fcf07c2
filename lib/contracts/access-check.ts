/**
 * The relying portals' access check, in a module of its own and in zod/mini, so the check-access
 * function bundles only these schemas and not the whole administration API (nor classic zod, nor the
 * phone parser). `api.ts` re-exports it.
 */
import * as z from 'zod/mini';
import { msg } from '#lib/contracts/i18n';
import { zEnterpriseNumber, zNationalNumber } from '#lib/contracts/identifiers';

export const zRightId = z.string().check(z.trim(), z.minLength(1, msg('right.required')), z.maxLength(100));

export const zProfile = z
  .string(msg('profile.required'))
  .check(z.trim(), z.minLength(1, msg('profile.required')), z.maxLength(100));

export const AccessCheckRequest = z.strictObject({
  nationalNumber: zNationalNumber,
  enterpriseNumber: zEnterpriseNumber,
  right: zRightId,
  profile: zProfile,
});
