/**
 * Serves the built UI (web/dist) at `/` of the local stack, next to `/api` and `/idp`:
 * - `/config.json`: the UI's OpenID Connect and API settings for this stack (web/src/app/config.ts);
 * - files of web/dist with their content types; hashed `/assets/*` are cached for a year;
 * - any other path without a file extension gets index.html (the UI routes in the browser);
 * - every answer carries the security headers of infra/security-headers.ts (shared with CloudFront):
 *   a Content-Security-Policy of `default-src 'self'`
 *   (plus the identity provider's origin for the token exchange), `frame-ancestors 'none'`, nosniff,
 *   no referrer (the callback URL carries the authorization code).
 * Files are read per request, so `npm run build:web` shows up without a restart.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { WEB_CLIENT_ID } from '#infra/local/dev-idp';
import { securityHeaders as sharedSecurityHeaders } from '#infra/security-headers';

export interface StaticOptions {
  /** The built UI, normally `<repo>/web/dist`. */
  root: string;
  /** Where the stack serves, e.g. http://localhost:3000; the issuer is `${url}/idp`. */
  url: string;
  /** The stack's fixed "today", passed on to the UI's date defaults. */
  today?: string | undefined;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** Paths of the rest of the stack, never answered here. */
const NOT_OURS = /^\/(api|idp)(\/|$)/;

/** The security headers of infra/security-headers.ts, with the local identity provider's origin. */
export function securityHeaders(url: string): Record<string, string> {
  const idpOrigin = new URL(url).origin;
  return sharedSecurityHeaders({ connectSrc: [idpOrigin], formAction: [idpOrigin] });
}

/** Returns a request handler that answers UI paths and returns false for anything else. */
export function createStaticHandler(options: StaticOptions) {
  const root = resolve(options.root);
  const url = options.url.replace(/\/+$/, '');
  const headers = securityHeaders(url);
  const config = JSON.stringify({
    authority: `${url}/idp`,
    clientId: WEB_CLIENT_ID,
    apiBaseUrl: '/api',
    scope: 'openid profile',
    ...(options.today ? { today: options.today } : {}),
  });

  const send = (
    req: IncomingMessage,
    res: ServerResponse,
    status: number,
    type: string,
    body: string | Buffer,
    extra: Record<string, string> = {},
  ) => {
    res.writeHead(status, {
      ...headers,
      'content-type': type,
      'content-length': String(Buffer.byteLength(body)),
      ...extra,
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  };

  /** A file under root, or null (missing, a directory, or outside root). */
  const fileAt = async (path: string) => {
    const file = normalize(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) return null;
    try {
      const info = await stat(file);
      return info.isFile() ? { file, info } : null;
    } catch {
      return null;
    }
  };

  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      return false;
    }
    if (NOT_OURS.test(path)) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(req, res, 405, 'text/plain; charset=utf-8', 'Methode niet toegestaan', { allow: 'GET, HEAD' });
      return true;
    }
    if (path.includes('\0')) {
      send(req, res, 400, 'text/plain; charset=utf-8', 'Ongeldig pad');
      return true;
    }
    if (path === '/config.json') {
      send(req, res, 200, 'application/json; charset=utf-8', config, { 'cache-control': 'no-store' });
      return true;
    }

    const found = path.endsWith('/') ? null : await fileAt(path);
    if (found) {
      const etag = `W/"${found.info.size.toString(16)}-${Math.floor(found.info.mtimeMs).toString(16)}"`;
      const cache = path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
      const common = {
        ...headers,
        'content-type': CONTENT_TYPES[extname(found.file).toLowerCase()] ?? 'application/octet-stream',
        'cache-control': cache,
        etag,
      };
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, common);
        res.end();
        return true;
      }
      res.writeHead(200, { ...common, 'content-length': String(found.info.size) });
      if (req.method === 'HEAD') res.end();
      else createReadStream(found.file).pipe(res);
      return true;
    }

    // A missing file (with an extension) is a 404; anything else is a route of the UI.
    const last = path.slice(path.lastIndexOf('/') + 1);
    if (last.includes('.')) {
      send(req, res, 404, 'text/plain; charset=utf-8', 'Niet gevonden', { 'cache-control': 'no-cache' });
      return true;
    }
    try {
      const index = await readFile(join(root, 'index.html'));
      send(req, res, 200, 'text/html; charset=utf-8', index, { 'cache-control': 'no-cache' });
    } catch {
      send(
        req,
        res,
        503,
        'text/html; charset=utf-8',
        '<!doctype html><html lang="nl-BE"><meta charset="utf-8"><title>Gebruikersbeheer</title>' +
          '<h1>De gebruikersinterface is nog niet gebouwd</h1>' +
          '<p>Voer <code>npm run build:web</code> uit (of start met <code>npm start</code>, dat bouwt ze zelf) en laad deze pagina opnieuw.</p>',
        { 'cache-control': 'no-store' },
      );
    }
    return true;
  };
}
