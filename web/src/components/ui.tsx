/**
 * Small shared pieces of the screens: buttons and button-links, progress, empty states, notices,
 * the step indicator (*Stap 1 van 3*), the masked national number with its *toon* button, and the
 * person block that heads the person screens.
 */
import { type ReactNode, useId, useState } from 'react';
import {
  Button as AriaButton,
  type ButtonProps as AriaButtonProps,
  Link as AriaLink,
  type LinkProps as AriaLinkProps,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { errorText } from '../app/api.ts';
import { formatDate, maskNationalNumber, sexLabel, statusLabel } from '../app/format.ts';

type Variant = 'primary' | 'secondary' | 'link' | 'danger';

export function Button({
  variant = 'primary',
  className,
  children,
  isPending,
  ...props
}: Omit<AriaButtonProps, 'className' | 'children'> & {
  variant?: Variant;
  className?: string;
  children: ReactNode;
}) {
  return (
    <AriaButton {...props} isPending={isPending} className={`button button-${variant} ${className ?? ''}`}>
      {isPending && <Spinner />}
      {children}
    </AriaButton>
  );
}

/** A link that looks like a button (navigation, not an action). */
export function ButtonLink({
  variant = 'primary',
  className,
  children,
  ...props
}: Omit<AriaLinkProps, 'className' | 'children'> & {
  variant?: Variant;
  className?: string;
  children: ReactNode;
}) {
  return (
    <AriaLink {...props} className={`button button-${variant} ${className ?? ''}`}>
      {children}
    </AriaLink>
  );
}

export function TextLink({
  className,
  children,
  ...props
}: Omit<AriaLinkProps, 'className' | 'children'> & { className?: string; children: ReactNode }) {
  return (
    <AriaLink {...props} className={`text-link ${className ?? ''}`}>
      {children}
    </AriaLink>
  );
}

export function Spinner() {
  return <span className="spinner" aria-hidden="true" />;
}

/** Progress for lists and long actions; announced politely. */
export function Loading({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      <Spinner />
      {children ?? t('loading')}
    </p>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty-state">
      <p className="empty-state-title">{title}</p>
      {children && <div className="empty-state-next">{children}</div>}
    </div>
  );
}

export function Notice({
  kind = 'info',
  title,
  children,
  role,
}: {
  kind?: 'info' | 'success' | 'warning' | 'error';
  title?: string;
  children?: ReactNode;
  role?: 'status' | 'alert';
}) {
  return (
    <div className={`notice notice-${kind}`} role={role}>
      {title && <p className="notice-title">{title}</p>}
      {children}
    </div>
  );
}

/** Shows the loading state or the error of a resource; renders children once there is data. */
export function ResourceView<T>({
  resource,
  loadingText,
  children,
}: {
  resource: { data: T | undefined; error: unknown; loading: boolean; reload(): void };
  loadingText?: string;
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  if (resource.error) {
    return (
      <Notice kind="error" role="alert" title={t('errors.notLoaded')}>
        <p>{errorText(resource.error)}</p>
        <Button variant="secondary" onPress={resource.reload}>
          {t('retry')}
        </Button>
      </Notice>
    );
  }
  if (resource.data === undefined) return <Loading>{loadingText}</Loading>;
  return <>{children(resource.data)}</>;
}

/** *Stap 2 van 3: Werkrelatie details*, with the steps as a list for orientation. */
export function StepHeading({
  step,
  steps,
  headingRef,
}: {
  step: number;
  steps: readonly string[];
  headingRef?: React.Ref<HTMLHeadingElement>;
}) {
  const { t } = useTranslation('components');
  return (
    <div className="steps">
      <ol className="steps-list" aria-label={t('steps')}>
        {steps.map((title, i) => (
          <li
            key={title}
            className={i + 1 === step ? 'step-current' : i + 1 < step ? 'step-done' : 'step-todo'}
            aria-current={i + 1 === step ? 'step' : undefined}
          >
            <span className="step-number" aria-hidden="true">
              {i + 1}
            </span>
            <span className="step-title">{title}</span>
          </li>
        ))}
      </ol>
      <h2 className="step-heading" ref={headingRef} tabIndex={-1}>
        {t('stepHeading', { step, count: steps.length, title: steps[step - 1] ?? '' })}
      </h2>
    </div>
  );
}

/**
 * A national number, masked by default (`90.04.18-***.**`) with a *toon* button when the full number
 * is known here (only in the add-person flow: the API itself never returns it unmasked).
 */
export function NationalNumber({ value, masked }: { value?: string; masked?: string }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  const id = useId();
  if (!value) return <span className="national-number">{masked ?? ''}</span>;
  return (
    <span className="national-number">
      <span id={id}>{shown ? value : maskNationalNumber(value)}</span>{' '}
      <Button
        variant="link"
        className="button-inline"
        aria-describedby={id}
        onPress={() => setShown((s) => !s)}
      >
        {shown ? t('hide') : t('show')}
      </Button>
    </span>
  );
}

export interface PersonBlockData {
  firstName: string;
  lastName: string;
  nickname?: string | null;
  initials?: string | null;
  birthDate: string | null;
  sex: 'M' | 'F' | null;
  source: string;
  status?: 'pending' | 'active';
  nationalNumber?: string;
}

/** The person block on top of the person screens, as in the seed. */
export function PersonBlock({ person, fullNumber }: { person: PersonBlockData; fullNumber?: string }) {
  const { t } = useTranslation();
  return (
    <dl className="person-block">
      <div>
        <dt>{t('firstName')}</dt>
        <dd>{person.firstName}</dd>
      </div>
      <div>
        <dt>{t('lastName')}</dt>
        <dd>{person.lastName}</dd>
      </div>
      {person.nickname ? (
        <div>
          <dt>{t('nickname')}</dt>
          <dd>{person.nickname}</dd>
        </div>
      ) : null}
      {person.initials ? (
        <div>
          <dt>{t('initials')}</dt>
          <dd>{person.initials}</dd>
        </div>
      ) : null}
      <div>
        <dt>{t('birthDate')}</dt>
        <dd>{person.birthDate ? formatDate(person.birthDate) : t('unknown')}</dd>
      </div>
      <div>
        <dt>{t('sex')}</dt>
        <dd>{sexLabel(person.sex)}</dd>
      </div>
      <div>
        <dt>{t('source')}</dt>
        <dd>{person.source}</dd>
      </div>
      {person.nationalNumber || fullNumber ? (
        <div>
          <dt>{t('nationalNumber')}</dt>
          <dd>
            <NationalNumber
              {...(fullNumber ? { value: fullNumber } : {})}
              {...(person.nationalNumber ? { masked: person.nationalNumber } : {})}
            />
          </dd>
        </div>
      ) : null}
      {person.status ? (
        <div>
          <dt>{t('status')}</dt>
          <dd>
            <span className={`badge badge-${person.status}`}>{statusLabel(person.status)}</span>
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

/** The page's main heading; focus lands here after navigation (see Root). */
export function PageTitle({ children, kicker }: { children: ReactNode; kicker?: ReactNode }) {
  return (
    <header className="page-title">
      {kicker && <p className="page-kicker">{kicker}</p>}
      <h1 tabIndex={-1}>{children}</h1>
    </header>
  );
}

/**
 * A table that scrolls sideways on narrow screens within its own box; the box takes keyboard focus so
 * the hidden columns can be reached with the arrow keys.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable (WCAG 2.1.1).
    <section className="table-wrap" tabIndex={0} aria-label={label}>
      {children}
    </section>
  );
}

/** The legal representatives of an enterprise (per the KBO), each with their function. */
export function RepresentativeList({
  representatives,
}: {
  representatives: readonly { name: string; function: string }[];
}) {
  return (
    <ul className="plain-list">
      {representatives.map((r) => (
        <li key={`${r.name}-${r.function}`}>
          {r.name} <span className="muted">({r.function})</span>
        </li>
      ))}
    </ul>
  );
}
