import { apiHandler } from '#lib/http/api-handler';

/** Liveness: answers without touching the database, so it never costs a read. */
export const handler = apiHandler({ auth: 'none' }, async () => ({
  status: 200,
  body: { status: 'ok', service: 'gebruikersbeheer' },
}));
