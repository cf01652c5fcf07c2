/**
 * Form building blocks: react-hook-form validated by the API's own zod contracts (lib/contracts), with
 * react-aria-components for accessible fields. Every field shows its error next to it; the form shows
 * an error summary (with links to the fields) after a failed attempt, including the API's field errors
 * from problem+json `errors[].path`.
 *
 * Use:
 *   const form = useContractForm(CreateRelationshipRequest, { defaultValues, dates: ['startDate', 'endDate'], optional: ['reason'] });
 *   <ContractForm form={form} labels={LABELS} onValid={(body) => api.post(...)}>
 *     <TextInput name="phone" label="Telefoonnummer" ... />
 *   </ContractForm>
 */
import { zodResolver } from '@hookform/resolvers/zod';
import {
  createContext,
  type ReactNode,
  type RefObject,
  useCallback,
  useContext,
  useEffect,
  useRef,
  useState,
} from 'react';
import {
  Button as AriaButton,
  FieldError,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Select,
  SelectValue,
  Text,
  TextArea,
  TextField,
  type TextFieldProps,
} from 'react-aria-components';
import {
  type FieldErrors,
  type FieldValues,
  FormProvider,
  type Path,
  type Resolver,
  type UseFormReturn,
  useController,
  useForm,
  useFormContext,
} from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type * as zc from 'zod/v4/core';
import { ApiError, errorText } from '../app/api.ts';
import { parseDmy } from '../app/format.ts';
import i18n from '../i18n/index.ts';
import { Button } from './ui.tsx';

export const fieldId = (name: string) => `veld-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;

export interface ContractOptions<V> {
  /** Fields typed as dd/mm/jjjj and sent as YYYY-MM-DD. */
  dates?: (keyof V & string)[];
  /** Fields left out of the request when empty. */
  optional?: (keyof V & string)[];
}

/** Said when the form is judged, so in the language of that moment. */
const dateFormatMessage = () =>
  i18n.t('components:dateFormatMessage', {
    format: i18n.t('common:dateFormat'),
    example: i18n.t('common:dateExample'),
  });
const dateEmptyMessage = () => i18n.t('components:dateEmptyMessage', { format: i18n.t('common:dateFormat') });

/** The form's values as the API wants them: trimmed, dates as YYYY-MM-DD, empty optional fields left out. */
export function toRequest<V extends FieldValues>(
  values: V,
  options: ContractOptions<V>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(values)) {
    let value: unknown = typeof raw === 'string' ? raw.trim() : raw;
    if (options.dates?.includes(key) && typeof value === 'string' && value !== '') {
      value = parseDmy(value) ?? value;
    }
    if (options.optional?.includes(key) && value === '') continue;
    out[key] = value;
  }
  return out;
}

/**
 * A react-hook-form resolver around `zodResolver(contract)`: the contract judges the request the form
 * would send (see toRequest), so the UI and the API agree on every rule (check digits, periods, E.164).
 * On success the form's submit handler receives that request body.
 */
export function contractResolver<V extends FieldValues>(
  schema: zc.$ZodType,
  options: ContractOptions<V>,
): Resolver<V, unknown, Record<string, unknown>> {
  const inner = zodResolver(schema as never) as unknown as Resolver<FieldValues>;
  return async (values, context, resolverOptions) => {
    const request = toRequest(values, options);
    const own: Record<string, { type: string; message: string }> = {};
    for (const key of options.dates ?? []) {
      const text = typeof values[key] === 'string' ? (values[key] as string).trim() : '';
      if (text === '' && !options.optional?.includes(key))
        own[key] = { type: 'date', message: dateEmptyMessage() };
      else if (text !== '' && parseDmy(text) === null)
        own[key] = { type: 'date', message: dateFormatMessage() };
    }
    const result = await inner(request, context, resolverOptions as never);
    const errors = { ...(result.errors as Record<string, unknown>), ...own };
    if (Object.keys(errors).length > 0) return { values: {}, errors: errors as FieldErrors<V> };
    return { values: request, errors: {} };
  };
}

export interface ContractFormApi<V extends FieldValues>
  extends UseFormReturn<V, unknown, Record<string, unknown>> {
  options: ContractOptions<V>;
  /** A general error (no field), shown in the summary: from the API or the network. */
  formError: string | null;
  setFormError(message: string | null): void;
  /** Bumped after a failed attempt: the summary shows and takes focus. */
  attempt: number;
  failAttempt(): void;
  /** Validates some fields (a step); on failure shows the summary. */
  validateStep(fields: (keyof V & string)[]): Promise<boolean>;
  /** Puts an API error on the fields it names and the rest in the summary. */
  showApiError(error: unknown): void;
}

export function useContractForm<V extends FieldValues>(
  schema: zc.$ZodType,
  config: ContractOptions<V> & { defaultValues: V },
): ContractFormApi<V> {
  const { defaultValues, ...options } = config;
  // The contract and the option lists are constants of the screen: one resolver per form.
  const [resolver] = useState(() => contractResolver<V>(schema, options));
  const form = useForm<V, unknown, Record<string, unknown>>({
    resolver,
    defaultValues: defaultValues as never,
    mode: 'onTouched',
    shouldFocusError: false,
  });
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const failAttempt = useCallback(() => setAttempt((a) => a + 1), []);
  const { trigger, setError, getValues } = form;

  const validateStep = useCallback(
    async (fields: (keyof V & string)[]) => {
      setFormError(null);
      const ok = await trigger(fields as Path<V>[]);
      if (!ok) failAttempt();
      return ok;
    },
    [trigger, failAttempt],
  );

  const showApiError = useCallback(
    (error: unknown) => {
      const known = new Set(Object.keys(getValues()));
      let general: string | null = null;
      if (error instanceof ApiError && error.fieldErrors.length > 0) {
        const leftover: string[] = [];
        for (const f of error.fieldErrors) {
          if (known.has(f.path)) setError(f.path as Path<V>, { type: 'server', message: f.message });
          else leftover.push(f.message);
        }
        general = leftover.length > 0 ? leftover.join(' ') : null;
        if (general === null && error.detail && error.status !== 400) general = error.detail;
      } else {
        general = errorText(error);
      }
      setFormError(general);
      failAttempt();
    },
    [getValues, setError, failAttempt],
  );

  return { ...form, options, formError, setFormError, attempt, failAttempt, validateStep, showApiError };
}

const LabelsContext = createContext<Record<string, string>>({});

export interface ContractFormProps<V extends FieldValues> {
  form: ContractFormApi<V>;
  /** Field labels for the error summary. */
  labels: Record<string, string>;
  /** Called with the validated request body. Throw (e.g. an ApiError) to show it. */
  onValid(request: Record<string, unknown>): Promise<void> | void;
  /**
   * Multi-step forms: while set, submitting (Enter, *Verder*) calls this instead of validating the
   * whole form, e.g. to validate the current step's fields and go to the next step.
   */
  intercept?: (() => Promise<void> | void) | undefined;
  children: ReactNode;
  /** Accessible name of the form. */
  'aria-labelledby'?: string;
  className?: string;
}

export function ContractForm<V extends FieldValues>({
  form,
  labels,
  onValid,
  intercept,
  children,
  className,
  ...aria
}: ContractFormProps<V>) {
  const submit = form.handleSubmit(
    async (request) => {
      form.setFormError(null);
      try {
        await onValid(request);
      } catch (error) {
        form.showApiError(error);
      }
    },
    () => form.failAttempt(),
  );
  return (
    <FormProvider {...form}>
      <LabelsContext.Provider value={labels}>
        <form
          className={className ?? 'form'}
          noValidate
          onSubmit={(e) => {
            if (intercept) {
              e.preventDefault();
              void intercept();
              return;
            }
            void submit(e);
          }}
          {...aria}
        >
          <ErrorSummary form={form} labels={labels} />
          {children}
        </form>
      </LabelsContext.Provider>
    </FormProvider>
  );
}

/** "Er zijn fouten": every current field error with a link to its field, and the general error. */
export function ErrorSummary<V extends FieldValues>({
  form,
  labels,
}: {
  form: ContractFormApi<V>;
  labels: Record<string, string>;
}) {
  const { t } = useTranslation('components');
  const ref = useRef<HTMLDivElement>(null);
  const { errors } = form.formState;
  const entries = Object.entries(errors)
    .map(([name, e]) => ({ name, message: (e as { message?: string } | undefined)?.message ?? '' }))
    .filter((e) => e.message);
  const visible = form.attempt > 0 && (entries.length > 0 || form.formError);

  useEffect(() => {
    if (form.attempt > 0) ref.current?.focus();
  }, [form.attempt]);

  if (!visible) return <div ref={ref} tabIndex={-1} hidden />;
  return (
    <div ref={ref} className="error-summary" role="alert" tabIndex={-1} aria-labelledby="foutoverzicht-titel">
      <h2 id="foutoverzicht-titel" className="error-summary-title">
        {entries.length > 0 ? t('errorSummaryFields') : t('errorSummaryGeneral')}
      </h2>
      {form.formError && <p className="error-summary-general">{form.formError}</p>}
      {entries.length > 0 && (
        <ul>
          {entries.map((e) => (
            <li key={e.name}>
              <a
                href={`#${fieldId(e.name)}`}
                onClick={(event) => {
                  event.preventDefault();
                  form.setFocus(e.name as Path<V>);
                  document.getElementById(fieldId(e.name))?.focus();
                }}
              >
                {labels[e.name] ? t('fieldError', { label: labels[e.name] ?? '' }) : ''}
                {e.message}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

interface FieldProps {
  name: string;
  label: string;
  description?: ReactNode;
  required?: boolean;
  className?: string;
  /** Beside the label: a `[?]` explanation (components/help-tip.tsx), outside the label itself. */
  help?: ReactNode;
}

function RequiredMark({ required }: { required?: boolean | undefined }) {
  return required ? (
    <span className="required" aria-hidden="true">
      {' '}
      *
    </span>
  ) : null;
}

/** The label (with its required mark) and the description of a react-aria field. */
function FieldHead({ label, description, required, help }: Omit<FieldProps, 'name' | 'className'>) {
  const labelElement = (
    <Label className="field-label">
      {label}
      <RequiredMark required={required} />
    </Label>
  );
  return (
    <>
      {help ? (
        <div className="field-label-row">
          {labelElement}
          {help}
        </div>
      ) : (
        labelElement
      )}
      {description && (
        <Text slot="description" className="field-description">
          {description}
        </Text>
      )}
    </>
  );
}

/** A field of the surrounding form: its value, state and the props every react-aria field gets from it. */
function useField({ name, required, className }: Pick<FieldProps, 'name' | 'required' | 'className'>) {
  const { control } = useFormContext();
  const { field, fieldState } = useController({ control, name });
  const props = {
    id: fieldId(name),
    className: `field ${className ?? ''}`,
    name,
    isInvalid: fieldState.invalid,
    isRequired: required,
    validationBehavior: 'aria' as const,
  };
  return { field, fieldState, props };
}

/** A text field (one line or more) bound to the surrounding form. */
function FormTextField({
  name,
  label,
  description,
  required,
  className,
  help,
  children,
  ...rest
}: FieldProps &
  Pick<TextFieldProps, 'type' | 'autoComplete' | 'inputMode' | 'maxLength'> & {
    children(ref: (instance: HTMLInputElement | HTMLTextAreaElement | null) => void): ReactNode;
  }) {
  const { field, fieldState, props } = useField({ name, required, className });
  return (
    <TextField
      {...props}
      {...rest}
      value={(field.value as string | undefined) ?? ''}
      onChange={field.onChange}
      onBlur={field.onBlur}
    >
      <FieldHead label={label} description={description} required={required} help={help} />
      {children(field.ref)}
      <FieldError className="field-error">{fieldState.error?.message}</FieldError>
    </TextField>
  );
}

export interface TextInputProps extends FieldProps {
  type?: 'text' | 'email' | 'tel';
  autoComplete?: string;
  inputMode?: 'text' | 'numeric' | 'tel' | 'email';
  maxLength?: number;
  /** Shown under the input, live (e.g. the formatted number as typed). */
  live?: ReactNode;
  width?: 'short' | 'medium' | 'long';
}

export function TextInput({
  type = 'text',
  autoComplete,
  inputMode,
  maxLength,
  live,
  width = 'long',
  ...field
}: TextInputProps) {
  return (
    <FormTextField
      {...field}
      type={type}
      {...(autoComplete ? { autoComplete } : {})}
      {...(inputMode ? { inputMode } : {})}
      {...(maxLength ? { maxLength } : {})}
    >
      {(ref) => (
        <>
          <Input ref={ref} className={`input input-${width}`} />
          {live}
        </>
      )}
    </FormTextField>
  );
}

/** A calendar date typed as dd/mm/jjjj (sent as YYYY-MM-DD by the form; see ContractOptions.dates). */
export function DateInput(props: Omit<TextInputProps, 'type' | 'inputMode' | 'width'>) {
  const { t } = useTranslation();
  return (
    <TextInput
      {...props}
      label={t('dateLabel', { label: props.label, format: t('dateFormat') })}
      inputMode="numeric"
      width="short"
      maxLength={10}
    />
  );
}

export function TextAreaInput(props: FieldProps) {
  return (
    <FormTextField {...props}>
      {(ref) => <TextArea ref={ref} className="input textarea" rows={3} />}
    </FormTextField>
  );
}

export interface SelectInputProps extends FieldProps {
  options: readonly { id: string; label: string }[];
  placeholder?: string;
}

export function SelectInput({
  name,
  label,
  description,
  required,
  options,
  placeholder,
  className,
}: SelectInputProps) {
  const { t } = useTranslation('components');
  const { field, fieldState, props } = useField({ name, required, className });
  const value = (field.value as string | undefined) || null;
  return (
    <Select
      {...props}
      value={value}
      onChange={(key) => {
        field.onChange(key === null ? '' : String(key));
        field.onBlur();
      }}
      placeholder={placeholder ?? t('selectPlaceholder')}
    >
      <FieldHead label={label} description={description} required={required} />
      <AriaButton ref={field.ref} className="input select-button">
        <SelectValue className="select-value" />
        <span aria-hidden="true" className="select-arrow">
          ▾
        </span>
      </AriaButton>
      <FieldError className="field-error">{fieldState.error?.message}</FieldError>
      <Popover className="popover">
        <ListBox className="listbox">
          {options.map((o) => (
            <ListBoxItem key={o.id} id={o.id} textValue={o.label} className="listbox-item">
              {o.label}
            </ListBoxItem>
          ))}
        </ListBox>
      </Popover>
    </Select>
  );
}

/**
 * Picks several values by moving them from *Beschikbaar* to *Geselecteerd* ("Toevoegen aan lijst"),
 * as the seed's profile picker does; both lists work with the keyboard (arrows, space, enter).
 */
export function DualListInput({
  name,
  label,
  description,
  available,
  required,
}: FieldProps & { available: readonly string[] }) {
  const { t } = useTranslation('components');
  const { control } = useFormContext();
  const { field, fieldState } = useController({ control, name });
  const selected = (field.value as string[] | undefined) ?? [];
  const remaining = available.filter((p) => !selected.includes(p));
  const id = fieldId(name);
  const errorId = `${id}-fout`;
  const move = (values: string[]) => {
    field.onChange(values);
    field.onBlur();
  };
  return (
    <fieldset className="field dual-list" aria-describedby={fieldState.error ? errorId : undefined}>
      <legend className="field-label">
        {label}
        <RequiredMark required={required} />
      </legend>
      {description && <p className="field-description">{description}</p>}
      <div className="dual-list-columns">
        <DualListColumn
          id={id}
          titleId={`${id}-beschikbaar`}
          title={t('dualAvailable')}
          items={remaining}
          empty={t('dualAllSelected')}
          action={t('dualAdd')}
          onMove={(picked) => move([...selected, ...remaining.filter((p) => picked.has(p))])}
        />
        <DualListColumn
          titleId={`${id}-geselecteerd`}
          title={t('dualSelected')}
          items={selected}
          empty={t('dualNoneSelected')}
          action={t('dualRemove')}
          onMove={(picked) => move(selected.filter((p) => !picked.has(p)))}
        />
      </div>
      {fieldState.error && (
        <p className="field-error" id={errorId}>
          {fieldState.error.message}
        </p>
      )}
    </fieldset>
  );
}

/** One list of DualListInput with its button, which moves the values picked in it to the other list. */
function DualListColumn({
  id,
  titleId,
  title,
  items,
  empty,
  action,
  onMove,
}: {
  id?: string;
  titleId: string;
  title: string;
  items: readonly string[];
  empty: string;
  action: string;
  onMove(picked: Set<string>): void;
}) {
  const [picked, setPicked] = useState<Set<string>>(new Set());
  return (
    <div className="dual-list-column">
      <span className="dual-list-title" id={titleId}>
        {title}
      </span>
      <ListBox
        {...(id ? { id } : {})}
        aria-labelledby={titleId}
        selectionMode="multiple"
        selectedKeys={picked}
        onSelectionChange={(keys) => setPicked(new Set([...(keys === 'all' ? items : keys)].map(String)))}
        className="listbox listbox-boxed"
        renderEmptyState={() => <span className="muted">{empty}</span>}
      >
        {items.map((p) => (
          <ListBoxItem key={p} id={p} textValue={p} className="listbox-item">
            {p}
          </ListBoxItem>
        ))}
      </ListBox>
      <Button
        variant="secondary"
        isDisabled={picked.size === 0}
        onPress={() => {
          onMove(picked);
          setPicked(new Set());
        }}
      >
        {action}
      </Button>
    </div>
  );
}

/** A read-only value in a form (from the register, the organisation, …). */
export function ReadOnlyField({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="readonly-field">
      <span className="readonly-label">{label}</span>
      <span className="readonly-value">{children}</span>
    </div>
  );
}

export function useFieldLabel(name: string): string | undefined {
  return useContext(LabelsContext)[name];
}

/** Moves focus to a heading when a step changes, so screen readers announce the new step. */
export function useFocusOnChange(ref: RefObject<HTMLElement | null>, value: unknown) {
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when `value` changes.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    ref.current?.focus();
  }, [value]);
}
