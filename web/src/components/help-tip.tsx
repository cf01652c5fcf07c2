/**
 * The seed's `[?]` next to a field: a small button that opens a short explanation beside it (a
 * "toggletip": a react-aria popover dialog, so it opens on press, touch and keyboard alike, is read out
 * when it opens, closes with Escape or a press elsewhere, and gives focus back to the button).
 */
import type { ReactNode } from 'react';
import { Button as AriaButton, Dialog, DialogTrigger, Popover } from 'react-aria-components';

export function HelpTip({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DialogTrigger>
      <AriaButton className="help-tip" aria-label={label}>
        <span aria-hidden="true">?</span>
      </AriaButton>
      <Popover className="popover help-tip-popover" placement="bottom start">
        <Dialog className="help-tip-dialog" aria-label={label}>
          {children}
        </Dialog>
      </Popover>
    </DialogTrigger>
  );
}
