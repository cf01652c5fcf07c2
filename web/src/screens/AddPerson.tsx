import { AddPersonRequest } from '@contracts/api.ts';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { useApi, useIdempotencyKeys } from '../app/api.ts';
import { digitsOf, formatDate, formatNationalNumber, sexLabel } from '../app/format.ts';
import { orgPath, useOrganisation } from '../app/session.tsx';
import type { PersonPageDto, RegisterPersonDto } from '../app/types.ts';
import { ReadOnlyField, TextAreaInput, TextInput, useContractForm } from '../components/forms.tsx';
import { HelpTip } from '../components/help-tip.tsx';
import { NationalNumberInput } from '../components/national-number-input.tsx';
import { NationalNumber, Notice, PageTitle, TextLink } from '../components/ui.tsx';
import { ConfirmStep, orDash, useWizard, WizardForm } from '../components/wizard.tsx';

const STEPS = ['Geef Identificatienummer op', 'Geef details', 'Bevestig'] as const;

/** The seed's words for the number on this screen. */
const NUMBER_LABEL = 'rijksregisternummer / BIS-registernummer';

interface Values {
  nationalNumber: string;
  nickname: string;
  initials: string;
  reason: string;
}

const LABELS: Record<keyof Values, string> = {
  nationalNumber: NUMBER_LABEL,
  nickname: 'Roepnaam',
  initials: 'Initialen',
  reason: 'Reden',
};

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
  const wizard = useWizard(STEPS);
  const { step, setStep } = wizard;
  const [found, setFound] = useState<RegisterPersonDto | null>(null);
  const [busy, setBusy] = useState(false);

  const typed = form.watch('nationalNumber') ?? '';
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
      <WizardForm
        wizard={wizard}
        form={form}
        labels={LABELS}
        onValid={add}
        next={next}
        cancelHref={base}
        busy={busy}
      >
        {step === 1 && (
          <>
            <NationalNumberInput
              check
              maxLength={20}
              label={NUMBER_LABEL}
              help={
                <HelpTip label="Wat is een rijksregisternummer of BIS-registernummer?">
                  <p>
                    <strong>Rijksregisternummer</strong>: het identificatienummer van wie in België
                    ingeschreven is in het Rijksregister. U vindt het op de achterkant van de
                    identiteitskaart: 11 cijfers, bv. 85.07.30-033.28.
                  </p>
                  <p>
                    <strong>BIS-registernummer</strong> (BIS-nummer): het nummer van wie niet in het
                    Rijksregister staat maar wel een band met België heeft, bv. een grensarbeider. Het heeft
                    ook 11 cijfers; de maand van de geboortedatum is verhoogd met 20 of 40.
                  </p>
                </HelpTip>
              }
              description="11 cijfers, met of zonder punten en streepje. De naam, voornaam, geboortedatum en geslacht van de gebruiker worden opgehaald uit het rijksregister."
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
          <ConfirmStep
            label="Wat u toevoegt"
            fields={[
              [LABELS.nickname, orDash(values.nickname)],
              [LABELS.initials, orDash(values.initials)],
              [LABELS.reason, orDash(values.reason)],
              ['Status werkstroom', 'In afwachting, tot u de gebruiker aan de organisatie koppelt'],
            ]}
          />
        )}
      </WizardForm>
    </div>
  );
}
