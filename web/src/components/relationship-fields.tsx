/**
 * The fields of a work relationship (category, period of at most 10 years, phone, e-mail), the same
 * wherever one is given or changed: editing it on the person page, approving a task for someone who
 * has none yet, granting a right in one screen.
 */
import { DateInput, SelectInput, TextInput } from './forms.tsx';

/** The labels of the fields, also for the error summary of the form that holds them. */
export const RELATIONSHIP_FIELD_LABELS = {
  category: 'Categorie',
  startDate: 'Begindatum',
  endDate: 'Einddatum',
  phone: 'Telefoonnummer',
  email: 'E-mailadres',
} as const;

export function RelationshipFields({
  categories,
  prefix = '',
}: {
  categories: readonly string[];
  /** Field names get this prefix (`rel` → relCategory, relStartDate…) when the form has other periods. */
  prefix?: string;
}) {
  const name = (field: string) => (prefix ? `${prefix}${field[0]!.toUpperCase()}${field.slice(1)}` : field);
  const labels = RELATIONSHIP_FIELD_LABELS;
  return (
    <>
      <SelectInput
        name={name('category')}
        label={labels.category}
        required
        options={categories.map((c) => ({ id: c, label: c }))}
      />
      <DateInput name={name('startDate')} label={labels.startDate} required />
      <DateInput
        name={name('endDate')}
        label={labels.endDate}
        required
        description="Maximumperiode = 10 jaar."
      />
      <TextInput
        name={name('phone')}
        label="Telefoonnummer (bv. +3212345678)"
        type="tel"
        autoComplete="off"
        required
        width="medium"
      />
      <TextInput name={name('email')} label={labels.email} type="email" autoComplete="off" required />
    </>
  );
}
