import { PersonParams, UpdatePersonRequest } from '#lib/contracts/api';
import { apiHandler } from '#lib/http/api-handler';
import { editPerson } from '#lib/services/persons';
import { personPage } from '#lib/services/views';

/** *Bewerk gegevens*: nickname and initials (If-Match: the person's version); the register's details stay. */
export const handler = apiHandler(
  { auth: 'user', admin: true, params: PersonParams, body: UpdatePersonRequest, ifMatch: true },
  async ({ deps, params, body, actor, ifMatch }) => {
    const { reason, ...edit } = body;
    const agg = await editPerson(deps, { ...params, actor, reason }, edit, ifMatch);
    return { status: 200, body: personPage(agg, deps.clock().today), etag: agg.membership.version };
  },
);
