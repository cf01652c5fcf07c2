import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { useAuth } from '../app/auth.tsx';
import { Button, ButtonLink, Loading, PageTitle } from '../components/ui.tsx';

/** `/`: the welcome page with *Aanmelden*; once logged in, the organisation choice. */
export function Start() {
  const { t } = useTranslation(['start', 'common']);
  const auth = useAuth();
  if (auth.status === 'loading') return <Loading>{t('common:checkingLogin')}</Loading>;
  if (auth.status === 'authenticated') return <Navigate to="/organisaties" replace />;
  return (
    <div className="stack">
      <PageTitle kicker={t('kicker')}>{t('title')}</PageTitle>
      <p className="lead">{t('lead')}</p>
      <p>
        <Button onPress={() => void auth.login('/organisaties')}>{t('common:login')}</Button>
      </p>
      <p className="muted">{t('how')}</p>
      <section className="card" aria-labelledby="dienstverleners">
        <h2 id="dienstverleners">{t('providersTitle')}</h2>
        <p>{t('providersText')}</p>
        <ButtonLink href="/portaal" variant="secondary">
          {t('providersLink')}
        </ButtonLink>
      </section>
    </div>
  );
}
