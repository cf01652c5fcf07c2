import { type FormEvent, useEffect, useState } from 'react';
import { ApiError, errorText, useApi, useResource } from '../app/api.ts';
import { useMe } from '../app/session.tsx';
import type { NotificationFrequency, PreferencesDto } from '../app/types.ts';
import { Button, Notice, PageTitle, ResourceView } from '../components/ui.tsx';

const CHOICES: { value: NotificationFrequency; label: string; description: string }[] = [
  {
    value: 'daily',
    label: 'Dagelijks overzicht',
    description:
      'Eén e-mail per organisatie op elke dag dat er iets afloopt of vervalt, met een lijn per persoon. Aanbevolen.',
  },
  {
    value: 'weekly',
    label: 'Wekelijks overzicht',
    description: 'Eén e-mail per organisatie op maandag, met alles van de week ervoor.',
  },
  {
    value: 'each',
    label: 'Elke melding apart',
    description:
      'Een e-mail voor elk gebruikersrecht en elke werkrelatie: 60, 30, 7 en 1 dag voor het einde, en wanneer het vervallen is.',
  },
];

/**
 * *Meldingen*: how a local administrator hears about rights and work relationships that end soon (a
 * daily or weekly digest, or every item on its own). Every e-mail links here (its footer and its
 * List-Unsubscribe header). Saved with the version it was read with (If-Match).
 */
export function Notifications() {
  const api = useApi();
  const me = useMe();
  const preferences = useResource('preferences', (signal) =>
    api.get<PreferencesDto>('/me/preferences', { signal }),
  );
  const isAdmin = me.data?.organisations.some((o) => o.roles.includes('local-admin')) ?? false;

  return (
    <div className="stack">
      <PageTitle kicker="Gebruikersbeheer">Meldingen</PageTitle>
      <p className="lead">
        Kies hoe u als lokale beheerder hoort welke gebruikersrechten en werkrelaties binnenkort aflopen of
        vervallen zijn.
      </p>
      {me.data && !isAdmin && (
        <Notice kind="info" title="U bent (nog) geen lokale beheerder">
          <p>Uw keuze geldt voor de organisaties waar u lokale beheerder wordt.</p>
        </Notice>
      )}
      <ResourceView resource={preferences} loadingText="Uw keuze wordt opgehaald…">
        {(data) => <FrequencyForm preferences={data} onConflict={() => preferences.reload()} />}
      </ResourceView>
      <section className="card stack-small" aria-labelledby="altijd">
        <h2 id="altijd">Wat u altijd krijgt</h2>
        <p>
          Berichten over uw eigen toegang (uw werkrelatie of gebruikersrecht dat afloopt, uw aanvragen) en
          over wat op u wacht (een nieuwe aanvraag, een toegangsreview, een wijziging in de KBO) krijgt u
          altijd: daar moet iemand iets mee doen.
        </p>
        <p>
          De e-mails gaan naar het e-mailadres van uw werkrelatie met de organisatie: een lokale beheerder
          wijzigt het met <em>Bewerk werkrelatie</em> op uw pagina.
        </p>
      </section>
    </div>
  );
}

function FrequencyForm({ preferences, onConflict }: { preferences: PreferencesDto; onConflict: () => void }) {
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
      setResult({
        ok: true,
        text: `Bewaard: ${CHOICES.find((c) => c.value === choice)?.label.toLowerCase()}.`,
      });
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) {
        setResult({
          ok: false,
          text: 'Uw keuze werd intussen elders gewijzigd. Hierboven staat de laatste keuze; kies opnieuw als u wilt.',
        });
        onConflict();
      } else setResult({ ok: false, text: errorText(error) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="card stack-small" onSubmit={(e) => void save(e)}>
      <fieldset className="fieldset radio-group">
        <legend className="field-label">Aflopende gebruikersrechten en werkrelaties</legend>
        {CHOICES.map((c) => (
          <div key={c.value} className="radio-option">
            <input
              type="radio"
              id={`meldingen-${c.value}`}
              name="frequency"
              value={c.value}
              checked={choice === c.value}
              onChange={() => setChoice(c.value)}
              aria-describedby={`meldingen-${c.value}-uitleg`}
            />
            <label htmlFor={`meldingen-${c.value}`}>
              <span className="radio-label">{c.label}</span>
              <span id={`meldingen-${c.value}-uitleg`} className="field-description">
                {c.description}
              </span>
            </label>
          </div>
        ))}
      </fieldset>
      <div className="button-row">
        <Button type="submit" isPending={saving}>
          Bewaar
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
