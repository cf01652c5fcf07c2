import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAuth } from '../app/auth.tsx';
import { Button, Loading, Notice, PageTitle } from '../components/ui.tsx';

/** One exchange per page load, even when React runs the effect twice (StrictMode). */
let pending: { url: string; result: Promise<string> } | null = null;

/** `/auth/callback`: the identity provider sends the browser back here with the code. */
export function AuthCallback() {
  const { t } = useTranslation(['callback', 'common']);
  const auth = useAuth();
  const navigate = useNavigate();
  const [failed, setFailed] = useState(false);
  const { completeLogin } = auth;

  useEffect(() => {
    const url = window.location.href;
    if (!pending || pending.url !== url) pending = { url, result: completeLogin() };
    let live = true;
    pending.result.then(
      (returnTo) => {
        if (live) navigate(returnTo, { replace: true });
      },
      () => {
        if (live) setFailed(true);
      },
    );
    return () => {
      live = false;
    };
  }, [completeLogin, navigate]);

  if (!failed) return <Loading>{t('busy')}</Loading>;
  return (
    <div className="stack">
      <PageTitle>{t('failedTitle')}</PageTitle>
      <Notice kind="error" role="alert">
        <p>{t('failedText')}</p>
      </Notice>
      <p>
        <Button onPress={() => void auth.login('/organisaties')}>{t('common:loginAgain')}</Button>
      </p>
    </div>
  );
}
