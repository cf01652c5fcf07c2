/**
 * *Gebruikersrechten*: the catalogue of rights one can grant, with their profiles, and per right who
 * held it on a chosen day (GET …/rights/{rightId}/holders?on=): the state at the end of that day, as the
 * audit trail recorded it. National numbers come masked from the API.
 */
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { errorText, useApi, useResource } from '../app/api.ts';
import { formatDate } from '../app/format.ts';
import { useOrganisation } from '../app/session.tsx';
import type { RightCatalogueDto, RightHoldersDto } from '../app/types.ts';
import { Button, EmptyState, Notice, PageTitle, ResourceView, TableScroll } from '../components/ui.tsx';

export function RightsCatalogue() {
  const { t } = useTranslation(['rights', 'routes', 'quickGrant']);
  const org = useOrganisation();
  const api = useApi();
  const rights = useResource('rights', (signal) => api.get<RightCatalogueDto>('/rights', { signal }));
  return (
    <div className="stack">
      <PageTitle kicker={org.name}>{t('routes:rights')}</PageTitle>
      <p className="lead">{t('lead')}</p>
      <ResourceView resource={rights} loadingText={t('quickGrant:loading')}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState title={t('none')} />
          ) : (
            <ul className="card-list">
              {data.items.map((r, i) => (
                <li key={r.rightId} className="card stack-small">
                  <h2>{r.name}</h2>
                  <p>{r.description}</p>
                  <p>
                    <Trans
                      t={t}
                      i18nKey="profiles"
                      values={{ profiles: r.profiles.join(', ') }}
                      components={{ strong: <strong /> }}
                    />
                  </p>
                  <p>
                    <Trans
                      t={t}
                      i18nKey="maximum"
                      values={{ count: r.maxYears }}
                      components={{ strong: <strong /> }}
                    />
                  </p>
                  <Holders rightId={r.rightId} rightName={r.name} index={i} />
                </li>
              ))}
            </ul>
          )
        }
      </ResourceView>
    </div>
  );
}

/** "Wie had dit recht op …?": a day (empty: today) and the persons who held the right then. */
function Holders({ rightId, rightName, index }: { rightId: string; rightName: string; index: number }) {
  const { t } = useTranslation(['rights', 'common']);
  const org = useOrganisation();
  const api = useApi();
  const [on, setOn] = useState('');
  const [answer, setAnswer] = useState<RightHoldersDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = `houders-${index}`;

  const load = async () => {
    setBusy(true);
    setError(null);
    try {
      const path = `/organisations/${org.enterpriseNumber}/rights/${encodeURIComponent(rightId)}/holders`;
      setAnswer(await api.get<RightHoldersDto>(path, { query: on ? { on } : {} }));
    } catch (e) {
      setAnswer(null);
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="stack-small" aria-labelledby={`${id}-titel`}>
      <h3 id={`${id}-titel`}>{t('whoHad')}</h3>
      <form
        className="button-row"
        onSubmit={(e) => {
          e.preventDefault();
          void load();
        }}
      >
        <div className="field">
          <label className="field-label" htmlFor={`${id}-dag`}>
            {t('onDay')}
          </label>
          <input
            id={`${id}-dag`}
            className="input input-medium"
            type="date"
            value={on}
            onChange={(e) => setOn(e.target.value)}
          />
        </div>
        <Button type="submit" variant="secondary" isPending={busy}>
          {t('showHolders')}
        </Button>
      </form>
      <div role="status">
        {error && (
          <Notice kind="error">
            <p>{error}</p>
          </Notice>
        )}
        {answer &&
          (answer.holders.length === 0 ? (
            <p>{t('nobody', { right: rightName, date: formatDate(answer.on) })}</p>
          ) : (
            <p>
              {t('held', { count: answer.holders.length, right: rightName, date: formatDate(answer.on) })}
            </p>
          ))}
      </div>
      {answer && answer.holders.length > 0 && (
        <TableScroll label={t('holdersOf', { right: rightName })}>
          <table className="table">
            <caption className="visually-hidden">
              {t('holdersOn', { right: rightName, date: formatDate(answer.on) })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('person')}</th>
                <th scope="col">{t('common:nationalNumber')}</th>
                <th scope="col">{t('common:profiles')}</th>
                <th scope="col">{t('from')}</th>
                <th scope="col">{t('through')}</th>
              </tr>
            </thead>
            <tbody>
              {answer.holders.map((h) => (
                <tr key={h.personId}>
                  <td>{h.name}</td>
                  <td className="nowrap">{h.nationalNumber}</td>
                  <td>{h.profiles.join(', ')}</td>
                  <td className="nowrap">{formatDate(h.from)}</td>
                  <td className="nowrap">{formatDate(h.to)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
