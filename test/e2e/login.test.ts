/**
 * Logging in as a person would: Debian's Chromium on the local stack's login screens ("Kies manier
 * van aanmelden"), the authorization code flow with PKCE of the web client, the code exchanged at the
 * token endpoint, and the access token used on the API.
 */
import { Secret, TOTP } from 'otpauth';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '#lib/services/demo-seed';
import type { TestBrowser } from '../support/browser.ts';
import { type AuthorizationRequest, authorizationRequest, decode, exchangeCode } from '../support/oidc.ts';
import { startStackAndPage, stopStackAndPage, type TestStack } from '../support/stack.ts';

const CHOICES = [
  'eID en aangesloten kaartlezer',
  'Beveiligingscode via mobiele app',
  'itsme®',
  'Beveiligingscode via SMS',
  'Federaal token',
];

describe('logging in through the browser', () => {
  let stack: TestStack;
  let browser: TestBrowser;
  let page: Page;
  /** Sofie's app, once activated, and the code she logged in with. */
  let sofiesApp: TOTP;
  let usedCode: string;

  beforeAll(async () => {
    ({ stack, browser, page } = await startStackAndPage({ today: '2026-11-26' }));
  });
  afterAll(() => stopStackAndPage({ stack, browser }));

  /** Submits the last step and waits for the redirect to the web client; that page may 404. */
  const loginRedirect = async (request: AuthorizationRequest, submit: () => Promise<void>) => {
    const redirected = page.waitForURL((url) => url.href.startsWith(request.redirectUri));
    await submit();
    await redirected;
    return page.url();
  };

  const api = (path: string, token: string) =>
    fetch(`${stack.url}/api${path}`, { headers: { authorization: `Bearer ${token}` } });

  it('shows the five choices, activates the app for Sofie, logs her in and her token works on the API', async () => {
    const request = authorizationRequest(stack.url);
    await page.goto(request.url);

    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Kies manier van aanmelden');
    expect((await page.locator('.choice-link').allTextContents()).map((t) => t.replace('› ', ''))).toEqual(
      CHOICES,
    );
    expect(await page.locator('[data-method="app"] .badge-easiest').textContent()).toBe(
      'GEMAKKELIJKSTE KEUZE',
    );
    expect(await page.locator('.badge-last').count()).toBe(0);
    expect(await page.getByText('Eerste gebruik? Manier van aanmelden eerst').count()).toBe(2);
    await browser.screenshot(page, 'login-choices');

    // Activation: national number, then the secret from the page into our own "app".
    await page.getByRole('link', { name: /^activeren.+Beveiligingscode via mobiele app/ }).click();
    await page.getByLabel('Rijksregisternummer of BIS-nummer').fill('8211052424');
    await page.getByRole('button', { name: 'Verder' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('Het rijksregisternummer telt 11 cijfers.');
    await page.getByLabel('Rijksregisternummer of BIS-nummer').fill(DEMO.sofie);
    await page.getByRole('button', { name: 'Verder' }).click();
    const secret = ((await page.locator('#totp-sleutel').textContent()) ?? '').replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = (await page.locator('#totp-uri').textContent()) ?? '';
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    expect(uri).toContain(`secret=${secret}`);
    expect(uri).not.toContain(DEMO.sofie);
    await browser.screenshot(page, 'login-app-activation');
    const app = new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 });

    const wrong = String((Number(app.generate()) + 500_000) % 1_000_000).padStart(6, '0');
    await page.getByLabel('Code uit de app').fill(wrong);
    await page.getByRole('button', { name: 'Activering bevestigen' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('Deze code klopt niet');
    await page.getByLabel('Code uit de app').fill(app.generate());
    await page.getByRole('button', { name: 'Activering bevestigen' }).click();
    expect(await page.getByRole('status').textContent()).toContain('De app is geactiveerd');

    // A code works once: the login uses the next time step, which the ±1 step window accepts now.
    await page.getByLabel('Rijksregisternummer of BIS-nummer').fill(DEMO.sofie);
    usedCode = app.generate({ timestamp: Date.now() + 30_000 });
    sofiesApp = app;
    await page.getByLabel('Beveiligingscode').fill(usedCode);
    const redirectedTo = await loginRedirect(request, () =>
      page.getByRole('button', { name: 'Aanmelden', exact: true }).click(),
    );
    expect(redirectedTo).not.toContain(DEMO.sofie);
    const tokens = await exchangeCode(stack.url, request, redirectedTo);

    const { header, claims } = decode(tokens.access_token);
    expect(header).toMatchObject({ alg: 'RS256', typ: 'at+jwt' });
    expect(claims).toMatchObject({
      iss: `${stack.url}/idp`,
      aud: 'gebruikersbeheer-api',
      client_id: 'gebruikersbeheer-web',
      token_use: 'access',
      national_number: DEMO.sofie,
      amr: ['totp'],
      acr: 'substantial',
      scope: 'openid profile',
    });
    expect(claims.sub).toMatch(/^[0-9a-f]{32}$/);
    expect(claims.sub).not.toContain(DEMO.sofie);
    // The same person gets the same pseudonymous sub from the dev token endpoint.
    expect(decode(await stack.token(DEMO.sofie)).claims.sub).toBe(claims.sub);

    const persons = await api(`/organisations/${DEMO.adviesbureau}/persons`, tokens.access_token);
    expect(persons.status).toBe(200);

    // The ID token is for the web client, not the API: the gateway refuses it as a bearer token.
    expect(tokens.id_token).toBeDefined();
    expect(decode(tokens.id_token!).claims).toMatchObject({
      aud: 'gebruikersbeheer-web',
      given_name: 'Sofie',
      family_name: 'Janssens',
    });
    expect(decode(tokens.id_token!).claims).not.toHaveProperty('national_number');
    const refused = await api(`/organisations/${DEMO.adviesbureau}/persons`, tokens.id_token!);
    expect(refused.status).toBe(401);
  });

  it('marks the app as UW LAATSTE KEUZE on the next visit', async () => {
    const request = authorizationRequest(stack.url, { prompt: 'login' });
    await page.goto(request.url);

    const last = page.locator('.choice-last');
    expect(await last.count()).toBe(1);
    expect(await last.getAttribute('data-method')).toBe('app');
    expect(await last.locator('.badge-last').textContent()).toBe('UW LAATSTE KEUZE');
    await browser.screenshot(page, 'login-last-choice');
  });

  it('refuses the app code of someone who has not activated the app, and a code used before', async () => {
    const request = authorizationRequest(stack.url, { prompt: 'login' });
    await page.goto(request.url);
    await page.getByRole('link', { name: 'Beveiligingscode via mobiele app', exact: true }).click();

    // Marc never activated the app: the refusal sits next to the national number and says what to do.
    await page.getByLabel('Rijksregisternummer of BIS-nummer').fill(DEMO.marc);
    await page.getByLabel('Beveiligingscode').fill(sofiesApp.generate());
    await page.getByRole('button', { name: 'Aanmelden', exact: true }).click();
    const notActivated = await page.getByRole('alert').textContent();
    expect(notActivated).toContain('Voor dit rijksregisternummer is de app nog niet geactiveerd.');
    expect(notActivated).not.toContain('klopt niet');
    expect(await page.locator('#rijksregisternummer-fout').textContent()).toContain(
      'Kies "activeren" hieronder.',
    );
    expect(await page.getByLabel('Rijksregisternummer of BIS-nummer').getAttribute('aria-invalid')).toBe(
      'true',
    );
    await browser.screenshot(page, 'login-app-not-activated');

    // Sofie replays the code she logged in with: refused, and no redirect to the web client.
    await page.getByLabel('Rijksregisternummer of BIS-nummer').fill(DEMO.sofie);
    await page.getByLabel('Beveiligingscode').fill(usedCode);
    await page.getByRole('button', { name: 'Aanmelden', exact: true }).click();
    expect(await page.getByRole('alert').textContent()).toContain(
      'Deze code klopt niet of werd al gebruikt.',
    );
    expect(await page.getByLabel('Beveiligingscode').getAttribute('aria-invalid')).toBe('true');
    expect(page.url()).not.toContain(request.redirectUri);
  });

  it('logs Marc in through the eID stand-in', async () => {
    const request = authorizationRequest(stack.url, { prompt: 'login' });
    await page.goto(request.url);
    await page.getByRole('link', { name: 'eID en aangesloten kaartlezer' }).click();
    expect(await page.getByText('Lokale simulatie.').count()).toBe(1);

    await page.getByRole('button', { name: 'Aanmelden' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('Kies de persoon');
    await page.getByLabel(/Marc Peeters/).check();
    await browser.screenshot(page, 'login-eid-simulation');
    const redirectedTo = await loginRedirect(request, () =>
      page.getByRole('button', { name: 'Aanmelden' }).click(),
    );
    const tokens = await exchangeCode(stack.url, request, redirectedTo);

    const { claims } = decode(tokens.access_token);
    expect(claims).toMatchObject({ national_number: DEMO.marc, amr: ['eid'], acr: 'high' });
    expect((await api(`/organisations/${DEMO.boekhouding}/persons`, tokens.access_token)).status).toBe(200);
  });
});
