/**
 * The preview tables of the Plan builder's v2 panels (rebate, pool, target breakdown): a
 * caption for screen readers, a header row whose number columns align to the end as their
 * numbers do, row headings, and text and number cells, all in the one table style.
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import * as React from 'react';
import { useLayout } from '../../components/layout';

const useStyles = makeStyles({
  preview: { width: '100%', tableLayout: 'fixed', borderCollapse: 'collapse', fontVariantNumeric: 'tabular-nums' },
  previewCell: { padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, overflowWrap: 'anywhere', textAlign: 'start' },
  previewNumber: { textAlign: 'end' },
});

export interface PreviewColumn {
  heading: string;
  /** A column of numbers: its heading aligns to the end. */
  number?: boolean;
}

export function PreviewTable({ testId, caption, columns, children }: { testId: string; caption: string; columns: readonly PreviewColumn[]; children: React.ReactNode }): React.JSX.Element {
  const l = useLayout();
  const s = useStyles();
  return (
    <table className={s.preview} data-testid={testId}>
      <caption className={l.visuallyHidden}>{caption}</caption>
      <thead>
        <tr>
          {columns.map((column, k) => (
            <th key={k} scope="col" className={column.number ? `${s.previewCell} ${s.previewNumber}` : s.previewCell}>
              {column.heading}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

/** A row's heading cell; other attributes (data-user-data, style) pass through. */
export function RowHeading({ children, ...rest }: React.ThHTMLAttributes<HTMLTableCellElement>): React.JSX.Element {
  const s = useStyles();
  return (
    <th scope="row" className={s.previewCell} {...rest}>
      {children}
    </th>
  );
}

/** A text cell, with `className` added to the table's cell style (e.g. a highlight). */
export function TextCell({ className, children }: { className: string; children: React.ReactNode }): React.JSX.Element {
  const s = useStyles();
  return <td className={`${s.previewCell} ${className}`}>{children}</td>;
}

export function NumberCell({ children }: { children: React.ReactNode }): React.JSX.Element {
  const s = useStyles();
  return <td className={`${s.previewCell} ${s.previewNumber}`}>{children}</td>;
}
