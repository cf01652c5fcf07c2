/**
 * *Toegangsreview*: the organisation's access review. The running campaign with a line per active
 * right (*Behouden*, or *Intrekken* with a reason) and *Behoud alle overige*; without one, *Start een
 * toegangsreview*; the settings (interval, what the close does with unanswered lines, the days); the
 * last campaigns with their summary. The review workflow opens, reminds and closes (GET/POST …/reviews).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, errorText, useApi, useResource } from '../app/api.ts';
import { formatDate, formatDateTime } from '../app/format.ts';
import { useOrganisation } from '../app/session.tsx';
import { ActionDialog } from '../components/dialog.tsx';
import { Button, EmptyState, Notice, PageTitle, ResourceView, TableScroll } from '../components/ui.tsx';

interface Settings {
  intervalMonths: number;
  unanswered: 'nothing' | 'revoke';
  remindAfterDays: number[];
  closeAfterDays: number;
}

interface Summary {
  lines: number;
  kept: number;
  revoked: number;
  unanswered: number;
  revokedUnanswered: number;
}

interface Campaign {
  campaignId: string;
  status: 'opening' | 'open' | 'closed';
  trigger: 'schedule' | 'demand';
  startedBy: string;
  openedOn: string;
  closesOn: string;
  summary: Summary;
  closedOn: string | null;
}

interface Overview {
  settings: Settings;
  nextOn: string;
  current: Campaign | null;
  campaigns: Campaign[];
}

interface Line {
  personId: string;
  grantId: string;
  rightId: string;
  name: string;
  nationalNumber: string;
  profiles: string[];
  endDate: string;
  lastLoginAt: string | null;
  decision: 'keep' | 'revoke' | null;
  decidedHow: 'answer' | 'bulk' | 'unanswered' | null;
  reason: string | null;
  decidedBy: string | null;
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function Reviews() {
  const { t } = useTranslation(['review', 'common', 'routes']);
  const org = useOrganisation();
  const api = useApi();
  const path = `/organisations/${org.enterpriseNumber}/reviews`;
  const overview = useResource(`reviews:${org.enterpriseNumber}`, (signal) =>
    api.get<Overview>(path, { signal }),
  );
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const start = async (close: () => void) => {
    setError(null);
    try {
      const started = await api.post<Campaign>(path, { confirm: true });
      close();
      setMessage(t('opening'));
      // The workflow opens it in the background: a few seconds for a large organisation.
      for (let i = 0; i < 60; i++) {
        const c = await api.get<{ campaign: Campaign }>(`${path}/${started.campaignId}`);
        if (c.campaign.status !== 'opening') break;
        await pause(500);
      }
      setMessage(t('opened'));
      overview.reload();
    } catch (e) {
      close();
      setError(errorText(e));
    }
  };

  return (
    <div className="stack">
      <PageTitle kicker={org.name}>{t('routes:review')}</PageTitle>
      <p>{t('intro', { organisation: org.name })}</p>
      <div role="status">
        {message && (
          <Notice kind="success">
            <p>{message}</p>
          </Notice>
        )}
        {error && (
          <Notice kind="error">
            <p>{error}</p>
          </Notice>
        )}
      </div>
      <ResourceView resource={overview} loadingText={t('loading')}>
        {(data) => (
          <>
            {data.current && data.current.status !== 'closed' ? (
              <CurrentCampaign path={path} campaign={data.current} onChange={() => overview.reload()} />
            ) : (
              <section className="card stack-small" aria-labelledby="review-start">
                <h2 id="review-start">{t('noneRunning')}</h2>
                <p>{t('next', { date: formatDate(data.nextOn) })}</p>
                <ActionDialog label={t('start')} title={t('startTitle')} variant="primary">
                  {(close) => (
                    <>
                      <p>{t('startText', { organisation: org.name })}</p>
                      <div className="button-row">
                        <Button onPress={() => void start(close)}>{t('startSubmit')}</Button>
                        <Button variant="secondary" onPress={close}>
                          {t('common:cancel')}
                        </Button>
                      </div>
                    </>
                  )}
                </ActionDialog>
              </section>
            )}
            <SettingsForm path={path} settings={data.settings} onSaved={() => overview.reload()} />
            <section className="stack-small" aria-labelledby="review-vorige">
              <h2 id="review-vorige">{t('previous')}</h2>
              {data.campaigns.length === 0 ? (
                <p>{t('noneYet')}</p>
              ) : (
                <ul>
                  {data.campaigns.map((c) => (
                    <li key={c.campaignId}>
                      {t('summary', {
                        from: formatDate(c.openedOn),
                        to: formatDate(c.closedOn ?? c.closesOn),
                        rights: t('rightsCount', { count: c.summary.lines }),
                        kept: c.summary.kept,
                        revoked: c.summary.revoked,
                        unanswered: c.summary.unanswered,
                      })}
                      {c.summary.revokedUnanswered > 0
                        ? ` ${t('revokedAtClose', { count: c.summary.revokedUnanswered })}`
                        : ''}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </>
        )}
      </ResourceView>
    </div>
  );
}

function CurrentCampaign({
  path,
  campaign,
  onChange,
}: {
  path: string;
  campaign: Campaign;
  onChange: () => void;
}) {
  const { t } = useTranslation(['review', 'common']);
  const api = useApi();
  const [lines, setLines] = useState<Line[] | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const base = `${path}/${campaign.campaignId}`;

  const load = async () => {
    const res = await api.get<{ lines: Line[] }>(base);
    setLines(res.lines);
  };
  useEffect(() => {
    let live = true;
    api
      .get<{ lines: Line[] }>(base)
      .then((res) => live && setLines(res.lines))
      .catch((e: unknown) => live && setError(errorText(e)));
    return () => {
      live = false;
    };
  }, [api, base]);

  const answer = async (line: Line, decision: 'keep' | 'revoke', reason?: string) => {
    setError(null);
    try {
      await api.post(`${base}/answers`, {
        personId: line.personId,
        grantId: line.grantId,
        decision,
        ...(reason ? { reason } : {}),
      });
      setStatus(t(decision === 'keep' ? 'answeredKeep' : 'answeredRevoke', { name: line.name }));
      await load();
      return null;
    } catch (e) {
      if (e instanceof ApiError) return e.fieldErrors[0]?.message ?? e.detail ?? e.title;
      return errorText(e);
    }
  };

  const keepRest = async (close: () => void) => {
    setError(null);
    try {
      const res = await api.post<{ kept: number; leftForOthers: number }>(`${base}/keep-remaining`, {
        confirm: true,
      });
      close();
      setStatus(
        res.leftForOthers > 0
          ? `${t('keptCount', { count: res.kept })} ${t('leftForOthers', { count: res.leftForOthers })}`
          : t('keptCount', { count: res.kept }),
      );
      await load();
      onChange();
    } catch (e) {
      close();
      setError(errorText(e));
    }
  };

  const open = lines?.filter((l) => l.decision === null && l.decidedHow === null) ?? [];
  return (
    <section className="card stack-small" aria-labelledby="review-lopend">
      <h2 id="review-lopend">{t('running')}</h2>
      <p>
        {t('runningText', {
          from: formatDate(campaign.openedOn),
          how: campaign.trigger === 'demand' ? t('byName', { name: campaign.startedBy }) : t('scheduled'),
          to: formatDate(campaign.closesOn),
        })}
        {lines ? ` ${t('toAnswer', { open: open.length, count: lines.length })}` : ''}
      </p>
      <div role="status">
        {status && (
          <Notice kind="success">
            <p>{status}</p>
          </Notice>
        )}
        {error && (
          <Notice kind="error">
            <p>{error}</p>
          </Notice>
        )}
      </div>
      {campaign.status === 'opening' || !lines ? (
        <p>{t('listLoading')}</p>
      ) : lines.length === 0 ? (
        <EmptyState title={t('noLines')} />
      ) : (
        <>
          <TableScroll label={t('tableLabel')}>
            <table className="table">
              <caption className="visually-hidden">{t('tableLabel')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('person')}</th>
                  <th scope="col">{t('common:right')}</th>
                  <th scope="col">{t('common:profiles')}</th>
                  <th scope="col">{t('common:endDate')}</th>
                  <th scope="col">{t('lastLogin')}</th>
                  <th scope="col">{t('answer')}</th>
                </tr>
              </thead>
              <tbody>
                {lines.map((l) => (
                  <tr key={`${l.personId}-${l.grantId}`}>
                    <td>
                      {l.name} ({l.nationalNumber})
                    </td>
                    <td>{l.rightId}</td>
                    <td>{l.profiles.join(', ')}</td>
                    <td className="nowrap">{formatDate(l.endDate)}</td>
                    <td className="nowrap">{l.lastLoginAt ? formatDateTime(l.lastLoginAt) : t('never')}</td>
                    <td>
                      {l.decision || l.decidedHow ? (
                        <span>
                          {l.decision === 'keep'
                            ? t('kept')
                            : l.decision === 'revoke'
                              ? t('revoked')
                              : t('unanswered')}
                          {l.decidedBy ? ` ${t('byName', { name: l.decidedBy })}` : ''}
                          {l.reason && l.decision === 'revoke' ? `: ${l.reason}` : ''}
                        </span>
                      ) : (
                        <div className="button-row">
                          <Button
                            variant="secondary"
                            aria-label={t('keepButton', { name: l.name })}
                            onPress={() => void answer(l, 'keep').then((m) => m && setError(m))}
                          >
                            {t('keep')}
                          </Button>
                          <RevokeDialog line={l} onRevoke={(reason) => answer(l, 'revoke', reason)} />
                        </div>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {open.length > 0 && (
            <ActionDialog label={t('keepRest')} title={t('keepRestTitle')}>
              {(close) => (
                <>
                  <p>{t('keepRestText', { count: open.length })}</p>
                  <div className="button-row">
                    <Button onPress={() => void keepRest(close)}>{t('keepRestSubmit')}</Button>
                    <Button variant="secondary" onPress={close}>
                      {t('common:cancel')}
                    </Button>
                  </div>
                </>
              )}
            </ActionDialog>
          )}
        </>
      )}
    </section>
  );
}

function RevokeDialog({
  line,
  onRevoke,
}: {
  line: Line;
  onRevoke: (reason: string) => Promise<string | null>;
}) {
  const { t } = useTranslation(['review', 'common']);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const id = `reden-${line.grantId}`;
  return (
    <ActionDialog
      label={t('revoke')}
      buttonLabel={t('revokeButton', { name: line.name })}
      title={t('revokeTitle', { right: line.rightId, name: line.name })}
    >
      {(close) => (
        <form
          className="stack-small"
          onSubmit={(e) => {
            e.preventDefault();
            void onRevoke(reason).then((m) => {
              if (m) setError(m);
              else close();
            });
          }}
        >
          <div className="field">
            <label className="field-label" htmlFor={id}>
              {t('common:reason')}
            </label>
            <textarea id={id} className="input" value={reason} onChange={(e) => setReason(e.target.value)} />
            {error && <p className="field-error">{error}</p>}
          </div>
          <div className="button-row">
            <Button type="submit" variant="danger">
              {t('revokeSubmit')}
            </Button>
            <Button variant="secondary" onPress={close}>
              {t('common:cancel')}
            </Button>
          </div>
        </form>
      )}
    </ActionDialog>
  );
}

function SettingsForm({
  path,
  settings,
  onSaved,
}: {
  path: string;
  settings: Settings;
  onSaved: () => void;
}) {
  const { t } = useTranslation(['review', 'common']);
  const api = useApi();
  const [interval, setInterval_] = useState(String(settings.intervalMonths));
  const [unanswered, setUnanswered] = useState(settings.unanswered);
  const [reminders, setReminders] = useState(settings.remindAfterDays.join(', '));
  const [closeAfter, setCloseAfter] = useState(String(settings.closeAfterDays));
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  const save = async () => {
    setResult(null);
    try {
      const saved = await api.put<{ nextOn: string }>(`${path}/settings`, {
        intervalMonths: Number(interval),
        unanswered,
        remindAfterDays: reminders
          .split(',')
          .map((d) => d.trim())
          .filter(Boolean)
          .map(Number),
        closeAfterDays: Number(closeAfter),
      });
      setResult({
        ok: true,
        text: t('saved', { date: formatDate(saved.nextOn) }),
      });
      onSaved();
    } catch (e) {
      setResult({
        ok: false,
        text: e instanceof ApiError ? (e.fieldErrors[0]?.message ?? e.detail ?? e.title) : errorText(e),
      });
    }
  };

  return (
    <form
      className="card stack-small"
      aria-labelledby="review-instellingen"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2 id="review-instellingen">{t('settings')}</h2>
      <div className="field">
        <label className="field-label" htmlFor="review-interval">
          {t('interval')}
        </label>
        <input
          id="review-interval"
          className="input input-small"
          inputMode="numeric"
          value={interval}
          onChange={(e) => setInterval_(e.target.value)}
        />
      </div>
      <div className="field">
        <label className="field-label" htmlFor="review-onbeantwoord">
          {t('unansweredSetting')}
        </label>
        <select
          id="review-onbeantwoord"
          className="input input-medium"
          value={unanswered}
          onChange={(e) => setUnanswered(e.target.value as Settings['unanswered'])}
        >
          <option value="nothing">{t('doNothing')}</option>
          <option value="revoke">{t('revoke')}</option>
        </select>
      </div>
      <div className="field">
        <label className="field-label" htmlFor="review-herinneringen">
          {t('reminders')}
        </label>
        <input
          id="review-herinneringen"
          className="input input-medium"
          value={reminders}
          onChange={(e) => setReminders(e.target.value)}
        />
      </div>
      <div className="field">
        <label className="field-label" htmlFor="review-sluiting">
          {t('closeAfter')}
        </label>
        <input
          id="review-sluiting"
          className="input input-small"
          inputMode="numeric"
          value={closeAfter}
          onChange={(e) => setCloseAfter(e.target.value)}
        />
      </div>
      <div className="button-row">
        <Button type="submit">{t('common:save')}</Button>
      </div>
      <div role="status">
        {result && (
          <Notice kind={result.ok ? 'success' : 'error'}>
            <p>{result.text}</p>
          </Notice>
        )}
      </div>
    </form>
  );
}
