/**
 * The UI's four languages (web/src/i18n): every Dutch key in French, English and German, with the same
 * values, plurals and elements; and no Dutch left hard-coded in a screen or component (JSX text, a
 * user-facing prop, or a Dutch phrase in a string), found with the TypeScript parser.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { de } from '../../web/src/i18n/de.ts';
import { en } from '../../web/src/i18n/en.ts';
import { fr } from '../../web/src/i18n/fr.ts';
import { nl } from '../../web/src/i18n/nl.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/** Every leaf of a catalogue as `namespace.key.sub` → text. */
function leaves(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof child === 'string') out.set(path, child);
    else for (const [k, v] of leaves(child, path)) out.set(k, v);
  }
  return out;
}

/** `{{value}}` names and `<element>` names of a text, sorted: what a translation must keep. */
const slots = (text: string) =>
  [
    ...[...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => `{{${m[1]}}}`),
    ...[...text.matchAll(/<(\w+)>/g)].map((m) => `<${m[1]}>`),
  ].sort();

function compare(language: Record<string, unknown>): string[] {
  const source = leaves(nl);
  const target = leaves(language);
  const problems: string[] = [];
  for (const [key, text] of source) {
    const translated = target.get(key);
    if (translated === undefined) problems.push(`missing: ${key}`);
    else if (translated.trim() === '' && text.trim() !== '') problems.push(`empty: ${key}`);
    else if (slots(translated).join() !== slots(text).join())
      problems.push(`${key}: has ${slots(translated)} but Dutch ${slots(text)}`);
  }
  for (const key of target.keys()) if (!source.has(key)) problems.push(`not in Dutch: ${key}`);
  return problems;
}

describe('the UI catalogues', () => {
  it('have texts in every namespace', () => {
    expect(leaves(nl).size).toBeGreaterThan(500);
    expect(Object.keys(nl)).toEqual(
      expect.arrayContaining(['common', 'layout', 'person', 'tasks', 'review']),
    );
  });

  it.each([
    ['fr', fr],
    ['en', en],
    ['de', de],
  ])('%s has every Dutch key, with the same values and elements', (_name, catalogue) => {
    expect(compare(catalogue)).toEqual([]);
  });

  it('tell a missing key or value (the check itself works)', () => {
    const broken = structuredClone(fr) as unknown as { common: Record<string, unknown> };
    delete broken.common.save;
    broken.common.cancel = 'Annuler {{oops}}';
    expect(compare(broken)).toEqual(['common.cancel: has {{oops}} but Dutch ', 'missing: common.save']);
  });

  it('name their elements so that <Trans> fills them: no HTML void element (<link> stays empty)', () => {
    const VOID = new Set([
      'area',
      'base',
      'br',
      'col',
      'embed',
      'hr',
      'img',
      'input',
      'link',
      'meta',
      'source',
      'track',
      'wbr',
    ]);
    const used = [...leaves(nl).values()].flatMap((text) => [...text.matchAll(/<(\w+)>/g)].map((m) => m[1]!));
    expect(used).toContain('strong');
    expect(used.filter((tag) => VOID.has(tag))).toEqual([]);
  });

  it('are translated: no language is the Dutch copied', () => {
    // What is the same in every language: names, and texts that are only values.
    const SAME = new Set(['common.appName', 'layout.pageTitle']);
    const words = (text: string) => text.replace(/\{\{\s*\w+\s*\}\}|<\/?\w+>/g, '').replace(/[^\p{L}]/gu, '');
    for (const catalogue of [fr, en, de]) {
      const target = leaves(catalogue);
      const copied = [...leaves(nl)].filter(
        ([key, text]) => !SAME.has(key) && words(text).length > 12 && target.get(key) === text,
      );
      expect(copied.map(([key]) => key)).toEqual([]);
    }
  });
});

// ---- hard-coded Dutch in the screens ---------------------------------------------------------------

/** Words that make a phrase Dutch (none of them an English word). */
const DUTCH_WORDS = new Set(
  `de het een van en te met voor niet geen uw zijn wordt werd dit deze die dat naar bij ook nog kan moet
  heeft hebben hier wat wie waar hoe als dan maar tot sinds zonder eerst alle andere nieuwe persoon personen
  gebruiker gebruikers gebruikersrecht gebruikersrechten werkrelatie werkrelaties beheerder beheerders
  organisatie onderneming toegang aanvraag aanvragen taak taken reden bewaar annuleer verder terug bevestig
  zoek toon kies geef vul verleng trek intrekken gekoppeld toegekend verwijder pauzeer hervat opnieuw
  gegevens historiek meldingen aanmelden afmelden wettelijk vertegenwoordiger ondernemingsnummer
  rijksregisternummer`
    .split(/\s+/)
    .filter(Boolean),
);

/** A label of one word, as screens used to hard-code them. */
const DUTCH_LABELS = new Set(
  `Reden Naam Voornaam Roepnaam Initialen Geboortedatum Geslacht Bron Categorie Begindatum Einddatum
  Telefoonnummer E-mailadres Profielen Profiel Gebruikersrecht Gebruikersrechten Werkrelatie Bewaar Annuleer
  Verder Terug Bevestig Zoek Toon Acties Gepauzeerd Actief Verlopen Onbekend Historiek Personen Organisatie
  Ondernemingsnummer Rijksregisternummer Wanneer Door Wijziging Persoon Antwoord Nooit Behouden Intrekken
  Verwijder Verleng Meldingen Aanmelden Afmelden`
    .split(/\s+/)
    .filter(Boolean),
);

/** Props whose text a person reads or hears. */
const USER_FACING = new Set([
  'aria-label',
  'aria-description',
  'title',
  'placeholder',
  'label',
  'description',
  'alt',
  'buttonLabel',
  'submitLabel',
  'loadingText',
  'empty',
  'action',
  'kicker',
  'errorMessage',
]);

/** Props and calls whose strings are no text for people: ids, paths, keys, styles. */
const TECHNICAL_ATTRIBUTES = new Set([
  'className',
  'id',
  'htmlFor',
  'href',
  'to',
  'key',
  'name',
  'type',
  'variant',
  'kind',
  'role',
  'slot',
  'lang',
  'inputMode',
  'autoComplete',
  'i18nKey',
  'aria-labelledby',
  'aria-describedby',
  'aria-current',
  'defaultSelectedKey',
  'labelledBy',
  'width',
  'reason',
]);
const TRANSLATING_CALLS = new Set(['t', 'dynamicText', 'dynamicLabel', 'getFixedT', 'useTranslation']);

/**
 * A Dutch label, or a phrase (words between spaces) with a Dutch word in it. Paths, ids and keys
 * (`/personen/nieuw`, `meldingen-daily`) have no words between spaces and are no text.
 */
function isDutch(text: string): boolean {
  const trimmed = text.trim();
  if (DUTCH_LABELS.has(trimmed)) return true;
  const words = trimmed
    .split(/\s+/)
    .map((token) => token.replace(/^[("“‘]+|[)"”’.,:;!?]+$/g, '').toLowerCase())
    .filter((token) => /^\p{L}+$/u.test(token));
  return words.length >= 2 && words.some((w) => DUTCH_WORDS.has(w));
}

function calleeName(call: ts.CallExpression): string {
  const e = call.expression;
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  return '';
}

interface Finding {
  file: string;
  line: number;
  text: string;
}

/** The hard-coded texts of one file: JSX text, user-facing props, Dutch phrases in strings. */
function hardCoded(file: string, source: string): Finding[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: Finding[] = [];
  const report = (node: ts.Node, text: string) =>
    found.push({
      file,
      line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1,
      text: text.trim(),
    });

  const exempt = (node: ts.Node): boolean => {
    for (let p: ts.Node | undefined = node.parent; p; p = p.parent) {
      if (ts.isImportDeclaration(p) || ts.isExportDeclaration(p)) return true;
      if (ts.isCallExpression(p) && TRANSLATING_CALLS.has(calleeName(p))) return true;
      if (ts.isJsxAttribute(p)) return TECHNICAL_ATTRIBUTES.has(p.name.getText(sf));
      if (ts.isPropertyAssignment(p) && p.name === node) return true;
      if (ts.isElementAccessExpression(p) || ts.isCaseClause(p)) return true;
      if (ts.isBinaryExpression(p) && /^[=!]==?$/.test(p.operatorToken.getText(sf))) return true;
      if (ts.isJsxExpression(p) || ts.isBlock(p) || ts.isSourceFile(p)) return false;
    }
    return false;
  };

  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) {
      if (/\p{L}/u.test(node.text)) report(node, node.text);
    } else if (ts.isJsxAttribute(node) && node.initializer && ts.isStringLiteral(node.initializer)) {
      const name = node.name.getText(sf);
      if (USER_FACING.has(name) && /\p{L}/u.test(node.initializer.text)) report(node, node.initializer.text);
    } else if (
      (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) &&
      !ts.isJsxAttribute(node.parent) &&
      isDutch(node.text) &&
      !exempt(node)
    ) {
      report(node, node.text);
    } else if (ts.isTemplateExpression(node) && !exempt(node)) {
      const text = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' … ');
      if (isDutch(text)) report(node, text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

function screenFiles(): string[] {
  const dirs = ['web/src/screens', 'web/src/components'];
  const files = dirs.flatMap((dir) =>
    readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
      .map((e) => relative(ROOT, join(e.parentPath, e.name))),
  );
  return [...files, 'web/src/app/Root.tsx', 'web/src/app/routes.tsx', 'web/src/main.tsx'];
}

describe('no Dutch hard-coded in a screen or component', () => {
  it('finds the files it checks', () => {
    const files = screenFiles();
    expect(files.length).toBeGreaterThan(30);
    expect(files).toContain('web/src/screens/PersonPage.tsx');
  });

  it('catches JSX text, a user-facing prop and a Dutch phrase (the check itself works)', () => {
    const sample = `
      export function X({ n }: { n: number }) {
        const done = \`De werkrelatie van \${n} is verlengd.\`;
        return (<div>
          <h1>Kies uw organisatie</h1>
          <Button aria-label="Sluit het venster" onPress={() => setMessage('Dit lukte niet')}>{t('close')}</Button>
          <Field label="Reden" className="field field-wide" id="kies-uw" />
          <p>{t('common:save')}{' '}—</p>
        </div>);
      }`;
    expect(hardCoded('sample.tsx', sample).map((f) => f.text)).toEqual([
      'De werkrelatie van  …  is verlengd.',
      'Kies uw organisatie',
      'Sluit het venster',
      'Dit lukte niet',
      'Reden',
    ]);
  });

  it('every text a person reads comes from the catalogues (t(), <Trans>)', () => {
    const findings = screenFiles().flatMap((file) => hardCoded(file, readFileSync(join(ROOT, file), 'utf8')));
    expect(findings.map((f) => `${f.file}:${f.line} ${f.text}`)).toEqual([]);
  });
});
