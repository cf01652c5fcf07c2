/**
 * The dependency direction, checked on the sources: the domain is pure and knows only itself; the use
 * cases know the domain (and its ports), never HTTP, an adapter or the composition root; the functions
 * reach adapters only through the runtime; the UI takes nothing from lib/ but the contracts. A new
 * import that breaks the direction fails here (this runs in `npm test`, so in CI).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));
}

/** Every module specifier a file imports or re-exports (static and dynamic). */
function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const found = [
    ...text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/gm),
    ...text.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm),
    ...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => m[1]!);
  // Relative specifiers become #lib/… so one rule covers both spellings.
  return found.map((spec) => {
    if (!spec.startsWith('.')) return spec;
    const target = relative(ROOT, resolve(ROOT, file, '..', spec)).replace(/\.tsx?$/, '');
    return target.startsWith('lib/') ? `#${target}` : target;
  });
}

function violations(dir: string, forbidden: (spec: string) => boolean): string[] {
  return sources(dir).flatMap((file) =>
    importsOf(file)
      .filter(forbidden)
      .map((spec) => `${file} imports ${spec}`),
  );
}

const AWS_OR_RUNTIME = /^(@aws-sdk\/|@aws-lambda-powertools\/|@middy\/|aws-lambda$)/;

describe('dependency direction', () => {
  it('finds the sources it checks', () => {
    expect(sources('lib/domain').length).toBeGreaterThan(10);
    expect(sources('lib/services').length).toBeGreaterThan(10);
    expect(importsOf('lib/services/relationships.ts')).toContain('#lib/domain/membership');
  });

  it('lib/domain imports only lib/domain and plain libraries: no AWS, no other layer', () => {
    expect(
      violations(
        'lib/domain',
        (s) => (s.startsWith('#lib/') && !s.startsWith('#lib/domain/')) || AWS_OR_RUNTIME.test(s),
      ),
    ).toEqual([]);
  });

  it('lib/services imports no HTTP, adapter or runtime module, and no AWS or middleware package', () => {
    expect(
      violations('lib/services', (s) => /^#lib\/(http|adapters|runtime)\//.test(s) || AWS_OR_RUNTIME.test(s)),
    ).toEqual([]);
  });

  it('functions/ import no adapter: the runtime wires them', () => {
    expect(violations('functions', (s) => s.startsWith('#lib/adapters/'))).toEqual([]);
  });

  it('lib/adapters import no use case, HTTP or runtime module', () => {
    expect(violations('lib/adapters', (s) => /^#lib\/(services|http|runtime)\//.test(s))).toEqual([]);
  });

  it('web/ takes nothing from lib/ but the contracts', () => {
    expect(
      violations(
        'web/src',
        (s) => (s.startsWith('#lib/') || s.startsWith('lib/')) && !/^#?lib\/contracts\//.test(s),
      ),
    ).toEqual([]);
  });

  it('a breaking import is caught (the check itself works)', () => {
    expect(importsOf('lib/runtime/deps.ts').some((s) => s.startsWith('#lib/adapters/'))).toBe(true);
  });
});
