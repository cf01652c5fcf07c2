import { Navigate } from 'react-router';
import { useAuth } from '../app/auth.tsx';
import { Button, ButtonLink, Loading, PageTitle } from '../components/ui.tsx';

/** `/`: the welcome page with *Aanmelden*; once logged in, the organisation choice. */
export function Start() {
  const auth = useAuth();
  if (auth.status === 'loading') return <Loading>Aanmelding controleren…</Loading>;
  if (auth.status === 'authenticated') return <Navigate to="/organisaties" replace />;
  return (
    <div className="stack">
      <PageTitle kicker="Gebruikersbeheer van de organisaties">Welkom bij Gebruikersbeheer</PageTitle>
      <p className="lead">
        Als lokale beheerder bepaalt u hier wie van uw organisatie toegang krijgt tot de e-diensten van de
        overheid: u voegt personen toe, koppelt ze aan uw organisatie en kent hun gebruikersrechten toe.
      </p>
      <p>
        <Button onPress={() => void auth.login('/organisaties')}>Aanmelden</Button>
      </p>
      <p className="muted">
        U meldt aan via het Toegangsbeheer: met uw eID en kaartlezer, itsme, een beveiligingscode via app of
        sms, of het federaal token.
      </p>
      <section className="card" aria-labelledby="dienstverleners">
        <h2 id="dienstverleners">Dienstverlener voor de kmo-portefeuille?</h2>
        <p>
          Bekijk of u toegang heeft tot het platform voor dienstverleners, en wie u die toegang kan geven.
        </p>
        <ButtonLink href="/portaal" variant="secondary">
          Naar de pagina voor dienstverleners
        </ButtonLink>
      </section>
    </div>
  );
}
