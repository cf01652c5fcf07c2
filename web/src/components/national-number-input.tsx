/**
 * The national number (rijksregisternummer or BIS-nummer) typed into a form: 11 digits, with or without
 * dots and dash. Its check digits are judged as soon as the 11th digit is typed, not only when leaving
 * the field; under it, live, the number as it will be read.
 */
import { zNationalNumber } from '@contracts/common.ts';
import { type ReactNode, useEffect } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { digitsOf, formatNationalNumber } from '../app/format.ts';
import { TextInput } from './forms.tsx';

export const NATIONAL_NUMBER_LABEL = 'Rijksregisternummer / BIS-nummer';

/** The typed number as it will be read, and whether its check digits hold (announced politely). */
function NumberCheck({ value }: { value: string }) {
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
  label = NATIONAL_NUMBER_LABEL,
  description = '11 cijfers, met of zonder punten en streepje.',
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
  const { trigger } = useFormContext();
  const typed = (useWatch({ name }) as string | undefined) ?? '';
  useEffect(() => {
    if (digitsOf(typed).length >= 11) void trigger(name);
  }, [typed, trigger, name]);
  return (
    <TextInput
      name={name}
      label={label}
      required
      {...(help ? { help } : {})}
      inputMode="numeric"
      autoComplete="off"
      width="medium"
      {...(maxLength ? { maxLength } : {})}
      description={description}
      live={check ? <NumberCheck value={typed} /> : <NumberEcho value={typed} />}
    />
  );
}
