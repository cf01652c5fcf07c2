import { useEffect } from 'react';
import { Outlet, useParams } from 'react-router';
import { formatEnterpriseNumber } from '../app/format.ts';
import { OrganisationProvider, rememberOrganisation, useMe } from '../app/session.tsx';
import { ButtonLink, PageTitle, ResourceView } from '../components/ui.tsx';
import { LocalAdmins } from './LocalAdmins.tsx';

/** `/o/:en/...`: the organisation must be one of the person's own (GET /api/me). */
export function OrganisationLayout() {
  const { en = '' } = useParams();
  const me = useMe();
  useEffect(() => {
    if (/^\d{10}$/.test(en)) rememberOrganisation(en);
  }, [en]);
  return (
    <ResourceView resource={me} loadingText="Uw organisaties worden opgehaald…">
      {(data) => {
        const org = data.organisations.find((o) => o.enterpriseNumber === en);
        if (!org) {
          return (
            <div className="stack">
              <PageTitle>Geen toegang tot deze organisatie</PageTitle>
              <p>
                U bent geen lokale beheerder of wettelijk vertegenwoordiger van de organisatie met
                ondernemingsnummer {formatEnterpriseNumber(en)}. Kies een van uw eigen organisaties.
              </p>
              <p>
                <ButtonLink href="/organisaties">Kies uw organisatie</ButtonLink>
              </p>
            </div>
          );
        }
        return (
          <OrganisationProvider organisation={org}>
            {org.roles.includes('local-admin') ? <Outlet /> : <LocalAdmins />}
          </OrganisationProvider>
        );
      }}
    </ResourceView>
  );
}
