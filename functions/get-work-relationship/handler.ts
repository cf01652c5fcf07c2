import { PersonParams } from '#lib/contracts/api';
import { apiHandler } from '#lib/http/api-handler';
import { getRelationship } from '#lib/services/persons';
import { relationshipView } from '#lib/services/views';

/** The work relationship on its own, with the ETag its PATCH and DELETE take (If-Match). */
export const handler = apiHandler(
  { auth: 'user', admin: true, readAhead: true, params: PersonParams },
  async ({ deps, params }) => {
    const relationship = await getRelationship(deps, params.enterpriseNumber, params.personId);
    return { status: 200, body: relationshipView(relationship), etag: relationship.version };
  },
);
