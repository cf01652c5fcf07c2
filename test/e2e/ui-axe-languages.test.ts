/**
 * The quality bar of every main screen in every language, in Debian's Chromium against the local stack:
 * for Dutch, French, English and German, at 360 px and at 1280 px, each screen shows its own page (not
 * *Pagina niet gevonden*), carries the language in `<html lang>`, fits the width without sideways
 * scrolling, and has no serious or critical axe-core violation. A screenshot of each goes to
 * test-results/lang-<language>-<screen>-<width>.png (ui-languages.test.ts does the seed story in French). The language is chosen with the header's switch,
 * as a person would.
 */
import { describe, expect, it } from 'vitest';
import { DEMO } from '#lib/services/demo-seed';
import { seriousViolations, useBrowserSession } from '../support/ui.ts';

const LANGUAGES = ['nl', 'fr', 'en', 'de'] as const;
const WIDTHS = [360, 1280] as const;
const en = DEMO.adviesbureau;

describe('every main screen in four languages', () => {
  const ui = useBrowserSession();
  const { h1, atWidth, fitsWidth } = ui;

  async function chooseLanguage(language: string) {
    // The switch's buttons are named by their visible code first (NL Nederlands, FR Français, …).
    await ui.page.getByRole('button', { name: new RegExp(`^${language.toUpperCase()} `) }).click();
    await expect
      .poll(() => ui.page.evaluate('document.documentElement.lang') as Promise<string>)
      .toMatch(new RegExp(`^${language}`));
  }

  async function check(language: string, name: string, path: string) {
    await ui.page.goto(`${ui.stack.url}${path}`);
    await h1().waitFor();
    const lang = (await ui.page.evaluate('document.documentElement.lang')) as string;
    expect(lang, `${name} in ${language}`).toMatch(new RegExp(`^${language}`));
    for (const width of WIDTHS) {
      await atWidth(width, async () => {
        await h1().waitFor();
        await fitsWidth();
        await ui.browser.screenshot(ui.page, `lang-${language}-${name}-${width}`);
        expect(await seriousViolations(ui.page), `axe on ${name} in ${language} at ${width} px`).toEqual([]);
      });
    }
    return (await h1().textContent()) ?? '';
  }

  it('the public screens: start, help, the portal page', async () => {
    await ui.page.goto(`${ui.stack.url}/`);
    const titles = new Map<string, string>();
    for (const language of LANGUAGES) {
      await chooseLanguage(language);
      for (const [name, path] of [
        ['start', '/'],
        ['help', '/help'],
        ['portal', '/portaal'],
      ] as const) {
        const title = await check(language, name, path);
        // Each language has its own words: not the Dutch title again.
        if (language !== 'nl') expect(title, `${name} in ${language}`).not.toBe(titles.get(name));
        else titles.set(name, title);
      }
    }
    await chooseLanguage('nl');
  });

  it('the local administrator’s screens, logged in as Sofie', async () => {
    const token = await ui.stack.token(DEMO.sofie);
    const list = (await fetch(`${ui.stack.url}/api/organisations/${en}/persons`, {
      headers: { authorization: `Bearer ${token}` },
    }).then((r) => r.json())) as { items: { personId: string }[] };
    const personId = list.items[0]!.personId;
    await ui.open('/', /Sofie Janssens/);
    const screens = [
      ['organisations', '/organisaties'],
      ['home', `/o/${en}`],
      ['persons', `/o/${en}/personen`],
      ['person', `/o/${en}/personen/${personId}`],
      ['add-person', `/o/${en}/personen/nieuw`],
      ['grant-right', `/o/${en}/personen/${personId}/rechten/nieuw`],
      ['tasks', `/o/${en}/taken`],
      ['local-admins', `/o/${en}/lokale-beheerders`],
      ['rights', `/o/${en}/rechten`],
      ['notifications', '/meldingen'],
    ] as const;
    for (const language of LANGUAGES) {
      await ui.page.goto(`${ui.stack.url}/o/${en}`);
      await h1().waitFor();
      await chooseLanguage(language);
      for (const [name, path] of screens) await check(language, name, path);
    }
    await chooseLanguage('nl');
  });

  it('raised no console errors and no Content-Security-Policy violations', () => {
    expect(ui.problems).toEqual([]);
  });
});
