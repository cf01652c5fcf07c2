import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
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

const ROLE_KEYS = {
  'local-admin': 'common:roleLocalAdmin',
  'legal-representative': 'common:roleLegalRepresentative',
} as const;

/** *Hieronder moet u kiezen voor welke organisatie u precies wilt werken.* */
export function ChooseOrganisation() {
  const { t } = useTranslation(['organisations', 'common', 'organisation']);
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
      <PageTitle kicker={t('common:appName')}>{t('title')}</PageTitle>
      <p className="lead">{t('lead')}</p>
      {error && (
        <Notice kind="error" role="alert" title={t('saveFailed')}>
          <p>{error}</p>
        </Notice>
      )}
      {me.data?.helpdesk && (
        <Notice kind="info" title={t('helpdesk')}>
          <p>{t('helpdeskText')}</p>
          <ButtonLink href="/helpdesk">{t('toHelpdesk')}</ButtonLink>
        </Notice>
      )}
      <ResourceView resource={me} loadingText={t('organisation:loading')}>
        {(data) =>
          data.organisations.length === 0 && data.helpdesk ? null : data.organisations.length === 0 ? (
            <EmptyState title={t('noneTitle')}>
              <p>{t('noneText')}</p>
              <ButtonLink href="/portaal/toegang">{t('askAccess')}</ButtonLink>
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
                        {t('number', { number: formatEnterpriseNumber(org.enterpriseNumber) })}
                      </span>
                      <span className="org-card-roles">
                        {org.roles.map((r) => t(ROLE_KEYS[r])).join(' · ')}
                        {org.openTasks > 0 && ` · ${t('openTasks', { count: org.openTasks })}`}
                      </span>
                      {last && <span className="badge badge-last">{t('lastChoice')}</span>}
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
          <Trans
            t={t}
            i18nKey="notifications"
            components={{ page: <TextLink href="/meldingen">{''}</TextLink> }}
          />
        </p>
      )}
    </div>
  );
}
