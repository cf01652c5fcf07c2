import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { useAuth } from '../app/auth.tsx';
import { Button, Loading, Notice, PageTitle } from '../components/ui.tsx';

/** One exchange per page load, even when React runs the effect twice (StrictMode). */
let pending: { url: string; result: Promise<string> } | null = null;

/** `/auth/callback`: the identity provider sends the browser back here with the code. */
export function AuthCallback() {
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

  if (!failed) return <Loading>Bezig met aanmelden…</Loading>;
  return (
    <div className="stack">
      <PageTitle>Aanmelden lukte niet</PageTitle>
      <Notice kind="error" role="alert">
        <p>De aanmelding kon niet afgerond worden. Misschien duurde ze te lang of werd de pagina herladen.</p>
      </Notice>
      <p>
        <Button onPress={() => void auth.login('/organisaties')}>Opnieuw aanmelden</Button>
      </p>
    </div>
  );
}
