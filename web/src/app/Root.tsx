/**
 * The frame of every page: skip link, the yellow band and header (who is logged in), the top
 * navigation of the organisation (*Organisatie*, *Gebruiker*, *Gebruikersrechten*, *Help*) with
 * *Persoon zoeken*, the main region and the footer. After each navigation the page title follows the
 * route table and focus moves to the new page's heading.
 */
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { Input, Label, RouterProvider, SearchField } from 'react-aria-components';
import { NavLink, Outlet, useHref, useLocation, useMatches, useNavigate } from 'react-router';
import { Button, Loading, Notice } from '../components/ui.tsx';
import { useAuth } from './auth.tsx';
import { formatEnterpriseNumber } from './format.ts';
import { orgPath, rememberedOrganisation, useMe } from './session.tsx';

export interface RouteHandle {
  title: string;
}

function useRouteTitle(): string {
  const matches = useMatches();
  for (let i = matches.length - 1; i >= 0; i--) {
    const handle = matches[i]?.handle as RouteHandle | undefined;
    if (handle?.title) return handle.title;
  }
  return 'Gebruikersbeheer';
}

function useCurrentOrganisation(): string | null {
  const matches = useMatches();
  const fromRoute = matches.map((m) => m.params.en).find(Boolean);
  return fromRoute ?? rememberedOrganisation();
}

/** Focus and title after client-side navigation, so screen readers hear the new page. */
function RouteAnnouncer() {
  const location = useLocation();
  const title = useRouteTitle();
  const first = useRef(true);
  useEffect(() => {
    document.title = `${title} – Gebruikersbeheer`;
  }, [title]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every new path.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const timer = window.setTimeout(() => {
      const heading = document.querySelector<HTMLElement>('main h1');
      (heading ?? document.getElementById('inhoud'))?.focus({ preventScroll: false });
    }, 0);
    return () => window.clearTimeout(timer);
  }, [location.pathname]);
  return null;
}

function PersonSearch({ enterpriseNumber }: { enterpriseNumber: string }) {
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const q = text.trim();
    navigate(`${orgPath(enterpriseNumber, '/personen')}${q ? `?zoek=${encodeURIComponent(q)}` : ''}`);
  };
  return (
    <search className="nav-search">
      <form onSubmit={submit}>
        <SearchField value={text} onChange={setText} className="nav-search-field" aria-label="Persoon zoeken">
          <Label className="visually-hidden">Persoon zoeken</Label>
          <Input className="input nav-search-input" placeholder="Persoon zoeken" />
        </SearchField>
        <Button type="submit" variant="secondary">
          Zoek
        </Button>
      </form>
    </search>
  );
}

function TopNavigation({ enterpriseNumber }: { enterpriseNumber: string }) {
  const me = useMe();
  const org = me.data?.organisations.find((o) => o.enterpriseNumber === enterpriseNumber);
  const isAdmin = org?.roles.includes('local-admin') ?? false;
  // Only for one's own organisations; others get no organisation navigation at all.
  if (!org) return null;
  const link = ({ isActive }: { isActive: boolean }) => (isActive ? 'nav-link nav-link-active' : 'nav-link');
  return (
    <nav className="top-nav" aria-label="Hoofdnavigatie">
      <div className="container top-nav-inner">
        <ul className="top-nav-list">
          <li>
            <NavLink to="/organisaties" className={link}>
              Organisatie
            </NavLink>
          </li>
          {isAdmin && (
            <>
              <li>
                <NavLink to={orgPath(enterpriseNumber, '/personen')} className={link}>
                  Gebruiker
                </NavLink>
              </li>
              <li>
                <NavLink to={orgPath(enterpriseNumber, '/rechten')} className={link}>
                  Gebruikersrechten
                </NavLink>
              </li>
            </>
          )}
          <li>
            <NavLink to="/help" className={link}>
              Help
            </NavLink>
          </li>
        </ul>
        {isAdmin && <PersonSearch enterpriseNumber={enterpriseNumber} />}
      </div>
      {org && (
        <div className="container current-org">
          <NavLink to={orgPath(enterpriseNumber)} className="current-org-link">
            {org.name}
          </NavLink>{' '}
          <span className="muted">({formatEnterpriseNumber(org.enterpriseNumber)})</span>
        </div>
      )}
    </nav>
  );
}

function SiteHeader() {
  const auth = useAuth();
  const location = useLocation();
  const atCallback = location.pathname === '/auth/callback';
  return (
    <header className="site-header">
      <div className="band" />
      <div className="container site-header-inner">
        <NavLink to="/" className="brand">
          <span className="brand-name">Gebruikersbeheer</span>
          <span className="brand-sub">Personen en gebruikersrechten van uw organisatie</span>
        </NavLink>
        <div className="header-user">
          {auth.status === 'authenticated' ? (
            <>
              <NavLink to="/meldingen" className="header-link">
                Meldingen
              </NavLink>
              <NavLink to="/help" className="header-link">
                Help
              </NavLink>
              <span className="header-user-name">
                <span className="visually-hidden">Aangemeld als </span>
                {auth.name ?? 'Aangemeld'}
              </span>
              <Button variant="secondary" onPress={() => void auth.logout()}>
                Afmelden
              </Button>
            </>
          ) : auth.status === 'anonymous' && !atCallback ? (
            <>
              <NavLink to="/help" className="header-link">
                Help
              </NavLink>
              <Button
                variant="secondary"
                onPress={() => void auth.login(`${location.pathname}${location.search}`)}
              >
                Aanmelden
              </Button>
            </>
          ) : null}
        </div>
      </div>
    </header>
  );
}

function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="container">
        <p>
          <strong>Hulp nodig of heeft u een vraag?</strong> Bel gratis 1700, elke werkdag van 9 tot 19 uur.{' '}
          <NavLink to="/help">Meer hulp en contact</NavLink>
        </p>
      </div>
    </footer>
  );
}

function SessionExpired() {
  const auth = useAuth();
  const location = useLocation();
  if (!auth.expired) return null;
  return (
    <Notice kind="warning" role="alert" title="Uw sessie is verlopen">
      <p>Meld u opnieuw aan om verder te werken. Wat u nog niet bevestigde, moet u opnieuw ingeven.</p>
      <Button onPress={() => void auth.login(`${location.pathname}${location.search}`)}>
        Opnieuw aanmelden
      </Button>
    </Notice>
  );
}

export function Root() {
  const navigate = useNavigate();
  const auth = useAuth();
  const org = useCurrentOrganisation();
  return (
    <RouterProvider navigate={(to, options) => navigate(to, options as never)} useHref={useHref}>
      <a className="skip-link" href="#inhoud">
        Naar de inhoud
      </a>
      <SiteHeader />
      {auth.status === 'authenticated' && org && <TopNavigation enterpriseNumber={org} />}
      <main id="inhoud" tabIndex={-1} className="container main">
        <SessionExpired />
        <Outlet />
      </main>
      <SiteFooter />
      <RouteAnnouncer />
    </RouterProvider>
  );
}

/** Pages for logged-in people: a clear way to log in instead of a silent redirect. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const auth = useAuth();
  const location = useLocation();
  if (auth.status === 'loading') return <Loading>Aanmelding controleren…</Loading>;
  if (auth.status === 'anonymous') {
    return (
      <section className="stack">
        <h1 tabIndex={-1}>Meld u aan</h1>
        <p>
          Voor deze pagina moet u aangemeld zijn. U meldt aan met eID, itsme, een beveiligingscode of het
          federaal token.
        </p>
        <p>
          <Button onPress={() => void auth.login(`${location.pathname}${location.search}`)}>Aanmelden</Button>
        </p>
      </section>
    );
  }
  return <>{children}</>;
}
