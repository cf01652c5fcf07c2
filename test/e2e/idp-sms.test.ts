/**
 * The SMS method in the browser: activation of a mobile number with a confirmation code, then a login
 * with a code from the local outbox; and the Dutch messages for what people get wrong.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '#lib/services/demo-seed';
import type { TestBrowser } from '../support/browser.ts';
import { authorizationRequest, decode, exchangeCode } from '../support/oidc.ts';
import { startStackAndPage, stopStackAndPage, type TestStack } from '../support/stack.ts';

/** Valid check digits, but nobody in the demo register. */
const UNKNOWN_PERSON = '80010100107';
const LUCAS = '01073003339';

describe('logging in with a security code via SMS', () => {
  let stack: TestStack;
  let browser: TestBrowser;
  let page: Page;

  beforeAll(async () => {
    ({ stack, browser, page } = await startStackAndPage({ today: '2026-11-26' }));
  });
  afterAll(() => stopStackAndPage({ stack, browser }));

  const lastSms = () => {
    const message = stack.login.outbox.sent().at(-1);
    if (!message) throw new Error('no SMS sent');
    return { ...message, code: /\b(\d{6})\b/.exec(message.text)?.[1] ?? '' };
  };
  const nationalNumber = () => page.getByLabel('Rijksregisternummer of BIS-nummer');
  const alertText = () => page.getByRole('alert').textContent();

  it('activates a mobile number for Emma and logs her in with a code from the outbox', async () => {
    const request = authorizationRequest(stack.url);
    await page.goto(request.url);
    await page.getByRole('link', { name: /^activeren.+Beveiligingscode via SMS/ }).click();

    await nationalNumber().fill(UNKNOWN_PERSON);
    await page.getByLabel('Gsm-nummer').fill('012 34 56 78');
    await page.getByRole('button', { name: 'Code versturen' }).click();
    expect(await alertText()).toContain('Deze persoon staat niet in het demo-rijksregister.');
    expect(await alertText()).toContain('Dit is geen gsm-nummer.');
    expect(await nationalNumber().getAttribute('aria-invalid')).toBe('true');
    expect(await page.content()).not.toContain(UNKNOWN_PERSON);
    await browser.screenshot(page, 'login-sms-errors');

    await nationalNumber().fill('90.04.18-124.90');
    await page.getByLabel('Gsm-nummer').fill('0470 12 34 56');
    await page.getByRole('button', { name: 'Code versturen' }).click();
    expect(await page.locator('.phone').textContent()).toBe('+32 4** ** ** 56');
    const activation = lastSms();
    expect(activation.to).toBe('+32470123456');
    expect(JSON.stringify(activation)).not.toContain(DEMO.emma);

    await page.getByLabel('Code uit de SMS').fill(activation.code === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: 'Activering bevestigen' }).click();
    expect(await alertText()).toContain('Deze code klopt niet.');
    await page.getByLabel('Code uit de SMS').fill(activation.code);
    await page.getByRole('button', { name: 'Activering bevestigen' }).click();
    expect(await page.getByRole('status').textContent()).toContain('Uw gsm-nummer is bevestigd.');

    await nationalNumber().fill(DEMO.emma);
    await page.getByRole('button', { name: 'Code versturen' }).click();
    await browser.screenshot(page, 'login-sms-code');
    const login = lastSms();
    expect(login.code).not.toBe('');
    expect(JSON.stringify(login)).not.toContain(DEMO.emma);
    await page.getByLabel('Code uit de SMS').fill(login.code);
    const redirected = page.waitForURL((url) => url.href.startsWith(request.redirectUri));
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await redirected;

    const tokens = await exchangeCode(stack.url, request, page.url());
    expect(decode(tokens.access_token).claims).toMatchObject({
      national_number: DEMO.emma,
      amr: ['sms'],
      acr: 'substantial',
    });
    const rights = await fetch(`${stack.url}/api/rights`, {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    expect(rights.status).toBe(200);
  });

  it('tells Lucas that SMS is not activated for him yet, and marks SMS as the last choice', async () => {
    const request = authorizationRequest(stack.url, { prompt: 'login' });
    await page.goto(request.url);
    expect(await page.locator('.choice-last').getAttribute('data-method')).toBe('sms');

    await page.getByRole('link', { name: 'Beveiligingscode via SMS', exact: true }).click();
    await nationalNumber().fill('0107300333');
    await page.getByRole('button', { name: 'Code versturen' }).click();
    expect(await alertText()).toContain('Het rijksregisternummer telt 11 cijfers.');
    await nationalNumber().fill(LUCAS);
    await page.getByRole('button', { name: 'Code versturen' }).click();
    expect(await alertText()).toContain('Voor dit rijksregisternummer is SMS nog niet geactiveerd.');
  });
});
