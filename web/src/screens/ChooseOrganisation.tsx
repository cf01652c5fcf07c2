import { useState } from 'react';
import { useNavigate } from 'react-router';
import { errorText, useApi } from '../app/api.ts';
import { formatEnterpriseNumber } from '../app/format.ts';
import { orgPath, useMe } from '../app/session.tsx';
import type { OrganisationDto } from '../app/types.ts';
import {
  Button,
  ButtonLink,
  EmptyState,
  Notice,
  PageTitle,
  ResourceView,
  TextLink,
} from '../components/ui.tsx';

const ROLE_LABELS: Record<OrganisationDto['roles'][number], string> = {
  'local-admin': 'Lokale beheerder',
  'legal-representative': 'Wettelijk vertegenwoordiger',
};

/** *Hieronder moet u kiezen voor welke organisatie u precies wilt werken.* */
export function ChooseOrganisation() {
  const me = useMe();
  const api = useApi();
  const navigate = useNavigate();
  const [choosing, setChoosing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const choose = async (org: OrganisationDto) => {
    setChoosing(org.enterpriseNumber);
    setError(null);
    try {
      await api.put('/me/preferences', { lastOrganisation: org.enterpriseNumber });
      me.reload();
      navigate(orgPath(org.enterpriseNumber));
    } catch (e) {
      setError(errorText(e));
      setChoosing(null);
    }
  };

  return (
    <div className="stack">
      <PageTitle kicker="Gebruikersbeheer">Kies uw organisatie</PageTitle>
      <p className="lead">Hieronder moet u kiezen voor welke organisatie u precies wilt werken.</p>
      {error && (
        <Notice kind="error" role="alert" title="Uw keuze kon niet bewaard worden">
          <p>{error}</p>
        </Notice>
      )}
      {me.data?.helpdesk && (
        <Notice kind="info" title="Helpdesk">
          <p>U bent lid van de helpdesk: u kan elke onderneming opzoeken, alleen lezend.</p>
          <ButtonLink href="/helpdesk">Naar de helpdesk</ButtonLink>
        </Notice>
      )}
      <ResourceView resource={me} loadingText="Uw organisaties worden opgehaald…">
        {(data) =>
          data.organisations.length === 0 && data.helpdesk ? null : data.organisations.length === 0 ? (
            <EmptyState title="U bent voor geen enkele organisatie lokale beheerder of wettelijk vertegenwoordiger.">
              <p>
                Wilt u toegang tot een e-dienst van uw organisatie, zoals het platform voor dienstverleners
                van de kmo-portefeuille? Vraag het aan de lokale beheerder van uw organisatie.
              </p>
              <ButtonLink href="/portaal/toegang">Toegang vragen als dienstverlener</ButtonLink>
            </EmptyState>
          ) : (
            <ul className="org-list">
              {data.organisations.map((org) => {
                const last = data.lastOrganisation === org.enterpriseNumber;
                return (
                  <li key={org.enterpriseNumber}>
                    <Button
                      variant="secondary"
                      className={`org-card ${last ? 'org-card-last' : ''}`}
                      isPending={choosing === org.enterpriseNumber}
                      isDisabled={choosing !== null && choosing !== org.enterpriseNumber}
                      onPress={() => void choose(org)}
                    >
                      <span className="org-card-name">{org.name}</span>
                      <span className="org-card-number">
                        Ondernemingsnummer {formatEnterpriseNumber(org.enterpriseNumber)}
                      </span>
                      <span className="org-card-roles">
                        {org.roles.map((r) => ROLE_LABELS[r]).join(' · ')}
                        {org.openTasks > 0 &&
                          ` · ${org.openTasks} open ${org.openTasks === 1 ? 'taak' : 'taken'}`}
                      </span>
                      {last && <span className="badge badge-last">UW LAATSTE KEUZE</span>}
                    </Button>
                  </li>
                );
              })}
            </ul>
          )
        }
      </ResourceView>
      {me.data?.organisations.some((o) => o.roles.includes('local-admin')) && (
        <p>
          <TextLink href="/meldingen">Meldingen</TextLink>: kies of u als lokale beheerder elke dag, elke week
          of per melding hoort welke rechten en werkrelaties aflopen.
        </p>
      )}
    </div>
  );
}
