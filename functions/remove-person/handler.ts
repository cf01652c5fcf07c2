import { PersonParams, RemovePersonRequest } from '#lib/contracts/api';
import { apiHandler } from '#lib/http/api-handler';
import { removePerson } from '#lib/services/persons';

/** Removes the person from the organisation; with `endRelationship`, their relationship and rights too. */
export const handler = apiHandler(
  { auth: 'user', admin: true, params: PersonParams, body: RemovePersonRequest, ifMatch: true },
  async ({ deps, params, body, actor, ifMatch }) => {
    const removal = await removePerson(
      deps,
      { ...params, actor, reason: body.reason },
      { endRelationship: body.endRelationship === true },
      ifMatch,
    );
    return { status: 200, body: removal };
  },
);
