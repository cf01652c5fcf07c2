import { apiHandler } from '#lib/http/api-handler';

export const handler = apiHandler({ auth: 'user' }, async ({ deps }) => ({
  status: 200,
  body: { items: await deps.catalogue.list() },
}));
