import { useEffect } from 'react';
import { Outlet, useParams } from 'react-router';
import { useApi, useResource } from '../app/api.ts';
import { formatEnterpriseNumber } from '../app/format.ts';
import { OrganisationProvider, rememberOrganisation, useMe, useOrganisation } from '../app/session.tsx';
import { ButtonLink, EmptyState, Notice, PageTitle, ResourceView } from '../components/ui.tsx';

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
            {org.roles.includes('local-admin') ? <Outlet /> : <RepresentativeOnly />}
          </OrganisationProvider>
        );
      }}
    </ResourceView>
  );
}

interface LocalAdminsDto {
  name: string;
  localAdmins: { personId: string; name: string; appointedAt: string }[];
  legalRepresentatives: { name: string; function: string }[];
}

/** A legal representative who is not (yet) local administrator: who is, and what they can do. */
function RepresentativeOnly() {
  const org = useOrganisation();
  const api = useApi();
  const admins = useResource(`admins:${org.enterpriseNumber}`, (signal) =>
    api.get<LocalAdminsDto>(`/organisations/${org.enterpriseNumber}/local-admins`, { signal }),
  );
  return (
    <div className="stack">
      <PageTitle kicker={org.name}>Lokale beheerders</PageTitle>
      <Notice kind="info">
        <p>
          U bent wettelijk vertegenwoordiger van {org.name}, maar geen lokale beheerder. Personen en
          gebruikersrechten beheert de lokale beheerder; u duidt die aan.
        </p>
      </Notice>
      <ResourceView resource={admins} loadingText="De lokale beheerders worden opgehaald…">
        {(data) =>
          data.localAdmins.length === 0 ? (
            <EmptyState title="Er is nog geen lokale beheerder aangesteld.">
              <p>
                Als wettelijk vertegenwoordiger duidt u een lokale beheerder aan (dit scherm volgt
                binnenkort).
              </p>
            </EmptyState>
          ) : (
            <ul className="plain-list">
              {data.localAdmins.map((a) => (
                <li key={a.personId}>{a.name}</li>
              ))}
            </ul>
          )
        }
      </ResourceView>
    </div>
  );
}
