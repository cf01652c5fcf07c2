/**
 * The one route table. The CDK stack creates one Lambda function and one HTTP API route per entry,
 * and the local gateway dispatches requests with the very same entries, so the two cannot drift.
 *
 * - `fn` is the folder under `functions/` whose `handler.ts` exports `handler`.
 * - `auth`: `none` (public), `user` (a person's access token), `service` (client-credentials token with
 *   the scope named in `scope`).
 * - `data`: what the function needs from the table, for least-privilege grants in CDK.
 * - `registries`: asks the national register or the KBO (MAGDA's settings and certificate in CDK; its
 *   handler imports `#lib/runtime/registries-adapter`, which `npm run bench` checks).
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Route {
  method: HttpMethod;
  path: string;
  fn: string;
  auth: 'none' | 'user' | 'service';
  scope?: string;
  data: 'none' | 'read' | 'write';
  registries?: boolean;
  /** Route-level throttling (requests per second, burst), for public routes. */
  throttle?: { rateLimit: number; burstLimit: number };
}

const org = '/api/organisations/{enterpriseNumber}';
const helpdesk = '/api/helpdesk/organisations/{enterpriseNumber}';
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
    // The register's answer is kept in the table for a while.
    data: 'write',
    registries: true,
  },
  { method: 'POST', path: `${org}/persons`, fn: 'add-person', auth: 'user', data: 'write', registries: true },
  { method: 'GET', path: `${org}/persons`, fn: 'list-persons', auth: 'user', data: 'read' },
  { method: 'GET', path: person, fn: 'get-person', auth: 'user', data: 'read' },
  { method: 'PATCH', path: person, fn: 'update-person', auth: 'user', data: 'write' },
  { method: 'DELETE', path: person, fn: 'remove-person', auth: 'user', data: 'write' },
  {
    method: 'POST',
    path: `${person}/work-relationship`,
    fn: 'create-work-relationship',
    auth: 'user',
    data: 'write',
  },
  {
    method: 'GET',
    path: `${person}/work-relationship`,
    fn: 'get-work-relationship',
    auth: 'user',
    data: 'read',
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
  { method: 'GET', path: `${person}/rights/{grantId}`, fn: 'get-grant', auth: 'user', data: 'read' },
  { method: 'PATCH', path: `${person}/rights/{grantId}`, fn: 'update-grant', auth: 'user', data: 'write' },
  { method: 'DELETE', path: `${person}/rights/{grantId}`, fn: 'revoke-grant', auth: 'user', data: 'write' },
  { method: 'GET', path: `${person}/history`, fn: 'get-history', auth: 'user', data: 'read' },
  { method: 'GET', path: `${person}/accounts`, fn: 'get-person-accounts', auth: 'user', data: 'read' },
  { method: 'GET', path: `${org}/comparison`, fn: 'compare-persons', auth: 'user', data: 'read' },
  { method: 'GET', path: `${org}/audit`, fn: 'list-audit', auth: 'user', data: 'read' },
  { method: 'GET', path: `${org}/audit/export`, fn: 'export-audit', auth: 'user', data: 'read' },
  // The helpdesk reads (and records each read in the organisation's audit trail: `write`).
  {
    method: 'GET',
    path: helpdesk,
    fn: 'helpdesk-organisation',
    auth: 'user',
    data: 'write',
    registries: true,
  },
  {
    method: 'GET',
    path: `${helpdesk}/persons/{personId}`,
    fn: 'helpdesk-person',
    auth: 'user',
    data: 'write',
    registries: true,
  },
  {
    method: 'GET',
    path: `${helpdesk}/persons/{personId}/access`,
    fn: 'helpdesk-access-check',
    auth: 'user',
    data: 'write',
    registries: true,
  },
  { method: 'GET', path: `${org}/reviews`, fn: 'list-reviews', auth: 'user', data: 'read' },
  { method: 'POST', path: `${org}/reviews`, fn: 'start-review', auth: 'user', data: 'write' },
  {
    method: 'PUT',
    path: `${org}/reviews/settings`,
    fn: 'update-review-settings',
    auth: 'user',
    data: 'write',
  },
  { method: 'GET', path: `${org}/reviews/{campaignId}`, fn: 'get-review', auth: 'user', data: 'read' },
  {
    method: 'POST',
    path: `${org}/reviews/{campaignId}/answers`,
    fn: 'answer-review-line',
    auth: 'user',
    data: 'write',
  },
  {
    method: 'POST',
    path: `${org}/reviews/{campaignId}/keep-remaining`,
    fn: 'keep-remaining-review-lines',
    auth: 'user',
    data: 'write',
  },
  {
    method: 'GET',
    path: `${org}/rights/{rightId}/holders`,
    fn: 'list-right-holders',
    auth: 'user',
    data: 'read',
  },
  // Bulk work: the CSV import (its dry run, then Bevestig) and the bulk extension, run by the bulk workflow.
  { method: 'POST', path: `${org}/imports`, fn: 'create-import', auth: 'user', data: 'write' },
  {
    method: 'POST',
    path: `${org}/imports/{jobId}/confirm`,
    fn: 'confirm-import',
    auth: 'user',
    data: 'write',
  },
  { method: 'POST', path: `${org}/extensions`, fn: 'create-extension', auth: 'user', data: 'write' },
  { method: 'GET', path: `${org}/jobs/{jobId}`, fn: 'get-job', auth: 'user', data: 'read' },
  { method: 'GET', path: `${org}/jobs/{jobId}/result`, fn: 'export-job-result', auth: 'user', data: 'read' },
  {
    method: 'POST',
    path: `${org}/quick-grants`,
    fn: 'quick-grant',
    auth: 'user',
    data: 'write',
    registries: true,
  },
  { method: 'GET', path: '/api/me', fn: 'get-me', auth: 'user', data: 'write', registries: true },
  { method: 'GET', path: '/api/me/preferences', fn: 'get-preferences', auth: 'user', data: 'read' },
  { method: 'PUT', path: '/api/me/preferences', fn: 'update-preferences', auth: 'user', data: 'write' },
  {
    method: 'GET',
    path: '/api/me/access',
    fn: 'get-my-access',
    auth: 'user',
    data: 'read',
    registries: true,
  },
  {
    method: 'GET',
    path: '/api/public/enterprises/{enterpriseNumber}/legal-representatives',
    fn: 'get-legal-representatives',
    auth: 'none',
    data: 'none',
    registries: true,
    throttle: { rateLimit: 5, burstLimit: 10 },
  },
  {
    method: 'GET',
    path: `${org}/local-admins`,
    fn: 'list-local-admins',
    auth: 'user',
    // Reading the KBO here may find the enterprise stopped, which is applied at once (lib/services/kbo/read.ts).
    data: 'write',
    registries: true,
  },
  {
    method: 'POST',
    path: `${org}/local-admins`,
    fn: 'appoint-local-admin',
    auth: 'user',
    data: 'write',
    registries: true,
  },
  {
    method: 'DELETE',
    path: `${org}/local-admins/{personId}`,
    fn: 'remove-local-admin',
    auth: 'user',
    data: 'write',
    registries: true,
  },
  {
    method: 'POST',
    path: '/api/me/access-requests',
    fn: 'request-access',
    auth: 'user',
    data: 'write',
    registries: true,
  },
  { method: 'GET', path: '/api/me/access-requests', fn: 'list-my-requests', auth: 'user', data: 'read' },
  { method: 'GET', path: `${org}/tasks`, fn: 'list-tasks', auth: 'user', data: 'read' },
  {
    method: 'POST',
    path: `${org}/tasks/{taskId}/decision`,
    fn: 'decide-task',
    auth: 'user',
    data: 'write',
    registries: true,
  },
  {
    method: 'POST',
    path: '/api/access-checks',
    fn: 'check-access',
    auth: 'service',
    scope: 'access/check',
    data: 'read',
  },
];

/** `functions/<fn>/handler.ts`, relative to the repository root. */
export const handlerPath = (route: Pick<Route, 'fn'>): string => `functions/${route.fn}/handler.ts`;
