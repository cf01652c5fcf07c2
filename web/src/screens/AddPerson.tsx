import { AddPersonRequest } from '@contracts/api.ts';
import { zNationalNumber } from '@contracts/common.ts';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useApi, useIdempotencyKeys } from '../app/api.ts';
import { digitsOf, formatDate, formatNationalNumber, sexLabel } from '../app/format.ts';
import { orgPath, useOrganisation } from '../app/session.tsx';
import type { PersonPageDto, RegisterPersonDto } from '../app/types.ts';
import {
  ContractForm,
  ReadOnlyField,
  TextAreaInput,
  TextInput,
  useContractForm,
  useFocusOnChange,
} from '../components/forms.tsx';
import {
  Button,
  ButtonLink,
  NationalNumber,
  Notice,
  PageTitle,
  StepHeading,
  TextLink,
} from '../components/ui.tsx';

const STEPS = ['Geef identificatienummer op', 'Geef details', 'Bevestig'] as const;

interface Values {
  nationalNumber: string;
  nickname: string;
  initials: string;
  reason: string;
}

const LABELS: Record<keyof Values, string> = {
  nationalNumber: 'Rijksregisternummer / BIS-nummer',
  nickname: 'Roepnaam',
  initials: 'Initialen',
  reason: 'Reden',
};

/** Live feedback while typing: the number as it will be read, and whether its check digits hold. */
function NumberFeedback({ value }: { value: string }) {
  const digits = digitsOf(value);
  const parsed = digits.length === 11 ? zNationalNumber.safeParse(value) : null;
  return (
    <div className="field-live" aria-live="polite">
      {digits.length > 0 && (
        <span className="muted">
          U typte: <span className="mono">{formatNationalNumber(value)}</span> ({digits.length} van 11
          cijfers)
        </span>
      )}
      {parsed?.success && (
        <span className="valid">
          <span aria-hidden="true">✓ </span>
          Geldig {parsed.data.kind === 'bis' ? 'BIS-nummer' : 'rijksregisternummer'}
        </span>
      )}
    </div>
  );
}

/** *Voeg gebruiker toe*, in three steps: number → details from the register → confirm. */
export function AddPerson() {
  const org = useOrganisation();
  const api = useApi();
  const navigate = useNavigate();
  const keyFor = useIdempotencyKeys();
  const base = orgPath(org.enterpriseNumber);
  const form = useContractForm<Values>(AddPersonRequest, {
    defaultValues: { nationalNumber: '', nickname: '', initials: '', reason: '' },
    optional: ['nickname', 'initials', 'reason'],
  });
  const [step, setStep] = useState(1);
  const [found, setFound] = useState<RegisterPersonDto | null>(null);
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useFocusOnChange(headingRef, step);

  const typed = form.watch('nationalNumber') ?? '';
  const { trigger } = form;
  // Check digits are judged as soon as the 11th digit is typed, not only when leaving the field.
  useEffect(() => {
    if (digitsOf(typed).length >= 11) void trigger('nationalNumber');
  }, [typed, trigger]);
  useEffect(() => {
    setFound((f) => (f && f.nationalNumber !== digitsOf(typed) ? null : f));
  }, [typed]);

  const lookup = async () => {
    if (!(await form.validateStep(['nationalNumber']))) return;
    setBusy(true);
    try {
      const person = await api.post<RegisterPersonDto>(
        `/organisations/${org.enterpriseNumber}/national-register-lookups`,
        {
          nationalNumber: digitsOf(typed),
        },
      );
      setFound(person);
      if (!person.knownInOrganisation) setStep(2);
    } catch (error) {
      form.showApiError(error);
    } finally {
      setBusy(false);
    }
  };

  const next = async () => {
    if (step === 1) return lookup();
    if (step === 2 && (await form.validateStep(['nickname', 'initials', 'reason']))) setStep(3);
  };

  const add = async (request: Record<string, unknown>) => {
    const body = { ...request, nationalNumber: digitsOf(String(request.nationalNumber)) };
    const page = await api.post<PersonPageDto>(`/organisations/${org.enterpriseNumber}/persons`, body, {
      idempotencyKey: keyFor(body),
    });
    navigate(`${base}/personen/${page.personId}`, {
      state: {
        flash: `${page.firstName} ${page.lastName} is toegevoegd. Bepaal nu de werkrelatie: koppel de gebruiker aan de organisatie.`,
      },
    });
  };

  const values = form.watch();
  return (
    <div className="stack">
      <PageTitle kicker={org.name}>Voeg gebruiker toe</PageTitle>
      <ContractForm form={form} labels={LABELS} onValid={add} intercept={step < 3 ? next : undefined}>
        <StepHeading step={step} steps={STEPS} headingRef={headingRef} />

        {step === 1 && (
          <>
            <TextInput
              name="nationalNumber"
              label={LABELS.nationalNumber}
              required
              inputMode="numeric"
              autoComplete="off"
              width="medium"
              maxLength={20}
              description="11 cijfers, met of zonder punten en streepje. De naam, voornaam, geboortedatum en geslacht van de gebruiker worden opgehaald uit het rijksregister."
              live={<NumberFeedback value={typed} />}
            />
            {found?.knownInOrganisation && found.personId && (
              <Notice
                kind="info"
                role="status"
                title={`${found.firstName} ${found.lastName} is al gekend in uw organisatie.`}
              >
                <p>
                  <TextLink href={`${base}/personen/${found.personId}`}>
                    Naar de gegevens van deze gebruiker
                  </TextLink>
                </p>
              </Notice>
            )}
          </>
        )}

        {step >= 2 && found && (
          <section className="readonly-group" aria-label="Gegevens uit het rijksregister">
            <ReadOnlyField label="Voornaam">{found.firstName}</ReadOnlyField>
            <ReadOnlyField label="Naam">{found.lastName}</ReadOnlyField>
            <ReadOnlyField label="Geboortedatum">
              {found.birthDate ? formatDate(found.birthDate) : 'onbekend'}
            </ReadOnlyField>
            <ReadOnlyField label="Geslacht">{sexLabel(found.sex)}</ReadOnlyField>
            <ReadOnlyField label="Bron">{found.source}</ReadOnlyField>
            <ReadOnlyField label={found.kind === 'bis' ? 'BIS-nummer' : 'Rijksregisternummer'}>
              <NationalNumber value={formatNationalNumber(found.nationalNumber)} />
            </ReadOnlyField>
          </section>
        )}

        {step === 2 && (
          <>
            <TextInput name="nickname" label={LABELS.nickname} width="medium" maxLength={50} />
            <TextInput name="initials" label={LABELS.initials} width="short" maxLength={10} />
            <TextAreaInput
              name="reason"
              label={LABELS.reason}
              description="Waarom voegt u deze persoon toe? Dit komt in de historiek."
            />
          </>
        )}

        {step === 3 && (
          <section className="readonly-group" aria-label="Wat u toevoegt">
            <ReadOnlyField label={LABELS.nickname}>{values.nickname?.trim() || '—'}</ReadOnlyField>
            <ReadOnlyField label={LABELS.initials}>{values.initials?.trim() || '—'}</ReadOnlyField>
            <ReadOnlyField label={LABELS.reason}>{values.reason?.trim() || '—'}</ReadOnlyField>
            <ReadOnlyField label="Status werkstroom">
              In afwachting, tot u de gebruiker aan de organisatie koppelt
            </ReadOnlyField>
          </section>
        )}

        <div className="button-row">
          <ButtonLink href={base} variant="link">
            Annuleer
          </ButtonLink>
          {step > 1 && (
            <Button variant="secondary" onPress={() => setStep(step - 1)}>
              Terug
            </Button>
          )}
          {step < 3 ? (
            <Button type="submit" isPending={busy}>
              Verder
            </Button>
          ) : (
            <Button type="submit" isPending={form.formState.isSubmitting}>
              Bevestig
            </Button>
          )}
        </div>
      </ContractForm>
    </div>
  );
}
