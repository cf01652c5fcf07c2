/**
 * The frame of every page: skip link, the yellow band and header (who is logged in, the language
 * switch), the top navigation of the organisation (*Organisatie*, *Gebruiker*, *Gebruikersrechten*,
 * *Help*) with *Persoon zoeken*, the main region and the footer. After each navigation the page title
 * follows the route table and focus moves to the new page's heading.
 */
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { Input, Label, RouterProvider, SearchField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useHref, useLocation, useMatches, useNavigate } from 'react-router';
import { Button, Loading, Notice } from '../components/ui.tsx';
import {
  choiceToSave,
  chooseLanguage,
  currentLanguage,
  LANGUAGE_NAMES,
  LANGUAGES,
  type Language,
} from '../i18n/index.ts';
import type { nl } from '../i18n/nl.ts';
import { useApi } from './api.ts';
import { useAuth } from './auth.tsx';
import { formatEnterpriseNumber } from './format.ts';
import { orgPath, rememberedOrganisation, useMe } from './session.tsx';
import type { PreferencesDto } from './types.ts';

export interface RouteHandle {
  /** The page's title: a key of the `routes` texts. */
  title: keyof typeof nl.routes;
}

function useRouteTitle(): string {
  const { t } = useTranslation(['routes', 'common']);
  const matches = useMatches();
  for (let i = matches.length - 1; i >= 0; i--) {
    const handle = matches[i]?.handle as RouteHandle | undefined;
    if (handle?.title) return t(handle.title);
  }
  return t('common:appName');
}

function useCurrentOrganisation(): string | null {
  const matches = useMatches();
  const fromRoute = matches.map((m) => m.params.en).find(Boolean);
  return fromRoute ?? rememberedOrganisation();
}

/** Focus and title after client-side navigation, so screen readers hear the new page. */
function RouteAnnouncer() {
  const { t } = useTranslation(['layout', 'common']);
  const location = useLocation();
  const title = useRouteTitle();
  const first = useRef(true);
  useEffect(() => {
    document.title = t('pageTitle', { title });
  }, [title, t]);
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
  const { t } = useTranslation(['layout', 'common']);
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
        <SearchField
          value={text}
          onChange={setText}
          className="nav-search-field"
          aria-label={t('personSearch')}
        >
          <Label className="visually-hidden">{t('personSearch')}</Label>
          <Input className="input nav-search-input" placeholder={t('personSearch')} />
        </SearchField>
        <Button type="submit" variant="secondary">
          {t('common:search')}
        </Button>
      </form>
    </search>
  );
}

function TopNavigation({ enterpriseNumber }: { enterpriseNumber: string }) {
  const { t } = useTranslation(['layout', 'common']);
  const me = useMe();
  const org = me.data?.organisations.find((o) => o.enterpriseNumber === enterpriseNumber);
  const isAdmin = org?.roles.includes('local-admin') ?? false;
  // Only for one's own organisations; others get no organisation navigation at all.
  if (!org) return null;
  const link = ({ isActive }: { isActive: boolean }) => (isActive ? 'nav-link nav-link-active' : 'nav-link');
  return (
    <nav className="top-nav" aria-label={t('mainNavigation')}>
      <div className="container top-nav-inner">
        <ul className="top-nav-list">
          <li>
            <NavLink to="/organisaties" className={link}>
              {t('navOrganisation')}
            </NavLink>
          </li>
          {isAdmin && (
            <>
              <li>
                <NavLink to={orgPath(enterpriseNumber, '/personen')} className={link}>
                  {t('navUser')}
                </NavLink>
              </li>
              <li>
                <NavLink to={orgPath(enterpriseNumber, '/rechten')} className={link}>
                  {t('navRights')}
                </NavLink>
              </li>
            </>
          )}
          <li>
            <NavLink to="/help" className={link}>
              {t('help')}
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

/**
 * *NL FR EN DE*: the language of the UI, of the API's messages and of one's e-mails. Each is a toggle
 * button named in its own language (`lang`), the current one pressed. Logged in, the choice is saved in
 * one's preferences; before, on this device until the next login saves it.
 */
function LanguageSwitch() {
  const { t, i18n } = useTranslation(['layout', 'common']);
  const auth = useAuth();
  const api = useApi();
  const current = currentLanguage();
  const choose = async (language: Language) => {
    if (language === currentLanguage()) return;
    const loggedIn = auth.status === 'authenticated';
    await chooseLanguage(language, { pending: !loggedIn });
    if (!loggedIn) return;
    // Without If-Match: the language is chosen in passing, like the last organisation.
    await api.put('/me/preferences', { language }).catch(() => chooseLanguage(language, { pending: true }));
  };
  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of toggle buttons, not a form's fieldset.
    <div className="language-switch" role="group" aria-label={t('language')} lang={i18n.language}>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          className={language === current ? 'language-option language-option-current' : 'language-option'}
          aria-pressed={language === current}
          onClick={() => void choose(language)}
        >
          {/* Named "FR Français": the visible code first (WCAG 2.5.3), then the language in full. */}
          {language.toUpperCase()}
          <span className="visually-hidden"> {LANGUAGE_NAMES[language]}</span>
        </button>
      ))}
    </div>
  );
}

/**
 * Once logged in: the language of one's preferences is the UI's; a choice made before logging in (on
 * this device) is saved there instead.
 */
function LanguageSync() {
  const auth = useAuth();
  const api = useApi();
  const synced = useRef<string | null>(null);
  const who = auth.status === 'authenticated' ? (auth.user?.profile.sub ?? '') : null;
  useEffect(() => {
    if (who === null || synced.current === who) return;
    synced.current = who;
    const sync = async () => {
      if (choiceToSave()) {
        const language = currentLanguage();
        await api.put('/me/preferences', { language });
        await chooseLanguage(language);
        return;
      }
      const saved = await api.get<PreferencesDto>('/me/preferences');
      await chooseLanguage(saved.language);
    };
    // Not reachable now: the device's choice stays, the next login tries again.
    sync().catch(() => undefined);
  }, [who, api]);
  return null;
}

function SiteHeader() {
  const { t } = useTranslation(['layout', 'common']);
  const auth = useAuth();
  const location = useLocation();
  const atCallback = location.pathname === '/auth/callback';
  return (
    <header className="site-header">
      <div className="band" />
      <div className="container site-header-inner">
        <NavLink to="/" className="brand">
          <span className="brand-name">{t('common:appName')}</span>
          <span className="brand-sub">{t('brandSub')}</span>
        </NavLink>
        <div className="header-user">
          <LanguageSwitch />
          {auth.status === 'authenticated' ? (
            <>
              <NavLink to="/meldingen" className="header-link">
                {t('notifications')}
              </NavLink>
              <NavLink to="/help" className="header-link">
                {t('help')}
              </NavLink>
              <span className="header-user-name">
                <span className="visually-hidden">{t('loggedInAs')}</span>
                {auth.name ?? t('loggedIn')}
              </span>
              <Button variant="secondary" onPress={() => void auth.logout()}>
                {t('common:logout')}
              </Button>
            </>
          ) : auth.status === 'anonymous' && !atCallback ? (
            <>
              <NavLink to="/help" className="header-link">
                {t('help')}
              </NavLink>
              <Button
                variant="secondary"
                onPress={() => void auth.login(`${location.pathname}${location.search}`)}
              >
                {t('common:login')}
              </Button>
            </>
          ) : null}
        </div>
      </div>
    </header>
  );
}

function SiteFooter() {
  const { t } = useTranslation(['layout', 'common']);
  return (
    <footer className="site-footer">
      <div className="container">
        <p>
          <strong>{t('footerQuestion')}</strong> {t('footerCall')}{' '}
          <NavLink to="/help">{t('footerMore')}</NavLink>
        </p>
      </div>
    </footer>
  );
}

function SessionExpired() {
  const { t } = useTranslation(['layout', 'common']);
  const auth = useAuth();
  const location = useLocation();
  if (!auth.expired) return null;
  return (
    <Notice kind="warning" role="alert" title={t('sessionExpiredTitle')}>
      <p>{t('sessionExpiredText')}</p>
      <Button onPress={() => void auth.login(`${location.pathname}${location.search}`)}>
        {t('common:loginAgain')}
      </Button>
    </Notice>
  );
}

export function Root() {
  const { t } = useTranslation(['layout', 'common']);
  const navigate = useNavigate();
  const auth = useAuth();
  const org = useCurrentOrganisation();
  return (
    <RouterProvider navigate={(to, options) => navigate(to, options as never)} useHref={useHref}>
      <a className="skip-link" href="#inhoud">
        {t('skipLink')}
      </a>
      <LanguageSync />
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
  const { t } = useTranslation(['layout', 'common']);
  const auth = useAuth();
  const location = useLocation();
  if (auth.status === 'loading') return <Loading>{t('common:checkingLogin')}</Loading>;
  if (auth.status === 'anonymous') {
    return (
      <section className="stack">
        <h1 tabIndex={-1}>{t('loginRequiredTitle')}</h1>
        <p>{t('loginRequiredText')}</p>
        <p>
          <Button onPress={() => void auth.login(`${location.pathname}${location.search}`)}>
            {t('common:login')}
          </Button>
        </p>
      </section>
    );
  }
  return <>{children}</>;
}
