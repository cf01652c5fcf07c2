/**
 * *Verlengen* on *Toon alle personen*: the work relationships (and rights) of the persons ticked, or of
 * everyone whose relationship or a right ends before a day, extended in one action (POST …/extensions):
 * an optional new end date (at most 10 years for a relationship, 5 for a right; empty: the longest
 * allowed), each person on their own, with a progress bar, the result per person and the result file.
 */
import { useState } from 'react';
import { ApiError, useApi, useIdempotencyKeys } from '../app/api.ts';
import { useOrganisation } from '../app/session.tsx';
import type { JobDto } from '../app/types.ts';
import { JobProgress, JobRows, JobSummary, ResultDownload, useJob } from '../components/bulk-job.tsx';
import { Button, Notice } from '../components/ui.tsx';

type Which = 'selected' | 'ending';

export function BulkExtension({ selected, onDone }: { selected: string[]; onDone: () => void }) {
  const org = useOrganisation();
  const api = useApi();
  const keyFor = useIdempotencyKeys();
  const [which, setWhich] = useState<Which>('selected');
  const [endingBefore, setEndingBefore] = useState('');
  const [endDate, setEndDate] = useState('');
  const [includeRights, setIncludeRights] = useState(true);
  const [reason, setReason] = useState('');
  const [jobId, setJobId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const { job } = useJob(org.enterpriseNumber, jobId);

  const submit = async () => {
    setProblem(null);
    if (which === 'selected' && selected.length === 0) {
      setProblem('Vink eerst de personen aan die u wilt verlengen.');
      return;
    }
    if (which === 'ending' && !endingBefore) {
      setProblem('Kies de datum waarvoor de werkrelatie of een gebruikersrecht eindigt.');
      return;
    }
    const body = {
      ...(which === 'selected' ? { personIds: selected } : { endingBefore }),
      ...(endDate ? { endDate } : {}),
      includeRights,
      ...(reason.trim() ? { reason: reason.trim() } : {}),
    };
    setBusy(true);
    try {
      const started = await api.post<JobDto>(`/organisations/${org.enterpriseNumber}/extensions`, body, {
        idempotencyKey: keyFor(body),
      });
      setJobId(started.jobId);
    } catch (e) {
      setProblem(
        e instanceof ApiError
          ? e.status === 400
            ? (e.fieldErrors[0]?.message ?? e.detail ?? e.title)
            : (e.detail ?? e.title)
          : 'Er ging iets mis.',
      );
    } finally {
      setBusy(false);
    }
  };

  const running = job?.status === 'applying';

  return (
    <section className="card stack-small" aria-labelledby="verlengen-titel">
      <h2 id="verlengen-titel">Verlengen</h2>
      <p>Verleng de werkrelaties en gebruikersrechten van meerdere personen tegelijk.</p>
      <fieldset className="fieldset radio-group">
        <legend className="field-label">Wie</legend>
        <label className="radio-option">
          <input
            type="radio"
            name="verlengen-wie"
            checked={which === 'selected'}
            onChange={() => setWhich('selected')}
          />{' '}
          De aangevinkte personen ({selected.length})
        </label>
        <label className="radio-option">
          <input
            type="radio"
            name="verlengen-wie"
            checked={which === 'ending'}
            onChange={() => setWhich('ending')}
          />{' '}
          Iedereen van wie de werkrelatie of een gebruikersrecht eindigt vóór een datum
        </label>
        {which === 'ending' && (
          <div className="field">
            <label className="field-label" htmlFor="verlengen-voor">
              Eindigt vóór
            </label>
            <input
              id="verlengen-voor"
              className="input input-medium"
              type="date"
              value={endingBefore}
              onChange={(e) => setEndingBefore(e.target.value)}
            />
          </div>
        )}
      </fieldset>
      <div className="field">
        <label className="field-label" htmlFor="verlengen-einddatum">
          Nieuwe einddatum (leeg: zo lang als toegelaten)
        </label>
        <input
          id="verlengen-einddatum"
          className="input input-medium"
          type="date"
          value={endDate}
          onChange={(e) => setEndDate(e.target.value)}
        />
      </div>
      <label className="checkbox-label">
        <input type="checkbox" checked={includeRights} onChange={(e) => setIncludeRights(e.target.checked)} />
        Gebruikersrechten mee verlengen
      </label>
      <div className="field">
        <label className="field-label" htmlFor="verlengen-reden">
          Reden (optioneel)
        </label>
        <input
          id="verlengen-reden"
          className="input input-long"
          value={reason}
          maxLength={500}
          onChange={(e) => setReason(e.target.value)}
        />
      </div>
      <Button onPress={() => void submit()} isPending={busy} isDisabled={busy || running}>
        Verleng
      </Button>
      {problem && (
        <Notice kind="error" role="alert">
          <p>{problem}</p>
        </Notice>
      )}
      {job && running && <JobProgress job={job} />}
      {job?.status === 'done' && (
        <>
          <Notice kind="success" role="status" title="Verlengen is klaar">
            <JobSummary job={job} />
          </Notice>
          <JobRows job={job} show="result" />
          <div className="toolbar">
            <ResultDownload enterpriseNumber={org.enterpriseNumber} jobId={job.jobId} />
            <Button
              variant="secondary"
              onPress={() => {
                setJobId(null);
                onDone();
              }}
            >
              Sluiten
            </Button>
          </div>
        </>
      )}
      {job?.status === 'failed' && (
        <Notice kind="error" role="alert">
          <p>Verlengen kon niet afgerond worden. Wat al verlengd was, blijft verlengd.</p>
        </Notice>
      )}
    </section>
  );
}
