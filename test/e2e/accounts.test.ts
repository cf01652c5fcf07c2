/**
 * Issue 5, end to end: a login through the local OpenID Connect provider (ACM's screens) is recorded
 * by the same use case and table as the API, and shows on the person page's Accounts tab, which has its
 * own route (GET …/persons/{personId}/accounts) so that the person page stays one read: over HTTP (Tom
 * logs in with itsme, his local administrator reads his accounts) and in the browser (the empty state
 * for a person who never logged in; Sofie logs in with the eID stand-in and opens her own page's
 * Accounts tab, and sees what it says when the logins cannot be loaded).
 */
import { describe, expect, it } from 'vitest';
import { getDeps } from '#lib/runtime/deps';
import { DEMO } from '#lib/services/demo-seed';
import { authorizationRequest, exchangeCode, loginOverHttp } from '../support/oidc.ts';
import { useBrowserSession } from '../support/ui.ts';

const personIdOf = async (nationalNumber: string) => {
  const deps = await getDeps();
  return (await deps.persons.get(deps.pseudonymize(nationalNumber)))!.personId;
};

describe('logins on the person page', () => {
  const ui = useBrowserSession();

  const get = async (caller: string, path: string) => {
    const res = await fetch(`${ui.stack.url}/api${path}`, {
      headers: { authorization: `Bearer ${await ui.stack.token(caller)}` },
    });
    return {
      status: res.status,
      type: res.headers.get('content-type'),
      body: (await res.json()) as Record<string, unknown>,
    };
  };
  const accountsOf = async (admin: string, enterpriseNumber: string, personId: string) => {
    const res = await get(admin, `/organisations/${enterpriseNumber}/persons/${personId}/accounts`);
    expect(res.status).toBe(200);
    return res.body as { accounts: unknown };
  };

  it('the Accounts tab of a person who never logged in shows its empty state', async () => {
    const tomId = await personIdOf(DEMO.tom);
    await ui.open('/', /Marc Peeters/);
    await ui.chooseOrganisation(/Boekhouding Test NV/);
    await ui.page.getByRole('heading', { name: 'Mijn Taken' }).waitFor();
    await ui.page.goto(`${ui.stack.url}/o/${DEMO.boekhouding}/personen/${tomId}`);
    await ui.page.getByRole('tab', { name: 'Accounts' }).click();
    await ui.page.getByText('Deze persoon heeft nog niet aangemeld.').waitFor();
    expect(await ui.page.getByRole('table', { name: 'Aanmeldmethoden' }).count()).toBe(0);
    await ui.screen('accounts-empty');
    await ui.logout();
  });

  it('a login with itsme at the local provider shows on the accounts route; a dev token is no login', async () => {
    const tomId = await personIdOf(DEMO.tom);
    // Tom has not logged in yet (the dev tokens the tests use are no login).
    expect(await accountsOf(DEMO.marc, DEMO.boekhouding, tomId)).toEqual({ accounts: null });

    const request = authorizationRequest(ui.stack.url);
    const subject = ui.stack.login.accounts.byNationalNumber(DEMO.tom)!.subject;
    const { redirectedTo } = await loginOverHttp(ui.stack.url, request, 'itsme', { persoon: subject });
    await exchangeCode(ui.stack.url, request, redirectedTo);

    const body = await accountsOf(DEMO.marc, DEMO.boekhouding, tomId);
    // The methods only: when Tom logged in is his, not this organisation's.
    expect(body.accounts).toEqual({ methods: [{ method: 'itsme' }] });
    expect(JSON.stringify(body)).not.toContain(DEMO.tom);

    // The person page itself carries no logins: it stays one Query.
    const page = await get(DEMO.marc, `/organisations/${DEMO.boekhouding}/persons/${tomId}`);
    expect(page.status).toBe(200);
    expect(page.body).not.toHaveProperty('accounts');
  });

  it('over HTTP: 404 for another organisation’s person, 403 for a non-administrator', async () => {
    const tomId = await personIdOf(DEMO.tom);
    // Sofie manages Adviesbureau; Tom is Boekhouding's.
    const notHers = await get(DEMO.sofie, `/organisations/${DEMO.adviesbureau}/persons/${tomId}/accounts`);
    expect(notHers.status).toBe(404);
    expect(notHers.type).toBe('application/problem+json');
    expect(notHers.body).toMatchObject({ status: 404, code: 'person.not-found' });
    // Tom himself is a member of Boekhouding, not its local administrator.
    const own = await get(DEMO.tom, `/organisations/${DEMO.boekhouding}/persons/${tomId}/accounts`);
    expect(own.status).toBe(403);
    expect(own.type).toBe('application/problem+json');
    expect(own.body).toMatchObject({ status: 403, code: 'forbidden' });
    for (const res of [notHers, own]) expect(JSON.stringify(res.body)).not.toMatch(/itsme|lastLoginAt/);
  });

  it('after logging in with the eID stand-in, the Accounts tab shows eID, without times', async () => {
    const sofieId = await personIdOf(DEMO.sofie);
    await ui.open('/', /Sofie Janssens/);
    await ui.chooseOrganisation(/Adviesbureau Voorbeeld BV/);
    await ui.page.getByRole('heading', { name: 'Mijn Taken' }).waitFor();
    await ui.page.goto(`${ui.stack.url}/o/${DEMO.adviesbureau}/personen/${sofieId}`);
    await ui.page.getByRole('tab', { name: 'Accounts' }).click();

    const table = ui.page.getByRole('table', { name: 'Aanmeldmethoden' });
    await table.waitFor();
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(1);
    const cells = await rows.first().locator('th, td').allTextContents();
    expect(cells).toEqual(['eID']);
    expect(await ui.page.locator('dt', { hasText: 'Laatst aangemeld' }).count()).toBe(0);
    await ui.screen('accounts');
  });

  it('when the logins cannot be loaded, the tab says so and loads them again on Opnieuw proberen', async () => {
    // Sofie opens her own person page again; then the browser loses its connection (a real failed fetch).
    const sofieId = await personIdOf(DEMO.sofie);
    await ui.page.goto(`${ui.stack.url}/o/${DEMO.adviesbureau}/personen/${sofieId}`);
    await ui.page.getByRole('tab', { name: 'Accounts' }).waitFor();
    const tab = ui.page.getByRole('tabpanel');
    await ui.page.context().setOffline(true);
    try {
      await ui.page.getByRole('tab', { name: 'Accounts' }).click();
      const alert = tab.getByRole('alert');
      await alert.waitFor();
      expect(await alert.textContent()).toContain('Dit kon niet geladen worden');
      expect(await alert.textContent()).toContain('De server is niet bereikbaar.');
      // What the tab knows without the route stays: how the person logs in.
      expect(await tab.getByText('Via het Toegangsbeheer (ACM)').count()).toBe(1);
      expect(await tab.getByRole('table', { name: 'Aanmeldmethoden' }).count()).toBe(0);
      await ui.screen('accounts-error');
    } finally {
      await ui.page.context().setOffline(false);
    }

    await tab.getByRole('button', { name: 'Opnieuw proberen' }).click();
    await tab.getByRole('table', { name: 'Aanmeldmethoden' }).waitFor();
    expect(await tab.getByRole('alert').count()).toBe(0);
    expect(await tab.locator('tbody tr').count()).toBe(1);
    // The only console errors are the failed requests while offline.
    expect(ui.problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(p))).toEqual([]);
  });
});
