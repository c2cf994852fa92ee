/**
 * The editable lists of the v2 panels (levels, people, targets): each row its fields and a "×"
 * that removes it (never the last one), then "Add". Focus follows the change: after a removal
 * it moves to "Add" (the focused "×" went away with its row), after an addition to the new
 * row's first input. NameValueList is the people of the pool and the targets of the breakdown:
 * a name and a number a row, a new row starting with the last row's number.
 */
import { Button, Field, Input } from '@fluentui/react-components';
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

/** A row of a name/number list: `name` and the number under `K` ("share", "annual"), as typed. */
export type NameValueRow<K extends string> = { name: string } & { [key in K]: string };

export interface NameValueListProps<K extends string> {
  rows: readonly NameValueRow<K>[];
  valueField: K;
  rowAttribute: string;
  nameLabel: (i: number) => string;
  valueLabel: (i: number) => string;
  removeLabel: (i: number) => string;
  max: number;
  addLabel: string;
  /** Applies a change to the list in the draft; a change that returns the same list leaves the draft as it is. */
  update: (change: (rows: NameValueRow<K>[]) => NameValueRow<K>[]) => void;
  focus: Pick<FocusAfterRender, 'focusNext' | 'register'>;
  addKey: string;
  /** The focus key of row i's name input is `${nameKey}${i}`. */
  nameKey: string;
}

export function NameValueList<K extends string>({ rows, valueField, rowAttribute, nameLabel, valueLabel, removeLabel, max, addLabel, update, focus, addKey, nameKey }: NameValueListProps<K>): React.JSX.Element {
  const l = useLayout();
  const set = (i: number, field: 'name' | K, value: string) => update((list) => list.map((x, j) => (j === i ? { ...x, [field]: value } : x)));
  return (
    <RowList
      rows={rows}
      rowAttribute={rowAttribute}
      rowStyle={{ alignItems: 'flex-end' }}
      fields={(x, i) => (
        <>
          <Field className={l.grow} label={nameLabel(i)}>
            <Input className={l.fill} value={x.name} ref={focus.register(`${nameKey}${i}`)} data-user-data="" onChange={(_, d) => set(i, 'name', d.value)} />
          </Field>
          <Field className={l.grow} label={valueLabel(i)}>
            <Input className={l.fill} inputMode="decimal" value={x[valueField]} onChange={(_, d) => set(i, valueField, d.value)} />
          </Field>
        </>
      )}
      removeLabel={removeLabel}
      onRemove={(i) => update((list) => (list.length <= 1 ? list : list.filter((_, j) => j !== i)))}
      max={max}
      addLabel={addLabel}
      onAdd={() => update((list) => (list.length >= max ? list : [...list, { name: '', [valueField]: list[list.length - 1]?.[valueField] ?? '' } as NameValueRow<K>]))}
      focus={focus}
      addKey={addKey}
      inputKey={(i) => `${nameKey}${i}`}
    />
  );
}
