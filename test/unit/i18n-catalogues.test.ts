/**
 * The server's message catalogues (lib/domain/i18n): every text in all four languages with the same
 * parameters as its Dutch source, every error code thrown in lib/ and functions/ with a detail, every
 * field error's message there; and the negotiation of Accept-Language.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIELD_MESSAGES, fieldMessage } from '#lib/domain/i18n/field-messages';
import { interpolate, LANGUAGES, negotiateLanguage } from '#lib/domain/i18n/language';
import { PROBLEM_DETAILS, PROBLEM_TITLES } from '#lib/domain/i18n/problems';

const ROOT = resolve(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.ts$/.test(e.name))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));
}

const SERVER_SOURCES = [...sources('lib'), ...sources('functions')].map((file) => ({
  file,
  text: readFileSync(join(ROOT, file), 'utf8'),
}));

/** `{name}` and `{count, one|other}` names of a template, sorted. */
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)(?:,[^{}]*)?\}/g)].map((m) => m[1]).sort();

function checkCatalogue(catalogue: Record<string, Record<string, string>>) {
  const problems: string[] = [];
  for (const [key, texts] of Object.entries(catalogue)) {
    for (const language of LANGUAGES) {
      const text = texts[language];
      if (typeof text !== 'string' || text.trim() === '') problems.push(`${key}: no ${language}`);
      else if (placeholders(text).join() !== placeholders(texts.nl ?? '').join())
        problems.push(
          `${key}: ${language} has {${placeholders(text)}}, nl {${placeholders(texts.nl ?? '')}}`,
        );
    }
  }
  return problems;
}

describe('the catalogues', () => {
  it('have every problem title in nl, fr, en and de', () => {
    expect(Object.keys(PROBLEM_TITLES).length).toBeGreaterThan(10);
    expect(checkCatalogue(PROBLEM_TITLES)).toEqual([]);
  });

  it('have every problem detail in the four languages, with the parameters of the Dutch', () => {
    expect(Object.keys(PROBLEM_DETAILS).length).toBeGreaterThan(60);
    expect(checkCatalogue(PROBLEM_DETAILS)).toEqual([]);
  });

  it('have every field message in the four languages, with the parameters of the Dutch', () => {
    expect(Object.keys(FIELD_MESSAGES).length).toBeGreaterThan(80);
    expect(checkCatalogue(FIELD_MESSAGES)).toEqual([]);
  });

  it('tell a missing language or parameter (the check itself works)', () => {
    expect(checkCatalogue({ a: { nl: 'x {n}', fr: 'x', en: '', de: 'x {n}' } })).toEqual([
      'a: fr has {}, nl {n}',
      'a: no en',
    ]);
  });

  it('translate apart from the Dutch: no text is the Dutch one copied', () => {
    const all: Record<string, Record<string, string>> = { ...PROBLEM_DETAILS, ...FIELD_MESSAGES };
    const copied = Object.entries(all).filter(([, t]) => t.fr === t.nl || t.en === t.nl || t.de === t.nl);
    expect(copied.map(([key]) => key)).toEqual([]);
  });
});

describe('every error code thrown in lib/ and functions/', () => {
  // `new NotFoundError('task.not-found')`, `new BusinessRuleError('period.too-long', { key: … })`, …
  // A detail in a variable (`detail`) is typed as a catalogue key: the code's own entry is checked.
  const THROW =
    /new (\w+Error)\(\s*'([a-z0-9./-]+)'\s*(\)|,\s*('([^']+)'|\{ key: '([^']+)'|\{ fields|undefined|\w+))/g;
  const thrown = SERVER_SOURCES.flatMap(({ file, text }) =>
    [...text.matchAll(THROW)]
      .filter((m) => !['TransportError', 'Error'].includes(m[1] ?? ''))
      .map((m) =>
        // A registry's outage: `new RegistryUnavailableError('kbo', reason)` is `unavailable/kbo`.
        m[1] === 'RegistryUnavailableError'
          ? { file, code: 'unavailable', detail: `unavailable/${m[2]}` }
          : {
              file,
              code: m[2]!,
              detail: m[5] ?? m[6] ?? (m[4]?.startsWith('{ fields') ? 'fields' : null),
            },
      ),
  );

  it('are found (the scan works)', () => {
    const codes = new Set(thrown.map((t) => t.code));
    for (const code of [
      'task.not-found',
      'decision.invalid',
      'period.too-long',
      'person.exists',
      'review.not-open',
    ])
      expect(codes).toContain(code);
    expect(codes.size).toBeGreaterThan(40);
  });

  it('each has its detail in the problem catalogue, in every language', () => {
    const missing = thrown.filter(({ code, detail }) => {
      const key = detail === 'fields' ? null : (detail ?? code);
      return key !== null && !Object.hasOwn(PROBLEM_DETAILS, key);
    });
    expect(missing).toEqual([]);
    // And every code has a default detail of its own, so a client can look any code up.
    expect(thrown.filter(({ code }) => !Object.hasOwn(PROBLEM_DETAILS, code)).map((t) => t.code)).toEqual([]);
  });

  it('each field error made with fieldError has its message in the field catalogue', () => {
    // The key is the third argument, else the code; a key in a variable is typed (FieldMessageKey).
    const FIELD = /(?:fieldError|\bfield)\(\s*[^,()]+,\s*'([a-z0-9./-]+)'\s*(\)|,\s*'([a-z0-9./-]+)'|,)/g;
    const keys = SERVER_SOURCES.flatMap(({ text }) =>
      [...text.matchAll(FIELD)].flatMap((m) => (m[2] === ',' ? [] : [m[3] ?? m[1]!])),
    );
    expect(keys.length).toBeGreaterThan(15);
    expect(keys.filter((key) => !Object.hasOwn(FIELD_MESSAGES, key))).toEqual([]);
  });

  it('no Dutch detail is thrown as text any more: a detail is a key', () => {
    const literal = SERVER_SOURCES.flatMap(({ file, text }) =>
      [...text.matchAll(/new \w+Error\(\s*'[a-z0-9./-]+',\s*[`'"]([A-Z][^`'"]*\s[^`'"]*)[`'"]/g)].map(
        (m) => `${file}: ${m[1]}`,
      ),
    );
    expect(literal).toEqual([]);
  });
});

describe('Accept-Language', () => {
  it.each([
    [undefined, 'nl'],
    ['', 'nl'],
    ['fr', 'fr'],
    ['fr-BE,fr;q=0.9,nl;q=0.8', 'fr'],
    ['en-GB', 'en'],
    ['de-DE,de;q=0.9', 'de'],
    ['es-ES,es;q=0.9,en;q=0.5', 'en'],
    ['nl;q=0.2,de;q=0.8', 'de'],
    ['it', 'nl'],
    ['*', 'nl'],
    ['fr;q=0,en', 'en'],
    ['EN', 'en'],
  ])('%s → %s', (header, language) => {
    expect(negotiateLanguage(header)).toBe(language);
  });
});

describe('templates', () => {
  it('fill parameters per language: numbers, dates and lists', () => {
    expect(interpolate('{n} wijzigingen', { n: 10000 }, 'nl')).toBe('10.000 wijzigingen');
    expect(interpolate('{n} changes', { n: 10000 }, 'en')).toBe('10,000 changes');
    expect(interpolate('tot {d}', { d: { date: '2029-12-31' } }, 'nl')).toBe('tot 31/12/2029');
    expect(interpolate('bis {d}', { d: { date: '2029-12-31' } }, 'de')).toBe('bis 31.12.2029');
    expect(interpolate('{l}', { l: { list: ['a', 'b', 'c'] } }, 'fr')).toBe('a, b et c');
    expect(interpolate('{n, # dag|# dagen}', { n: 1 }, 'nl')).toBe('1 dag');
    expect(interpolate('{n, # jour|# jours}', { n: 0 }, 'fr')).toBe('0 jour');
    expect(interpolate('{n, # day|# days}', { n: 0 }, 'en')).toBe('0 days');
  });

  it('nest a field message in another, in the same language', () => {
    expect(fieldMessage('fr', 'period.start-date', { reason: { field: 'date.nonexistent' } })).toBe(
      'Date de début non valable : Cette date n’existe pas.',
    );
  });
});
