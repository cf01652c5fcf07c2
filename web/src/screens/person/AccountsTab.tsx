import { useTranslation } from 'react-i18next';
import { useApi, useResource } from '../../app/api.ts';
import { loginMethodLabel } from '../../app/format.ts';
import { useOrganisation } from '../../app/session.tsx';
import type { PersonAccountsDto, PersonPageDto } from '../../app/types.ts';
import { EmptyState, NationalNumber, ResourceView, TableScroll } from '../../components/ui.tsx';

/**
 * *Accounts*: how the person logs in, and the login methods they used (first and last use, count). The
 * logins have their own route, loaded when the tab opens, so the person page stays one read.
 */
export function AccountsTab({ person, generation }: { person: PersonPageDto; generation: number }) {
  const { t } = useTranslation(['person', 'common']);
  const org = useOrganisation();
  const api = useApi();
  const path = `/organisations/${org.enterpriseNumber}/persons/${person.personId}/accounts`;
  const logins = useResource(`accounts:${person.personId}:${generation}`, (signal) =>
    api.get<PersonAccountsDto>(path, { signal }),
  );
  return (
    <div className="stack-small">
      <dl className="details">
        <div>
          <dt>{t('common:nationalNumber')}</dt>
          <dd>
            <NationalNumber masked={person.nationalNumber} />
          </dd>
        </div>
        <div>
          <dt>{t('common:login')}</dt>
          <dd>{t('loginVia')}</dd>
        </div>
      </dl>
      <ResourceView resource={logins} loadingText={t('accountsLoading')}>
        {({ accounts }) =>
          accounts ? (
            <TableScroll label={t('loginMethods')}>
              <table className="table">
                <caption className="visually-hidden">{t('loginMethods')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('loginMethod')}</th>
                  </tr>
                </thead>
                <tbody>
                  {accounts.methods.map((m) => (
                    <tr key={m.method}>
                      <th scope="row">{loginMethodLabel(m.method)}</th>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          ) : (
            <EmptyState title={t('noLogins')}>
              <p>{t('noLoginsText', { name: person.firstName })}</p>
            </EmptyState>
          )
        }
      </ResourceView>
      <p className="muted">{t('noPasswords', { name: person.firstName })}</p>
    </div>
  );
}
