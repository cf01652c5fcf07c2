import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useParams } from 'react-router';
import { formatEnterpriseNumber } from '../app/format.ts';
import { OrganisationProvider, rememberOrganisation, useMe } from '../app/session.tsx';
import { ButtonLink, PageTitle, ResourceView } from '../components/ui.tsx';
import { LocalAdmins } from './LocalAdmins.tsx';

/** `/o/:en/...`: the organisation must be one of the person's own (GET /api/me). */
export function OrganisationLayout() {
  const { t } = useTranslation('organisation');
  const { en = '' } = useParams();
  const me = useMe();
  useEffect(() => {
    if (/^\d{10}$/.test(en)) rememberOrganisation(en);
  }, [en]);
  return (
    <ResourceView resource={me} loadingText={t('loading')}>
      {(data) => {
        const org = data.organisations.find((o) => o.enterpriseNumber === en);
        if (!org) {
          return (
            <div className="stack">
              <PageTitle>{t('noAccessTitle')}</PageTitle>
              <p>{t('noAccessText', { number: formatEnterpriseNumber(en) })}</p>
              <p>
                <ButtonLink href="/organisaties">{t('choose')}</ButtonLink>
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
