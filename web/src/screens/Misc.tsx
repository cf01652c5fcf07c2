import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';
import { useOrganisation } from '../app/session.tsx';
import { ButtonLink, Notice, PageTitle, TextLink } from '../components/ui.tsx';

export function NotFound() {
  const { t } = useTranslation('misc');
  return (
    <div className="stack">
      <PageTitle>{t('notFoundTitle')}</PageTitle>
      <p>{t('notFoundText')}</p>
      <p>
        <ButtonLink href="/">{t('toStart')}</ButtonLink>
      </p>
    </div>
  );
}

/** A screen of the route table that is not built yet: says so, and what to do meanwhile. */
export function NotYet({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation(['misc', 'home']);
  const org = useOrganisation();
  return (
    <div className="stack">
      <PageTitle>{title}</PageTitle>
      <Notice kind="info" title={t('notYet')}>
        <p>{children}</p>
      </Notice>
      <p className="button-row">
        <ButtonLink href={`/o/${org.enterpriseNumber}/personen/nieuw`}>{t('home:addPerson')}</ButtonLink>
        <ButtonLink href={`/o/${org.enterpriseNumber}/personen`} variant="secondary">
          {t('home:allPersons')}
        </ButtonLink>
        <TextLink href={`/o/${org.enterpriseNumber}`}>{t('backHome')}</TextLink>
      </p>
    </div>
  );
}

export function RouteError() {
  const { t } = useTranslation('misc');
  const error = useRouteError();
  console.error(error);
  return (
    <main className="container main">
      <h1>{t('errorTitle')}</h1>
      <p>{t('errorText')}</p>
      <p>
        <a href="/">{t('toStart')}</a>
      </p>
    </main>
  );
}
