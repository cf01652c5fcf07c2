/**
 * The fields of a work relationship (category, period of at most 10 years, phone, e-mail), the same
 * wherever one is given or changed: linking a person to the organisation, editing it on the person
 * page, approving a task for someone who has none yet, granting a right in one screen.
 */
import { ApiError } from '../app/api.ts';
import { categoryLabel } from '../app/format.ts';
import { DateInput, SelectInput, TextInput } from './forms.tsx';

/** Mirrors RELATIONSHIP_CATEGORIES of lib/domain/catalogue.ts; the contract (zCategory) is the judge. */
export const CATEGORIES = [
  'Vaste medewerker',
  'Tijdelijke medewerker',
  'Externe medewerker',
  'Stagiair',
] as const;

/** The labels of the fields, also for the error summary of the form that holds them. */
export const RELATIONSHIP_FIELD_LABELS = {
  category: 'Categorie',
  startDate: 'Begindatum',
  endDate: 'Einddatum',
  phone: 'Telefoonnummer',
  email: 'E-mailadres',
} as const;

type Field = keyof typeof RELATIONSHIP_FIELD_LABELS;

interface Options {
  /** Field names get this prefix (`rel` → relCategory, relStartDate…) when the form has other periods. */
  prefix?: string;
  /** Other labels, e.g. *Begindatum werkrelatie* beside a right's own period. */
  labels?: Partial<Record<Field, string>>;
}

function naming({ prefix = '', labels }: Options) {
  return {
    name: (field: Field) => (prefix ? `${prefix}${field[0]!.toUpperCase()}${field.slice(1)}` : field),
    label: (field: Field) => labels?.[field] ?? RELATIONSHIP_FIELD_LABELS[field],
  };
}

export function RelationshipCategoryField(options: Options) {
  const { name, label } = naming(options);
  return (
    <SelectInput
      name={name('category')}
      label={label('category')}
      required
      options={CATEGORIES.map((c) => ({ id: c, label: categoryLabel(c) }))}
    />
  );
}

export function RelationshipPeriodFields({
  endDescription = 'Maximumperiode = 10 jaar.',
  ...options
}: Options & { endDescription?: string }) {
  const { name, label } = naming(options);
  return (
    <>
      <DateInput name={name('startDate')} label={label('startDate')} required />
      <DateInput name={name('endDate')} label={label('endDate')} required description={endDescription} />
    </>
  );
}

/**
 * The person's work phone and e-mail. Autofill is off: the administrator types someone else's
 * details, and the browser would offer their own.
 */
export function RelationshipContactFields(options: Options) {
  const { name, label } = naming(options);
  return (
    <>
      <TextInput
        name={name('phone')}
        label={`${label('phone')} (bv. +3212345678)`}
        type="tel"
        required
        width="medium"
        autoComplete="off"
        inputMode="tel"
      />
      <TextInput
        name={name('email')}
        label={label('email')}
        type="email"
        required
        autoComplete="off"
        inputMode="email"
      />
    </>
  );
}

export function RelationshipFields(options: Options) {
  return (
    <>
      <RelationshipCategoryField {...options} />
      <RelationshipPeriodFields {...options} />
      <RelationshipContactFields {...options} />
    </>
  );
}

/**
 * For `.catch` of a request that may need a work relationship first: when the API answers with `code`
 * (422 `…relationship-required`), `ask()` shows the fields above and the error says, in `message`, to
 * fill them in and confirm again. Any other error passes unchanged.
 */
export function askRelationshipOn(code: string, message: string, ask: () => void) {
  return (error: unknown): never => {
    if (error instanceof ApiError && error.code === code) {
      ask();
      throw new ApiError(error.status, error.code, error.title, message);
    }
    throw error;
  };
}
