import { useEffect, useState } from 'react';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router';
import { useApi, useResource } from '../app/api.ts';
import { orgPath, useOrganisation } from '../app/session.tsx';
import type { PersonPageDto, RightCatalogueDto } from '../app/types.ts';
import { Button, ButtonLink, Notice, PageTitle, PersonBlock, ResourceView } from '../components/ui.tsx';
import {
  DeleteRelationshipDialog,
  EditRelationshipDialog,
  ExtendDialog,
  PauseDialog,
  ResumeDialog,
} from './PersonActions.tsx';
import { AccountsTab } from './person/AccountsTab.tsx';
import { HistoryTab } from './person/HistoryTab.tsx';
import { PersonMenu } from './person/PersonMenu.tsx';
import { RelationshipDetailsTab } from './person/RelationshipDetailsTab.tsx';
import { RelationshipTab } from './person/RelationshipTab.tsx';

/** *Gegevens van gebruiker*: the person, the work relationship and rights, accounts and history. */
export function PersonPage() {
  const { t } = useTranslation(['person', 'common', 'routes']);
  const org = useOrganisation();
  const api = useApi();
  const { personId = '' } = useParams();
  const location = useLocation();
  const state = location.state as { flash?: string; flashLink?: string } | null;
  const flash = state?.flash;
  const person = useResource(`person:${org.enterpriseNumber}:${personId}`, (signal) =>
    api.get<PersonPageDto>(`/organisations/${org.enterpriseNumber}/persons/${personId}`, { signal }),
  );
  // Bumped after a change and by *Pagina herladen*: the history and accounts tabs load again.
  const [tabsGeneration, setTabsGeneration] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  const catalogue = useResource('rights', (signal) => api.get<RightCatalogueDto>('/rights', { signal }));
  const path = `/organisations/${org.enterpriseNumber}/persons/${personId}`;
  // After an action whose button is replaced (pause ↔ resume, delete), focus would fall to the page's
  // body: put it back on the page title, right above the message, so keyboard use continues.
  useEffect(() => {
    if (message && person.data && document.activeElement === document.body)
      document.querySelector<HTMLElement>('main h1')?.focus();
  }, [message, person.data]);
  const done = (text: string) => {
    setMessage(text);
    person.reload();
    setTabsGeneration((g) => g + 1);
  };

  return (
    <div className="stack">
      <PageTitle kicker={org.name}>{t('routes:person')}</PageTitle>
      <div role="status">
        {(message ?? flash) && (
          <Notice kind="success">
            <p>
              {message ?? flash}
              {/* The portal where the person logs in now (the right's portalUrl), after a grant. */}
              {!message && state?.flashLink && (
                <>
                  {' '}
                  <a href={state.flashLink}>{state.flashLink}</a>
                </>
              )}
            </p>
          </Notice>
        )}
      </div>
      <ResourceView resource={person} loadingText={t('loading')}>
        {(p) => {
          const base = orgPath(org.enterpriseNumber, `/personen/${p.personId}`);
          return (
            <>
              <PersonBlock person={p} />
              <div className="button-row">
                <PersonMenu person={p} path={path} done={done} />
              </div>
              <Tabs className="tabs" defaultSelectedKey="werkrelatie">
                <TabList aria-label={t('tabs')} className="tab-list">
                  <Tab id="werkrelatie" className="tab">
                    {t('tabRelationship')}
                  </Tab>
                  <Tab id="details" className="tab">
                    {t('tabDetails')}
                  </Tab>
                  <Tab id="accounts" className="tab">
                    {t('tabAccounts')}
                  </Tab>
                  <Tab id="historiek" className="tab">
                    {t('tabHistory')}
                  </Tab>
                </TabList>
                <TabPanel id="werkrelatie" className="tab-panel">
                  <RelationshipTab
                    person={p}
                    actions={{ person: p, path, done }}
                    rights={catalogue.data?.items ?? []}
                  />
                </TabPanel>
                <TabPanel id="details" className="tab-panel">
                  <RelationshipDetailsTab person={p} />
                </TabPanel>
                <TabPanel id="accounts" className="tab-panel">
                  <AccountsTab person={p} generation={tabsGeneration} />
                </TabPanel>
                <TabPanel id="historiek" className="tab-panel">
                  <HistoryTab personId={p.personId} generation={tabsGeneration} />
                </TabPanel>
              </Tabs>

              <section aria-labelledby="acties" className="actions">
                <h2 id="acties" className="visually-hidden">
                  {t('common:actions')}
                </h2>
                <div className="button-row">
                  {p.relationship && (
                    <>
                      <ButtonLink href={`${base}/rechten/nieuw`}>{t('routes:grant')}</ButtonLink>
                      <EditRelationshipDialog person={p} path={path} done={done} />
                      <ExtendDialog person={p} path={path} done={done} />
                      {p.relationship.paused ? (
                        <ResumeDialog person={p} path={path} done={done} />
                      ) : (
                        <PauseDialog person={p} path={path} done={done} />
                      )}
                      <DeleteRelationshipDialog person={p} path={path} done={done} />
                    </>
                  )}
                  {/* Always there, as in the seed: with a relationship its page explains there is one per organisation. */}
                  <ButtonLink href={`${base}/werkrelatie`} variant={p.relationship ? 'secondary' : 'primary'}>
                    {t('routes:link')}
                  </ButtonLink>
                  <Button
                    variant="secondary"
                    isPending={person.loading}
                    onPress={() => {
                      person.reload();
                      setTabsGeneration((g) => g + 1);
                    }}
                  >
                    {t('reload')}
                  </Button>
                </div>
              </section>
            </>
          );
        }}
      </ResourceView>
    </div>
  );
}
