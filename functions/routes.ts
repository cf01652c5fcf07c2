/**
 * The one route table. The CDK stack creates one Lambda function and one HTTP API route per entry,
 * and the local gateway dispatches requests with the very same entries, so the two cannot drift.
 *
 * - `fn` is the folder under `functions/` whose `handler.ts` exports `handler`.
 * - `auth`: `none` (public), `user` (a person's access token), `service` (client-credentials token with
 *   the scope named in `scope`).
 * - `data`: what the function needs from the table, for least-privilege grants in CDK.
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Route {
  method: HttpMethod;
  path: string;
  fn: string;
  auth: 'none' | 'user' | 'service';
  scope?: string;
  data: 'none' | 'read' | 'write';
}

const org = '/api/organisations/{enterpriseNumber}';
const person = `${org}/persons/{personId}`;

export const routes: readonly Route[] = [
  { method: 'GET', path: '/api/health', fn: 'health', auth: 'none', data: 'none' },
  { method: 'GET', path: '/api/openapi.json', fn: 'openapi', auth: 'none', data: 'none' },
  { method: 'GET', path: '/api/rights', fn: 'list-rights', auth: 'user', data: 'read' },
  {
    method: 'POST',
    path: `${org}/national-register-lookups`,
    fn: 'lookup-national-register',
    auth: 'user',
    data: 'read',
  },
  { method: 'POST', path: `${org}/persons`, fn: 'add-person', auth: 'user', data: 'write' },
  { method: 'GET', path: `${org}/persons`, fn: 'list-persons', auth: 'user', data: 'read' },
  { method: 'GET', path: person, fn: 'get-person', auth: 'user', data: 'read' },
  {
    method: 'POST',
    path: `${person}/work-relationship`,
    fn: 'create-work-relationship',
    auth: 'user',
    data: 'write',
  },
  {
    method: 'PATCH',
    path: `${person}/work-relationship`,
    fn: 'update-work-relationship',
    auth: 'user',
    data: 'write',
  },
  {
    method: 'DELETE',
    path: `${person}/work-relationship`,
    fn: 'delete-work-relationship',
    auth: 'user',
    data: 'write',
  },
  {
    method: 'POST',
    path: `${person}/work-relationship/extension`,
    fn: 'extend-work-relationship',
    auth: 'user',
    data: 'write',
  },
  {
    method: 'POST',
    path: `${person}/work-relationship/pause`,
    fn: 'pause-work-relationship',
    auth: 'user',
    data: 'write',
  },
  {
    method: 'POST',
    path: `${person}/work-relationship/resume`,
    fn: 'resume-work-relationship',
    auth: 'user',
    data: 'write',
  },
  { method: 'POST', path: `${person}/rights`, fn: 'grant-right', auth: 'user', data: 'write' },
  { method: 'PATCH', path: `${person}/rights/{grantId}`, fn: 'update-grant', auth: 'user', data: 'write' },
  { method: 'DELETE', path: `${person}/rights/{grantId}`, fn: 'revoke-grant', auth: 'user', data: 'write' },
  { method: 'GET', path: `${person}/history`, fn: 'get-history', auth: 'user', data: 'read' },
  { method: 'GET', path: `${org}/comparison`, fn: 'compare-persons', auth: 'user', data: 'read' },
  { method: 'POST', path: `${org}/quick-grants`, fn: 'quick-grant', auth: 'user', data: 'write' },
];

/** `functions/<fn>/handler.ts`, relative to the repository root. */
export const handlerPath = (route: Pick<Route, 'fn'>): string => `functions/${route.fn}/handler.ts`;
