/**
 * A modal dialog opened by a button (react-aria: focus moves into the dialog, stays there, returns
 * to the button; Escape closes). Used for the actions of the person page, tasks and local admins.
 */
import type { ReactNode, RefObject } from 'react';
import { Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type * as zc from 'zod/v4/core';
import { ContractForm, fieldId, TextAreaInput, useContractForm } from './forms.tsx';
import { Button } from './ui.tsx';

export function ActionDialog({
  label,
  title,
  variant = 'secondary',
  isDisabled,
  buttonLabel,
  children,
}: {
  /** The text of the button that opens the dialog. */
  label: string;
  /** The dialog's heading. */
  title: string;
  variant?: 'primary' | 'secondary' | 'danger' | 'link';
  isDisabled?: boolean;
  /** Accessible name of the opening button when `label` alone is ambiguous (e.g. per table row). */
  buttonLabel?: string;
  children: (close: () => void) => ReactNode;
}) {
  return (
    <DialogTrigger>
      <Button
        variant={variant}
        isDisabled={isDisabled}
        {...(buttonLabel ? { 'aria-label': buttonLabel } : {})}
      >
        {label}
      </Button>
      <ModalOverlay className="modal-overlay" isDismissable={false} isKeyboardDismissDisabled={false}>
        <Modal className="modal">
          <Dialog className="dialog">
            {({ close }) => <DialogFrame title={title}>{children(close)}</DialogFrame>}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}

/** What both dialogs show: the title that names the dialog, then its content. */
function DialogFrame({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="stack-small">
      <Heading slot="title" className="dialog-title">
        {title}
      </Heading>
      {children}
    </div>
  );
}

/**
 * The same modal dialog, opened by its owner rather than by a button of its own (an item of a menu,
 * *Bewerk ▼*): `isOpen` and `onClose` are the owner's; focus returns to `returnFocus` on closing.
 */
export function ControlledDialog({
  isOpen,
  onClose,
  title,
  returnFocus,
  children,
}: {
  isOpen: boolean;
  onClose(): void;
  title: string;
  returnFocus?: RefObject<HTMLElement | null>;
  children: (close: () => void) => ReactNode;
}) {
  const close = () => {
    onClose();
    // The menu item that opened the dialog is gone: give focus back to the menu's button.
    requestAnimationFrame(() => returnFocus?.current?.focus());
  };
  return (
    <ModalOverlay
      className="modal-overlay"
      isOpen={isOpen}
      onOpenChange={(open) => {
        if (!open) close();
      }}
      isDismissable={false}
      isKeyboardDismissDisabled={false}
    >
      <Modal className="modal">
        <Dialog className="dialog">
          <DialogFrame title={title}>{children(close)}</DialogFrame>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

/** A yes/no field of a contract form (a native checkbox: keyboard and screen readers work as is). */
export function CheckboxInput({
  name,
  label,
  description,
}: {
  name: string;
  label: string;
  description?: string;
}) {
  const { register } = useFormContext();
  const id = fieldId(name);
  return (
    <div className="field checkbox-field">
      <label htmlFor={id} className="checkbox-label">
        <input
          type="checkbox"
          id={id}
          {...register(name)}
          {...(description ? { 'aria-describedby': `${id}-uitleg` } : {})}
        />{' '}
        {label}
      </label>
      {description && (
        <p className="field-description" id={`${id}-uitleg`}>
          {description}
        </p>
      )}
    </div>
  );
}

/** The buttons at the bottom of a dialog's form: the action and *Annuleer*. */
export function DialogButtons({
  submitLabel,
  pending,
  close,
  variant = 'primary',
}: {
  submitLabel: string;
  pending: boolean;
  close: () => void;
  variant?: 'primary' | 'danger';
}) {
  const { t } = useTranslation();
  return (
    <div className="button-row">
      <Button type="submit" variant={variant} isPending={pending}>
        {submitLabel}
      </Button>
      <Button variant="secondary" onPress={close}>
        {t('cancel')}
      </Button>
    </div>
  );
}

/**
 * A confirmation in a dialog whose only field is the reason: pause, resume, delete, revoke, remove a
 * local administrator. `children` says what will happen (a warning for what cannot be undone);
 * `onConfirm` calls the API and, when it succeeded, closes the dialog and says what happened. An
 * error it throws is shown in the form's summary (fields the API names, on the reason).
 */
export function ReasonDialog({
  label,
  buttonLabel,
  title,
  variant,
  schema,
  reason = 'optional',
  submitLabel,
  submitVariant = 'primary',
  children,
  onConfirm,
}: {
  /** The text of the button that opens the dialog. */
  label: string;
  buttonLabel?: string;
  title: string;
  variant?: 'primary' | 'secondary' | 'danger' | 'link';
  /** The request's contract ({ reason }). */
  schema: zc.$ZodType;
  /**
   * 'optional': the reason may stay empty; 'contract': the contract requires it (its own message);
   * any other text: the contract allows it empty but this action asks it, with this message.
   */
  reason?: 'optional' | 'contract' | (string & {});
  submitLabel: string;
  submitVariant?: 'primary' | 'danger';
  children?: ReactNode;
  onConfirm(request: { reason?: string }, close: () => void): Promise<void>;
}) {
  return (
    <ActionDialog
      label={label}
      title={title}
      {...(variant ? { variant } : {})}
      {...(buttonLabel ? { buttonLabel } : {})}
    >
      {(close) => (
        <ReasonForm
          schema={schema}
          reason={reason}
          submitLabel={submitLabel}
          submitVariant={submitVariant}
          close={close}
          onConfirm={onConfirm}
        >
          {children}
        </ReasonForm>
      )}
    </ActionDialog>
  );
}

function ReasonForm({
  schema,
  reason,
  submitLabel,
  submitVariant,
  close,
  children,
  onConfirm,
}: {
  schema: zc.$ZodType;
  reason: string;
  submitLabel: string;
  submitVariant: 'primary' | 'danger';
  close(): void;
  children?: ReactNode;
  onConfirm(request: { reason?: string }, close: () => void): Promise<void>;
}) {
  const { t } = useTranslation();
  const form = useContractForm<{ reason: string }>(schema, {
    defaultValues: { reason: '' },
    ...(reason === 'contract' ? {} : { optional: ['reason' as const] }),
  });
  const required = reason !== 'optional';
  return (
    <ContractForm
      form={form}
      labels={{ reason: t('reason') }}
      onValid={async (request: { reason?: string }) => {
        if (required && reason !== 'contract' && !request.reason) {
          form.setError('reason', { type: 'required', message: reason });
          form.failAttempt();
          return;
        }
        await onConfirm(request, close);
      }}
    >
      {children}
      <TextAreaInput name="reason" label={required ? t('reason') : t('reasonOptional')} required={required} />
      <DialogButtons
        submitLabel={submitLabel}
        variant={submitVariant}
        pending={form.formState.isSubmitting}
        close={close}
      />
    </ContractForm>
  );
}
