import { Trans, useTranslation } from 'react-i18next';
import { categoryLabel, formatDate, formatEnterpriseNumber, grantStateLabel } from '../../app/format.ts';
import type { PersonPageDto, RightCatalogueDto } from '../../app/types.ts';
import { EmptyState, TableScroll } from '../../components/ui.tsx';
import { type ActionProps, EditGrantDialog, RevokeGrantDialog } from '../PersonActions.tsx';

/** *Werkrelatie*: the work relationship with the organisation and the rights granted under it. */
export function RelationshipTab({
  person,
  actions,
  rights,
}: {
  person: PersonPageDto;
  actions: ActionProps;
  rights: readonly RightCatalogueDto['items'][number][];
}) {
  const { t } = useTranslation(['person', 'common']);
  const r = person.relationship;
  if (!r) {
    return (
      <EmptyState
        title={t('noRelationship', {
          name: `${person.firstName} ${person.lastName}`,
          organisation: person.organisation.name,
        })}
      >
        <p>
          <Trans t={t} i18nKey="noRelationshipText" components={{ strong: <strong /> }} />
        </p>
      </EmptyState>
    );
  }
  return (
    <div className="stack-small">
      <div className="relationship-card">
        <p>
          <span className="mono">{formatEnterpriseNumber(person.organisation.enterpriseNumber)}</span>{' '}
          <strong>{person.organisation.name}</strong> · {categoryLabel(r.category)}
        </p>
        <p>
          {t('validFromTo', { from: formatDate(r.startDate), to: formatDate(r.endDate) })}
          {r.paused && <span className="badge badge-paused">{t('common:paused')}</span>}
        </p>
      </div>
      {person.grants.length === 0 ? (
        <EmptyState title={t('noGrants')}>
          <p>
            <Trans t={t} i18nKey="noGrantsText" components={{ strong: <strong /> }} />
          </p>
        </EmptyState>
      ) : (
        <TableScroll label={t('common:rights')}>
          <table className="table">
            <caption className="visually-hidden">{t('common:rights')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('common:right')}</th>
                <th scope="col">{t('common:profiles')}</th>
                <th scope="col">{t('common:startDate')}</th>
                <th scope="col">{t('common:endDate')}</th>
                <th scope="col">{t('common:state')}</th>
                <th scope="col">{t('common:actions')}</th>
              </tr>
            </thead>
            <tbody>
              {person.grants.map((g) => (
                <tr key={g.grantId}>
                  <td>{g.rightName}</td>
                  <td>{g.profiles.join(', ')}</td>
                  <td className="nowrap">{formatDate(g.startDate)}</td>
                  <td className="nowrap">{formatDate(g.endDate)}</td>
                  <td>
                    <span className={`badge badge-${g.state}`}>{grantStateLabel(g.state)}</span>
                  </td>
                  <td className="nowrap">
                    {g.state === 'expired' ? (
                      <span className="muted">—</span>
                    ) : (
                      <span className="row-actions">
                        <EditGrantDialog
                          {...actions}
                          grant={g}
                          right={rights.find((r) => r.rightId === g.right)}
                        />
                        <RevokeGrantDialog {...actions} grant={g} />
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}
