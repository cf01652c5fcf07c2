import { routes } from '#functions/routes';
import { openApiDocument } from '#lib/contracts/openapi';
import { apiHandler } from '#lib/http/api-handler';

// Built once per cold start: the document depends only on code.
const document = openApiDocument(routes);

export const handler = apiHandler({ auth: 'none' }, async () => ({ status: 200, body: document }));
