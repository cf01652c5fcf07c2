/**
 * The UI's security headers, one source for both places that serve it: the local stack
 * (infra/local/static.ts) and CloudFront's response headers policy (infra/stacks/hosting-stack.ts).
 * The UI has no inline scripts or styles, so everything is `'self'`; only `connect-src` (the identity
 * provider's token endpoint, the API when it lives elsewhere) and `form-action` differ per place.
 *
 * Values may hold CDK tokens (the API's URL, the region): they are joined as strings and resolved by
 * CloudFormation.
 */

export interface CspSources {
  /** Origins the UI may `fetch` besides its own (identity provider, API). */
  connectSrc?: readonly string[];
  /** Origins forms may post to besides the UI's own. */
  formAction?: readonly string[];
}

const withSelf = (sources: readonly string[] = []): string => ["'self'", ...sources].join(' ');

/** The directives that hold everywhere; `connect-src` and `form-action` get the extra origins. */
export function contentSecurityPolicy(sources: CspSources = {}): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${withSelf(sources.connectSrc)}`,
    `form-action ${withSelf(sources.formAction)}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join('; ');
}

/**
 * Only `connect-src`, for a `<meta http-equiv="Content-Security-Policy">` in index.html: a second
 * policy the browser enforces on top of the header's, to narrow what a header written before the
 * targets existed had to allow (see the hosting stack). A meta policy cannot carry frame-ancestors.
 */
export const connectOnlyPolicy = (connectSrc: readonly string[]): string =>
  `connect-src ${withSelf(connectSrc)}`;

/** No referrer: the callback URL carries the authorization code. */
export const REFERRER_POLICY = 'no-referrer';
export const CROSS_ORIGIN_OPENER_POLICY = 'same-origin';
export const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), payment=()';
/** Two years, subdomains included (CloudFront only; the local stack speaks plain HTTP). */
export const HSTS_MAX_AGE_SECONDS = 63_072_000;

/** The headers as the local stack sends them (lower-case names). */
export function securityHeaders(sources: CspSources = {}): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(sources),
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': REFERRER_POLICY,
    'cross-origin-opener-policy': CROSS_ORIGIN_OPENER_POLICY,
    'permissions-policy': PERMISSIONS_POLICY,
  };
}
