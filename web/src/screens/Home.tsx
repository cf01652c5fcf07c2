import { type FormEvent, useState } from 'react';
import { Input, Label, SearchField } from 'react-aria-components';
import { Trans, useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useAuth } from '../app/auth.tsx';
import { formatEnterpriseNumber } from '../app/format.ts';
import { orgPath, useOrganisation } from '../app/session.tsx';
import { Button, ButtonLink, Notice, PageTitle, TextLink } from '../components/ui.tsx';
import { TaskList } from './Tasks.tsx';

/** *HOOFDPAGINA*: Mijn Taken, Snel recht toekennen, Personen, Persoon zoeken. */
export function Home() {
  const { t } = useTranslation('home');
  const org = useOrganisation();
  const auth = useAuth();
  const base = orgPath(org.enterpriseNumber);
  // What a change that led here did (removing a person from the organisation).
  const flash = (useLocation().state as { flash?: string } | null)?.flash;

  return (
    <div className="stack">
      <PageTitle kicker={t('kicker')}>
        {auth.name ? t('welcomeName', { name: auth.name }) : t('welcome')}
      </PageTitle>
      <div role="status">
        {flash && (
          <Notice kind="success">
            <p>{flash}</p>
          </Notice>
        )}
      </div>
      <p className="lead">
        <Trans
          t={t}
          i18nKey="workingFor"
          values={{ name: org.name, number: formatEnterpriseNumber(org.enterpriseNumber) }}
          components={{ strong: <strong /> }}
        />
      </p>
      <div className="home-grid">
        <section className="card" aria-labelledby="mijn-taken">
          <h2 id="mijn-taken">{t('tasks')}</h2>
          <TaskList />
          <p className="more-link">
            <TextLink href={`${base}/taken`}>{t('allTasks')}</TextLink>
          </p>
        </section>

        <section className="card" aria-labelledby="snel-recht">
          <h2 id="snel-recht">{t('quickGrant')}</h2>
          <p>{t('quickGrantText')}</p>
          <ButtonLink href={`${base}/snel-recht`}>{t('quickGrantButton')}</ButtonLink>
        </section>

        <section className="card" aria-labelledby="personen">
          <h2 id="personen">{t('persons')}</h2>
          <ul className="action-list">
            <li>
              <TextLink href={`${base}/personen/nieuw`}>{t('addPerson')}</TextLink>
            </li>
            <li>
              <TextLink href={`${base}/personen`}>{t('allPersons')}</TextLink>
            </li>
            <li>
              <TextLink href={`${base}/vergelijk`}>{t('compare')}</TextLink>
            </li>
            <li>
              <TextLink href={`${base}/lokale-beheerders`}>{t('localAdmins')}</TextLink>
            </li>
            <li>
              <TextLink href={`${base}/historiek`}>{t('history')}</TextLink>
            </li>
            <li>
              <TextLink href={`${base}/toegangsreview`}>{t('review')}</TextLink>
            </li>
          </ul>
        </section>

        <section className="card" aria-labelledby="persoon-zoeken">
          <h2 id="persoon-zoeken">{t('search')}</h2>
          <HomeSearch base={base} />
        </section>
      </div>
    </div>
  );
}

function HomeSearch({ base }: { base: string }) {
  const { t } = useTranslation(['home', 'common']);
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const q = text.trim();
    navigate(`${base}/personen${q ? `?zoek=${encodeURIComponent(q)}` : ''}`);
  };
  return (
    <form onSubmit={submit} className="inline-form">
      <SearchField value={text} onChange={setText} className="field">
        <Label className="field-label">{t('searchLabel')}</Label>
        <Input className="input input-medium" />
      </SearchField>
      <Button type="submit">{t('common:search')}</Button>
    </form>
  );
}
