/**
 * *Toegangsreview*: the organisation's access review. The running campaign with a line per active
 * right (*Behouden*, or *Intrekken* with a reason) and *Behoud alle overige*; without one, *Start een
 * toegangsreview*; the settings (interval, what the close does with unanswered lines, the days); the
 * last campaigns with their summary. The review workflow opens, reminds and closes (GET/POST …/reviews).
 */
import { useEffect, useState } from 'react';
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
      setMessage('De toegangsreview wordt geopend…');
      // The workflow opens it in the background: a few seconds for a large organisation.
      for (let i = 0; i < 60; i++) {
        const c = await api.get<{ campaign: Campaign }>(`${path}/${started.campaignId}`);
        if (c.campaign.status !== 'opening') break;
        await pause(500);
      }
      setMessage('De toegangsreview is geopend.');
      overview.reload();
    } catch (e) {
      close();
      setError(errorText(e));
    }
  };

  return (
    <div className="stack">
      <PageTitle kicker={org.name}>Toegangsreview</PageTitle>
      <p>
        Bevestig geregeld dat elk gebruikersrecht van {org.name} nog nodig is: behoud het, of trek het in met
        een reden. Elke beslissing komt in de historiek.
      </p>
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
      <ResourceView resource={overview} loadingText="De toegangsreview wordt opgehaald…">
        {(data) => (
          <>
            {data.current && data.current.status !== 'closed' ? (
              <CurrentCampaign path={path} campaign={data.current} onChange={() => overview.reload()} />
            ) : (
              <section className="card stack-small" aria-labelledby="review-start">
                <h2 id="review-start">Geen lopende toegangsreview</h2>
                <p>De volgende toegangsreview start vanzelf op {formatDate(data.nextOn)}.</p>
                <ActionDialog
                  label="Start een toegangsreview"
                  title="Een toegangsreview starten?"
                  variant="primary"
                >
                  {(close) => (
                    <>
                      <p>
                        Alle actieve gebruikersrechten van {org.name} komen op de lijst, en alle lokale
                        beheerders krijgen een e-mail.
                      </p>
                      <div className="button-row">
                        <Button onPress={() => void start(close)}>Ja, start de toegangsreview</Button>
                        <Button variant="secondary" onPress={close}>
                          Annuleer
                        </Button>
                      </div>
                    </>
                  )}
                </ActionDialog>
              </section>
            )}
            <SettingsForm path={path} settings={data.settings} onSaved={() => overview.reload()} />
            <section className="stack-small" aria-labelledby="review-vorige">
              <h2 id="review-vorige">Vorige toegangsreviews</h2>
              {data.campaigns.length === 0 ? (
                <p>Nog geen.</p>
              ) : (
                <ul>
                  {data.campaigns.map((c) => (
                    <li key={c.campaignId}>
                      {formatDate(c.openedOn)} tot {formatDate(c.closedOn ?? c.closesOn)}: {c.summary.lines}{' '}
                      {c.summary.lines === 1 ? 'recht' : 'rechten'}, {c.summary.kept} behouden,{' '}
                      {c.summary.revoked} ingetrokken, {c.summary.unanswered} onbeantwoord
                      {c.summary.revokedUnanswered > 0
                        ? ` (waarvan ${c.summary.revokedUnanswered} ingetrokken bij de sluiting)`
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
      setStatus(`${line.name}: ${decision === 'keep' ? 'behouden' : 'ingetrokken'}.`);
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
        `${res.kept} behouden.${res.leftForOthers > 0 ? ` ${res.leftForOthers} van uw eigen rechten wachten op een andere lokale beheerder.` : ''}`,
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
      <h2 id="review-lopend">Lopende toegangsreview</h2>
      <p>
        Gestart op {formatDate(campaign.openedOn)} (
        {campaign.trigger === 'demand' ? `door ${campaign.startedBy}` : 'volgens planning'}
        ), sluit op {formatDate(campaign.closesOn)}.
        {lines ? ` ${open.length} van ${lines.length} nog te beantwoorden.` : ''}
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
        <p>De lijst wordt opgehaald…</p>
      ) : lines.length === 0 ? (
        <EmptyState title="Geen actieve gebruikersrechten om te beoordelen." />
      ) : (
        <>
          <TableScroll label="Gebruikersrechten in de toegangsreview">
            <table className="table">
              <caption className="visually-hidden">Gebruikersrechten in de toegangsreview</caption>
              <thead>
                <tr>
                  <th scope="col">Persoon</th>
                  <th scope="col">Gebruikersrecht</th>
                  <th scope="col">Profielen</th>
                  <th scope="col">Einddatum</th>
                  <th scope="col">Laatst aangemeld</th>
                  <th scope="col">Antwoord</th>
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
                    <td className="nowrap">{l.lastLoginAt ? formatDateTime(l.lastLoginAt) : 'Nooit'}</td>
                    <td>
                      {l.decision || l.decidedHow ? (
                        <span>
                          {l.decision === 'keep'
                            ? 'Behouden'
                            : l.decision === 'revoke'
                              ? 'Ingetrokken'
                              : 'Onbeantwoord'}
                          {l.decidedBy ? ` door ${l.decidedBy}` : ''}
                          {l.reason && l.decision === 'revoke' ? `: ${l.reason}` : ''}
                        </span>
                      ) : (
                        <div className="button-row">
                          <Button
                            variant="secondary"
                            aria-label={`Behouden: ${l.name}`}
                            onPress={() => void answer(l, 'keep').then((m) => m && setError(m))}
                          >
                            Behouden
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
            <ActionDialog label="Behoud alle overige" title="Alle overige rechten behouden?">
              {(close) => (
                <>
                  <p>
                    {open.length === 1
                      ? '1 recht zonder antwoord wordt'
                      : `${open.length} rechten zonder antwoord worden`}{' '}
                    behouden. Elke beslissing komt in de historiek.
                  </p>
                  <div className="button-row">
                    <Button onPress={() => void keepRest(close)}>Ja, behoud ze</Button>
                    <Button variant="secondary" onPress={close}>
                      Annuleer
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
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const id = `reden-${line.grantId}`;
  return (
    <ActionDialog
      label="Intrekken"
      buttonLabel={`Intrekken: ${line.name}`}
      title={`${line.rightId} van ${line.name} intrekken?`}
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
              Reden
            </label>
            <textarea id={id} className="input" value={reason} onChange={(e) => setReason(e.target.value)} />
            {error && <p className="field-error">{error}</p>}
          </div>
          <div className="button-row">
            <Button type="submit" variant="danger">
              Trek in
            </Button>
            <Button variant="secondary" onPress={close}>
              Annuleer
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
        text: `Bewaard. De volgende toegangsreview start op ${formatDate(saved.nextOn)}.`,
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
      <h2 id="review-instellingen">Instellingen</h2>
      <div className="field">
        <label className="field-label" htmlFor="review-interval">
          Interval in maanden (3 tot 24)
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
          Onbeantwoorde rechten bij de sluiting
        </label>
        <select
          id="review-onbeantwoord"
          className="input input-medium"
          value={unanswered}
          onChange={(e) => setUnanswered(e.target.value as Settings['unanswered'])}
        >
          <option value="nothing">Niets doen</option>
          <option value="revoke">Intrekken</option>
        </select>
      </div>
      <div className="field">
        <label className="field-label" htmlFor="review-herinneringen">
          Herinneringen na (dagen, gescheiden door komma's)
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
          Sluiten na (dagen)
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
        <Button type="submit">Bewaar</Button>
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
