/**
 * The editable lists of the v2 panels (levels, people, targets): each row its fields and a "×"
 * that removes it (never the last one), then "Add". Focus follows the change: after a removal
 * it moves to "Add" (the focused "×" went away with its row), after an addition to the new
 * row's first input.
 */
import { Button } from '@fluentui/react-components';
import * as React from 'react';
import type { FocusAfterRender } from '../../components/focus-after-render';
import { Actions, useLayout } from '../../components/layout';

export interface RowListProps<Row> {
  rows: readonly Row[];
  /** Each row is marked data-<rowAttribute>="n" (1-based), as the tests and the browser tests find them. */
  rowAttribute: string;
  rowStyle?: React.CSSProperties;
  /** The row's fields; its first input registers under `inputKey(i)`. */
  fields: (row: Row, i: number) => React.ReactNode;
  removeLabel: (i: number) => string;
  onRemove: (i: number) => void;
  max: number;
  addLabel: string;
  onAdd: () => void;
  focus: Pick<FocusAfterRender, 'focusNext' | 'register'>;
  /** The focus key of "Add". */
  addKey: string;
  /** The focus key of row i's first input. */
  inputKey: (i: number) => string;
}

export function RowList<Row>({ rows, rowAttribute, rowStyle, fields, removeLabel, onRemove, max, addLabel, onAdd, focus, addKey, inputKey }: RowListProps<Row>): React.JSX.Element {
  const l = useLayout();
  return (
    <>
      <ol className={l.list}>
        {rows.map((row, i) => (
          <li key={i} className={l.row} style={rowStyle} {...{ [`data-${rowAttribute}`]: i + 1 }}>
            {fields(row, i)}
            <Button
              className={l.noShrink}
              style={{ minWidth: '32px' }}
              disabledFocusable={rows.length <= 1}
              aria-label={removeLabel(i)}
              onClick={() => {
                focus.focusNext.current = addKey;
                onRemove(i);
              }}
            >
              ×
            </Button>
          </li>
        ))}
      </ol>
      <Actions>
        <Button
          ref={focus.register(addKey)}
          disabledFocusable={rows.length >= max}
          onClick={() => {
            focus.focusNext.current = inputKey(rows.length);
            onAdd();
          }}
        >
          {addLabel}
        </Button>
      </Actions>
    </>
  );
}
