/**
 * A modal dialog opened by a button (react-aria: focus moves into the dialog, stays there, returns
 * to the button; Escape closes). Used for the actions of the person page, tasks and local admins.
 */
import type { ReactNode } from 'react';
import { Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useFormContext } from 'react-hook-form';
import { fieldId } from './forms.tsx';
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
            {({ close }) => (
              <div className="stack-small">
                <Heading slot="title" className="dialog-title">
                  {title}
                </Heading>
                {children(close)}
              </div>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
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
  return (
    <div className="button-row">
      <Button type="submit" variant={variant} isPending={pending}>
        {submitLabel}
      </Button>
      <Button variant="secondary" onPress={close}>
        Annuleer
      </Button>
    </div>
  );
}
