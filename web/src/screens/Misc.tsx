import type { ReactNode } from 'react';
import { useRouteError } from 'react-router';
import { useOrganisation } from '../app/session.tsx';
import { ButtonLink, Notice, PageTitle, TextLink } from '../components/ui.tsx';

export function NotFound() {
  return (
    <div className="stack">
      <PageTitle>Pagina niet gevonden</PageTitle>
      <p>Deze pagina bestaat niet (meer). Controleer het adres, of ga terug naar het begin.</p>
      <p>
        <ButtonLink href="/">Naar het begin</ButtonLink>
      </p>
    </div>
  );
}

/** A screen of the route table that is not built yet: says so, and what to do meanwhile. */
export function NotYet({ title, children }: { title: string; children: ReactNode }) {
  const org = useOrganisation();
  return (
    <div className="stack">
      <PageTitle>{title}</PageTitle>
      <Notice kind="info" title="Dit scherm volgt binnenkort">
        <p>{children}</p>
      </Notice>
      <p className="button-row">
        <ButtonLink href={`/o/${org.enterpriseNumber}/personen/nieuw`}>Nieuwe persoon toevoegen</ButtonLink>
        <ButtonLink href={`/o/${org.enterpriseNumber}/personen`} variant="secondary">
          Toon alle personen
        </ButtonLink>
        <TextLink href={`/o/${org.enterpriseNumber}`}>Terug naar de hoofdpagina</TextLink>
      </p>
    </div>
  );
}

export function RouteError() {
  const error = useRouteError();
  console.error(error);
  return (
    <main className="container main">
      <h1>Er ging iets mis</h1>
      <p>Deze pagina kon niet getoond worden. Laad de pagina opnieuw of ga terug naar het begin.</p>
      <p>
        <a href="/">Naar het begin</a>
      </p>
    </main>
  );
}
