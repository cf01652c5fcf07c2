import { AccessCheckRequest } from '#lib/contracts/access-check';
import { apiHandler } from '#lib/http/api-handler';
import { checkAccess } from '#lib/services/identity';

/**
 * For relying portals (client-credentials token with scope access/check): may this person act for
 * this organisation with this right and profile? One GetItem. An unknown person or organisation gets
 * the same answer as one without a grant, so the check reveals nothing else.
 */
export const handler = apiHandler(
  { auth: 'service', scope: 'access/check', body: AccessCheckRequest },
  async ({ deps, body }) => ({
    status: 200,
    body: await checkAccess(deps, {
      ...body,
      nationalNumber: body.nationalNumber.value,
      profile: body.profile,
    }),
  }),
);
