/**
 * The national number (rijksregisternummer or BIS-nummer) typed into a form: 11 digits, with or without
 * dots and dash. Its check digits are judged as soon as the 11th digit is typed, not only when leaving
 * the field; under it, live, the number as it will be read.
 */
import { zNationalNumber } from '@contracts/common.ts';
import { type ReactNode, useEffect } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { Trans, useTranslation } from 'react-i18next';
import { digitsOf, formatNationalNumber } from '../app/format.ts';
import { TextInput } from './forms.tsx';

/** The typed number as it will be read, and whether its check digits hold (announced politely). */
function NumberCheck({ value }: { value: string }) {
  const { t } = useTranslation('components');
  const digits = digitsOf(value);
  const parsed = digits.length === 11 ? zNationalNumber.safeParse(value) : null;
  return (
    <div className="field-live" aria-live="polite">
      {digits.length > 0 && (
        <span className="muted">
          <Trans
            t={t}
            i18nKey="nationalNumberTyped"
            values={{ number: formatNationalNumber(value), count: digits.length }}
            components={{ mono: <span className="mono" /> }}
          />
        </span>
      )}
      {parsed?.success && (
        <span className="valid">
          <span aria-hidden="true">✓ </span>
          {parsed.data.kind === 'bis' ? t('bisNumberValid') : t('nationalNumberValid')}
        </span>
      )}
    </div>
  );
}

/** The typed number as it will be read, for the eye only (the field itself is read out). */
function NumberEcho({ value }: { value: string }) {
  return digitsOf(value).length > 0 ? (
    <span className="field-live muted" aria-hidden="true">
      {formatNationalNumber(value)}
    </span>
  ) : null;
}

export function NationalNumberInput({
  name = 'nationalNumber',
  label,
  description,
  check = false,
  maxLength,
  help,
}: {
  name?: string;
  /** Another label where the seed words it otherwise (*rijksregisternummer / BIS-registernummer*). */
  label?: string;
  description?: string;
  /** A `[?]` beside the label. */
  help?: ReactNode;
  /** Say live how many digits are typed and whether the check digits hold (else only echo the number). */
  check?: boolean;
  maxLength?: number;
}) {
  const { t } = useTranslation(['common', 'components']);
  const { trigger } = useFormContext();
  const typed = (useWatch({ name }) as string | undefined) ?? '';
  useEffect(() => {
    if (digitsOf(typed).length >= 11) void trigger(name);
  }, [typed, trigger, name]);
  return (
    <TextInput
      name={name}
      label={label ?? t('nationalNumberOrBis')}
      required
      {...(help ? { help } : {})}
      inputMode="numeric"
      autoComplete="off"
      width="medium"
      {...(maxLength ? { maxLength } : {})}
      description={description ?? t('components:nationalNumberDescription')}
      live={check ? <NumberCheck value={typed} /> : <NumberEcho value={typed} />}
    />
  );
}
