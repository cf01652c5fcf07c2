/**
 * Starts the UI: reads /config.json (the OpenID Connect and API settings of wherever it is served),
 * then the login state, `GET /api/me` and the router.
 */
import './app/zod-setup.ts';
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { ConfigContext } from './app/api.ts';
import { AuthProvider, createUserManager } from './app/auth.tsx';
import { type AppConfig, loadConfig } from './app/config.ts';
import { routes } from './app/routes.tsx';
import { MeProvider } from './app/session.tsx';
import { ready } from './i18n/index.ts';
import './styles.css';

const router = createBrowserRouter(routes);

function App() {
  const { t } = useTranslation('layout');
  const [state, setState] = useState<{ config?: AppConfig; error?: string }>({});
  useEffect(() => {
    loadConfig().then(
      (config) => setState({ config }),
      (error: unknown) => setState({ error: error instanceof Error ? error.message : String(error) }),
    );
  }, []);
  const [manager] = useState(() => ({ current: null as ReturnType<typeof createUserManager> | null }));
  if (state.error) {
    return (
      <main className="container main">
        <h1>{t('unavailableTitle')}</h1>
        <p>{t('unavailableText', { error: state.error })}</p>
      </main>
    );
  }
  if (!state.config) {
    return (
      <main className="container main">
        <p className="loading" role="status">
          {t('starting')}
        </p>
      </main>
    );
  }
  manager.current ??= createUserManager(state.config);
  return (
    <ConfigContext.Provider value={state.config}>
      <AuthProvider manager={manager.current} logoutUrl={state.config.logoutUrl}>
        <MeProvider>
          <RouterProvider router={router} />
        </MeProvider>
      </AuthProvider>
    </ConfigContext.Provider>
  );
}

const container = document.getElementById('root');
if (container) {
  void ready.then(() =>
    createRoot(container).render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
}
