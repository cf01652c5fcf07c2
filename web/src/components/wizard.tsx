/**
 * A form in steps (*Stap 2 van 3: …*): the step indicator, whose heading takes focus when the step
 * changes, the step's fields, and *Annuleer*, *Terug* and *Verder* (on the last step *Bevestig*, which
 * submits). Submitting before the last step (Enter, *Verder*) calls `next`, which validates the step's
 * fields and moves on.
 */
import { type ReactNode, type RefObject, useRef, useState } from 'react';
import type { FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { formatEnterpriseNumber } from '../app/format.ts';
import { useOrganisation } from '../app/session.tsx';
import { ContractForm, type ContractFormApi, ReadOnlyField, useFocusOnChange } from './forms.tsx';
import { Button, ButtonLink, StepHeading } from './ui.tsx';

export interface Wizard {
  /** The titles of the steps; the last one confirms. */
  steps: readonly string[];
  step: number;
  setStep(step: number): void;
  headingRef: RefObject<HTMLHeadingElement | null>;
}

export function useWizard(steps: readonly string[]): Wizard {
  const [step, setStep] = useState(1);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useFocusOnChange(headingRef, step);
  return { steps, step, setStep, headingRef };
}

export function WizardForm<V extends FieldValues>({
  wizard,
  form,
  labels,
  onValid,
  next,
  cancelHref,
  busy,
  children,
}: {
  wizard: Wizard;
  form: ContractFormApi<V>;
  labels: Record<string, string>;
  /** Called on the last step with the validated request body. */
  onValid(request: Record<string, unknown>): Promise<void> | void;
  /** Before the last step: validate the step and go on. */
  next(): Promise<void> | void;
  cancelHref: string;
  /** *Verder* is busy (e.g. a look-up between the steps). */
  busy?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { steps, step, setStep, headingRef } = wizard;
  const last = step >= steps.length;
  return (
    <ContractForm form={form} labels={labels} onValid={onValid} intercept={last ? undefined : next}>
      <StepHeading step={step} steps={steps} headingRef={headingRef} />
      {children}
      <div className="button-row">
        <ButtonLink href={cancelHref} variant="link">
          {t('cancel')}
        </ButtonLink>
        {step > 1 && (
          <Button variant="secondary" onPress={() => setStep(step - 1)}>
            {t('back')}
          </Button>
        )}
        {last ? (
          <Button type="submit" isPending={form.formState.isSubmitting}>
            {t('confirm')}
          </Button>
        ) : (
          <Button type="submit" isPending={busy}>
            {t('next')}
          </Button>
        )}
      </div>
    </ContractForm>
  );
}

/** A text the form leaves out when empty, as the last step shows it. */
export const orDash = (text: string | undefined) => text?.trim() || '—';

/** The last step: what will be sent, read-only. */
export function ConfirmStep({
  label,
  fields,
}: {
  label?: string;
  fields: readonly (readonly [label: string, value: ReactNode])[];
}) {
  const { t } = useTranslation('components');
  return (
    <section className="readonly-group" aria-label={label ?? t('confirmLabel')}>
      {fields.map(([name, value]) => (
        <ReadOnlyField key={name} label={name}>
          {value}
        </ReadOnlyField>
      ))}
    </section>
  );
}

/** The organisation the wizard works for, read-only: its name and enterprise number (*Organisatie code*, as the seed says). */
export function OrganisationFields() {
  const { t } = useTranslation();
  const org = useOrganisation();
  return (
    <>
      <ReadOnlyField label={t('organisation')}>{org.name}</ReadOnlyField>
      <ReadOnlyField label={t('organisationCode')}>
        {formatEnterpriseNumber(org.enterpriseNumber)}
      </ReadOnlyField>
    </>
  );
}
