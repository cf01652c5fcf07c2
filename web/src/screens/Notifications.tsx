import { type FormEvent, useEffect, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { ApiError, errorText, useApi, useResource } from '../app/api.ts';
import { useMe } from '../app/session.tsx';
import type { NotificationFrequency, PreferencesDto } from '../app/types.ts';
import { Button, Notice, PageTitle, ResourceView } from '../components/ui.tsx';

const CHOICES: readonly NotificationFrequency[] = ['daily', 'weekly', 'each'];

/**
 * *Meldingen*: how a local administrator hears about rights and work relationships that end soon (a
 * daily or weekly digest, or every item on its own). Every e-mail links here (its footer and its
 * List-Unsubscribe header). Saved with the version it was read with (If-Match).
 */
export function Notifications() {
  const { t, i18n } = useTranslation(['notifications', 'common']);
  const api = useApi();
  const me = useMe();
  // Read again when the language changes: saving it gave the preferences a new version.
  const preferences = useResource(`preferences:${i18n.language}`, (signal) =>
    api.get<PreferencesDto>('/me/preferences', { signal }),
  );
  const isAdmin = me.data?.organisations.some((o) => o.roles.includes('local-admin')) ?? false;

  return (
    <div className="stack">
      <PageTitle kicker={t('common:appName')}>{t('title')}</PageTitle>
      <p className="lead">{t('lead')}</p>
      {me.data && !isAdmin && (
        <Notice kind="info" title={t('notAdminTitle')}>
          <p>{t('notAdminText')}</p>
        </Notice>
      )}
      <ResourceView resource={preferences} loadingText={t('loading')}>
        {(data) => <FrequencyForm preferences={data} onConflict={() => preferences.reload()} />}
      </ResourceView>
      <section className="card stack-small" aria-labelledby="altijd">
        <h2 id="altijd">{t('alwaysTitle')}</h2>
        <p>{t('alwaysText')}</p>
        <p>
          <Trans t={t} i18nKey="address" components={{ em: <em /> }} />
        </p>
        <p>{t('language')}</p>
      </section>
    </div>
  );
}

function FrequencyForm({ preferences, onConflict }: { preferences: PreferencesDto; onConflict: () => void }) {
  const { t } = useTranslation(['notifications', 'common']);
  const api = useApi();
  const [choice, setChoice] = useState(preferences.notifications.frequency);
  const [version, setVersion] = useState(preferences.version);
  const [saving, setSaving] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  // A reload after a conflict brings the choice saved elsewhere.
  useEffect(() => {
    setChoice(preferences.notifications.frequency);
    setVersion(preferences.version);
  }, [preferences]);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setResult(null);
    try {
      const saved = await api.put<PreferencesDto>(
        '/me/preferences',
        { notifications: { frequency: choice } },
        { ifMatch: version },
      );
      setVersion(saved.version);
      setResult({ ok: true, text: t('saved', { choice: t(`${choice}.label`).toLowerCase() }) });
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) {
        setResult({ ok: false, text: t('conflict') });
        onConflict();
      } else setResult({ ok: false, text: errorText(error) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="card stack-small" onSubmit={(e) => void save(e)}>
      <fieldset className="fieldset radio-group">
        <legend className="field-label">{t('legend')}</legend>
        {CHOICES.map((c) => (
          <div key={c} className="radio-option">
            <input
              type="radio"
              id={`meldingen-${c}`}
              name="frequency"
              value={c}
              checked={choice === c}
              onChange={() => setChoice(c)}
              aria-describedby={`meldingen-${c}-uitleg`}
            />
            <label htmlFor={`meldingen-${c}`}>
              <span className="radio-label">{t(`${c}.label`)}</span>
              <span id={`meldingen-${c}-uitleg`} className="field-description">
                {t(`${c}.description`)}
              </span>
            </label>
          </div>
        ))}
      </fieldset>
      <div className="button-row">
        <Button type="submit" isPending={saving}>
          {t('common:save')}
        </Button>
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
