/**
 * The local stack serves the built UI at `/` next to /api and /idp: files with their content types and
 * caching, the SPA fallback, /config.json with the stack's own OpenID Connect settings, and the
 * security headers on every answer.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '#infra/local/stack';
import { useUiStack } from '../support/ui.ts';

describe('the UI served by the local stack', () => {
  const ui = useUiStack();
  const get = (path: string, init?: RequestInit) =>
    fetch(`${ui.stack.url}${path}`, { redirect: 'manual', ...init });

  const expectSecurityHeaders = (res: Response) => {
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  };

  it('serves index.html at / and, as the SPA fallback, at any route of the UI', async () => {
    for (const path of [
      '/',
      '/organisaties',
      '/o/0795012394/personen/nieuw',
      '/auth/callback?code=x&state=y',
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expectSecurityHeaders(res);
      const html = await res.text();
      expect(html).toContain('<html lang="nl-BE">');
      expect(html).toMatch(/<script type="module" crossorigin src="\/assets\/index-[\w-]+\.js">/);
    }
  });

  it('serves the hashed assets with their content type, cached for a year, and answers 304 to a known ETag', async () => {
    const assets = await readdir(join(ROOT, 'web/dist/assets'));
    const js = assets.find((f) => f.endsWith('.js'))!;
    const css = assets.find((f) => f.endsWith('.css'))!;
    const script = await get(`/assets/${js}`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expectSecurityHeaders(script);
    const etag = script.headers.get('etag')!;
    expect((await get(`/assets/${js}`, { headers: { 'if-none-match': etag } })).status).toBe(304);
    const style = await get(`/assets/${css}`);
    expect(style.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect((await get('/favicon.ico')).headers.get('content-type')).toBe('image/x-icon');
  });

  it('answers 404 for a missing file, never index.html, and refuses paths outside web/dist', async () => {
    expect((await get('/assets/nope.js')).status).toBe(404);
    expect((await get('/robots.txt')).status).toBe(404);
    for (const path of [
      '/..%2Fpackage.json',
      '/assets/..%2F..%2F..%2Fpackage.json',
      '/%2e%2e/%2e%2e/package.json',
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(await res.text()).not.toContain('"name": "gebruikersbeheer"');
    }
  });

  it('serves /config.json with the stack issuer, the public web client and the API path', async () => {
    const res = await get('/config.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({
      authority: `${ui.stack.url}/idp`,
      clientId: 'gebruikersbeheer-web',
      apiBaseUrl: '/api',
      scope: 'openid profile',
    });
    const discovery = (await (await get('/idp/.well-known/openid-configuration')).json()) as {
      issuer: string;
    };
    expect(discovery.issuer).toBe(`${ui.stack.url}/idp`);
  });

  it('leaves /api and /idp to the gateway and the identity provider, and takes only GET and HEAD', async () => {
    const health = await get('/api/health');
    expect(health.headers.get('content-type')).toContain('application/json');
    expect((await get('/api/nope')).headers.get('content-type')).toContain('application/problem+json');
    expect((await get('/', { method: 'HEAD' })).status).toBe(200);
    const post = await get('/organisaties', { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });
});
