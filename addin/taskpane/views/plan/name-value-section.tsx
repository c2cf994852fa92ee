/**
 * The name/number lists of the v2 panels in a section of their own: the pool's people and the
 * breakdown's targets. The two differ only in their words, their row marks and their limits,
 * which the table below keeps side by side; NameValueList (./row-list) does the rest.
 */
import * as React from 'react';
import type { PLAN } from '../../../../i18n/pane-plan';
import type { FocusAfterRender } from '../../components/focus-after-render';
import { Section } from '../../components/layout';
import type { Translate } from '../../locale';
import { NameValueList, type NameValueRow } from './row-list';
import { MAX_PEOPLE, MAX_TARGETS } from './v2-model';

/** The pool's people: a name and a share a row. */
export const PEOPLE_LIST = {
  valueField: 'share',
  rowAttribute: 'person',
  max: MAX_PEOPLE,
  addKey: 'addPerson',
  nameKey: 'name',
  text: { heading: 'peopleHeading', help: 'peopleHelp', name: 'personName', value: 'personShare', remove: 'removePerson', add: 'addPerson' },
} as const;

/** The breakdown's targets: a name and an annual target a row. */
export const TARGETS_LIST = {
  valueField: 'annual',
  rowAttribute: 'target',
  max: MAX_TARGETS,
  addKey: 'addTarget',
  nameKey: 'target',
  text: { heading: 'targetsHeading', help: 'targetsHelp', name: 'targetName', value: 'targetAnnual', remove: 'removeTarget', add: 'addTarget' },
} as const;

type NameValueListSpec = typeof PEOPLE_LIST | typeof TARGETS_LIST;

export interface NameValueSectionProps<K extends string> {
  /** PEOPLE_LIST or TARGETS_LIST, whose number is under `K`. */
  list: NameValueListSpec & { valueField: K };
  rows: readonly NameValueRow<K>[];
  /** Applies a change to the list in the draft (see NameValueList). */
  update: (change: (rows: NameValueRow<K>[]) => NameValueRow<K>[]) => void;
  t: Translate<typeof PLAN>;
  focus: Pick<FocusAfterRender, 'focusNext' | 'register'>;
}

export function NameValueSection<K extends string>({ list, rows, update, t, focus }: NameValueSectionProps<K>): React.JSX.Element {
  const { text } = list;
  return (
    <Section heading={t(text.heading)} help={t(text.help)}>
      <NameValueList<K>
        rows={rows}
        valueField={list.valueField}
        rowAttribute={list.rowAttribute}
        nameLabel={(i) => t(text.name, { row: i + 1 })}
        valueLabel={(i) => t(text.value, { row: i + 1 })}
        removeLabel={(i) => t(text.remove, { row: i + 1 })}
        max={list.max}
        addLabel={t(text.add)}
        update={update}
        focus={focus}
        addKey={list.addKey}
        nameKey={list.nameKey}
      />
    </Section>
  );
}
