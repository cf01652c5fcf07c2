import { useTranslation } from 'react-i18next';
import { categoryLabel, formatDate, formatEnterpriseNumber, formatPhone } from '../../app/format.ts';
import type { PersonPageDto } from '../../app/types.ts';
import { EmptyState } from '../../components/ui.tsx';

/** *Werkrelatie details*: every field of the work relationship, including contact data and the pause. */
export function RelationshipDetailsTab({ person }: { person: PersonPageDto }) {
  const { t } = useTranslation(['person', 'common']);
  const r = person.relationship;
  if (!r) {
    return (
      <EmptyState title={t('noDetails')}>
        <p>{t('noDetailsText')}</p>
      </EmptyState>
    );
  }
  return (
    <dl className="details">
      <div>
        <dt>{t('common:organisation')}</dt>
        <dd>
          {person.organisation.name} ({formatEnterpriseNumber(person.organisation.enterpriseNumber)})
        </dd>
      </div>
      <div>
        <dt>{t('common:category')}</dt>
        <dd>{categoryLabel(r.category)}</dd>
      </div>
      <div>
        <dt>{t('common:startDate')}</dt>
        <dd>{formatDate(r.startDate)}</dd>
      </div>
      <div>
        <dt>{t('common:endDate')}</dt>
        <dd>{formatDate(r.endDate)}</dd>
      </div>
      <div>
        <dt>{t('common:phone')}</dt>
        <dd>{formatPhone(r.phone)}</dd>
      </div>
      <div>
        <dt>{t('common:email')}</dt>
        <dd>{r.email}</dd>
      </div>
      <div>
        <dt>{t('common:paused')}</dt>
        <dd>
          {r.paused
            ? r.pauseReason
              ? t('pausedWhy', { reason: r.pauseReason })
              : t('common:yes')
            : t('common:no')}
        </dd>
      </div>
    </dl>
  );
}
