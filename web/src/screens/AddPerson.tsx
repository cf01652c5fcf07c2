import { AddPersonRequest } from '@contracts/api.ts';
import { useEffect, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
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

const strong = { strong: <strong /> };

interface Values {
  nationalNumber: string;
  nickname: string;
  initials: string;
  reason: string;
}

/** *Voeg gebruiker toe*, in three steps: number → details from the register → confirm. */
export function AddPerson() {
  const { t } = useTranslation(['addPerson', 'common']);
  const LABELS: Record<keyof Values, string> = {
    nationalNumber: t('numberLabel'),
    nickname: t('common:nickname'),
    initials: t('common:initials'),
    reason: t('common:reason'),
  };
  const org = useOrganisation();
  const api = useApi();
  const navigate = useNavigate();
  const keyFor = useIdempotencyKeys();
  const base = orgPath(org.enterpriseNumber);
  const form = useContractForm<Values>(AddPersonRequest, {
    defaultValues: { nationalNumber: '', nickname: '', initials: '', reason: '' },
    optional: ['nickname', 'initials', 'reason'],
  });
  const wizard = useWizard([t('step1'), t('step2'), t('step3')]);
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
        flash: t('added', { name: `${page.firstName} ${page.lastName}` }),
      },
    });
  };

  const values = form.watch();
  return (
    <div className="stack">
      <PageTitle kicker={org.name}>{t('title')}</PageTitle>
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
              label={t('numberLabel')}
              help={
                <HelpTip label={t('numberHelpLabel')}>
                  <p>
                    <Trans t={t} i18nKey="numberHelpNational" components={strong} />
                  </p>
                  <p>
                    <Trans t={t} i18nKey="numberHelpBis" components={strong} />
                  </p>
                </HelpTip>
              }
              description={t('numberDescription')}
            />
            {found?.knownInOrganisation && found.personId && (
              <Notice
                kind="info"
                role="status"
                title={t('known', { name: `${found.firstName} ${found.lastName}` })}
              >
                <p>
                  <TextLink href={`${base}/personen/${found.personId}`}>{t('toKnown')}</TextLink>
                </p>
              </Notice>
            )}
          </>
        )}

        {step >= 2 && found && (
          <section className="readonly-group" aria-label={t('fromRegister')}>
            <ReadOnlyField label={t('common:firstName')}>{found.firstName}</ReadOnlyField>
            <ReadOnlyField label={t('common:lastName')}>{found.lastName}</ReadOnlyField>
            <ReadOnlyField label={t('common:birthDate')}>
              {found.birthDate ? formatDate(found.birthDate) : t('common:unknown')}
            </ReadOnlyField>
            <ReadOnlyField label={t('common:sex')}>{sexLabel(found.sex)}</ReadOnlyField>
            <ReadOnlyField label={t('common:source')}>{found.source}</ReadOnlyField>
            <ReadOnlyField label={found.kind === 'bis' ? t('common:bisNumber') : t('common:nationalNumber')}>
              <NationalNumber value={formatNationalNumber(found.nationalNumber)} />
            </ReadOnlyField>
          </section>
        )}

        {step === 2 && (
          <>
            <TextInput name="nickname" label={LABELS.nickname} width="medium" maxLength={50} />
            <TextInput name="initials" label={LABELS.initials} width="short" maxLength={10} />
            <TextAreaInput name="reason" label={LABELS.reason} description={t('reasonDescription')} />
          </>
        )}

        {step === 3 && (
          <ConfirmStep
            label={t('confirmLabel')}
            fields={[
              [LABELS.nickname, orDash(values.nickname)],
              [LABELS.initials, orDash(values.initials)],
              [LABELS.reason, orDash(values.reason)],
              [t('common:status'), t('pendingUntilLinked')],
            ]}
          />
        )}
      </WizardForm>
    </div>
  );
}
