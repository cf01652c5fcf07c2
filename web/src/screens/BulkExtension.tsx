/**
 * *Verlengen* on *Toon alle personen*: the work relationships (and rights) of the persons ticked, or of
 * everyone whose relationship or a right ends before a day, extended in one action (POST …/extensions):
 * an optional new end date (at most 10 years for a relationship, 5 for a right; empty: the longest
 * allowed), each person on their own, with a progress bar, the result per person and the result file.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, useApi, useIdempotencyKeys } from '../app/api.ts';
import { useOrganisation } from '../app/session.tsx';
import type { JobDto } from '../app/types.ts';
import { JobProgress, JobRows, JobSummary, ResultDownload, useJob } from '../components/bulk-job.tsx';
import { Button, Notice } from '../components/ui.tsx';

type Which = 'selected' | 'ending';

export function BulkExtension({ selected, onDone }: { selected: string[]; onDone: () => void }) {
  const { t } = useTranslation(['bulk', 'common']);
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
      setProblem(t('tickFirst'));
      return;
    }
    if (which === 'ending' && !endingBefore) {
      setProblem(t('chooseDate'));
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
          : t('failed'),
      );
    } finally {
      setBusy(false);
    }
  };

  const running = job?.status === 'applying';

  return (
    <section className="card stack-small" aria-labelledby="verlengen-titel">
      <h2 id="verlengen-titel">{t('extendTitle')}</h2>
      <p>{t('extendText')}</p>
      <fieldset className="fieldset radio-group">
        <legend className="field-label">{t('who')}</legend>
        <label className="radio-option">
          <input
            type="radio"
            name="verlengen-wie"
            checked={which === 'selected'}
            onChange={() => setWhich('selected')}
          />{' '}
          {t('ticked', { count: selected.length })}
        </label>
        <label className="radio-option">
          <input
            type="radio"
            name="verlengen-wie"
            checked={which === 'ending'}
            onChange={() => setWhich('ending')}
          />{' '}
          {t('endingBefore')}
        </label>
        {which === 'ending' && (
          <div className="field">
            <label className="field-label" htmlFor="verlengen-voor">
              {t('endsBefore')}
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
          {t('newEndDate')}
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
        {t('includeRights')}
      </label>
      <div className="field">
        <label className="field-label" htmlFor="verlengen-reden">
          {t('reasonOptional')}
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
        {t('extend')}
      </Button>
      {problem && (
        <Notice kind="error" role="alert">
          <p>{problem}</p>
        </Notice>
      )}
      {job && running && <JobProgress job={job} />}
      {job?.status === 'done' && (
        <>
          <Notice kind="success" role="status" title={t('extendDone')}>
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
              {t('close')}
            </Button>
          </div>
        </>
      )}
      {job?.status === 'failed' && (
        <Notice kind="error" role="alert">
          <p>{t('extendFailed')}</p>
        </Notice>
      )}
    </section>
  );
}
