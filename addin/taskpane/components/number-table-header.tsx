import { TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import * as React from 'react';
import { useLayout } from './layout';

/**
 * The header of a results table: one label column, then the number columns, whose headings
 * align to the end as their numbers do.
 */
export function NumberTableHeader({ label, numbers }: { label: string; numbers: readonly string[] }): React.JSX.Element {
  const l = useLayout();
  return (
    <TableHeader>
      <TableRow>
        <TableHeaderCell>{label}</TableHeaderCell>
        {numbers.map((heading, k) => (
          <TableHeaderCell key={k} button={{ className: l.numberHeader }}>
            {heading}
          </TableHeaderCell>
        ))}
      </TableRow>
    </TableHeader>
  );
}
