/**
 * "Add" under a list the user builds (plan rows, criteria), and, once the list is full, the
 * note that says so: the disabled button points at it (aria-describedby) so a screen reader
 * hears why it cannot add.
 */
import { Button, Caption1 } from '@fluentui/react-components';
import * as React from 'react';
import { Actions } from './layout';

export interface AddRowProps {
  label: string;
  canAdd: boolean;
  onAdd: () => void;
  /** The button's ref (focus returns to it after a row is removed). */
  buttonRef: (el: HTMLElement | null) => void;
  /** The id of the note and the note shown when the list is full. */
  limitId: string;
  limitText: string;
}

export function AddRow({ label, canAdd, onAdd, buttonRef, limitId, limitText }: AddRowProps): React.JSX.Element {
  return (
    <>
      <Actions>
        <Button ref={buttonRef} disabledFocusable={!canAdd} onClick={onAdd} aria-describedby={canAdd ? undefined : limitId}>
          {label}
        </Button>
      </Actions>
      {!canAdd && <Caption1 id={limitId}>{limitText}</Caption1>}
    </>
  );
}
