/**
 * The Plan builder's "Sheet" section, as every mode shows it: "Write to sheet" (Excel only, a
 * valid plan), the note that says why it is disabled, and the outcome of the last write. The
 * caller keeps the state (the tiered/payout mode resets it with each change of the plan, the
 * v2 panels with each change of their draft).
 */
import { Button, Caption1 } from '@fluentui/react-components';
import * as React from 'react';
import type { PLAN } from '../../../../i18n/pane-plan';
import { Actions, Notice, Section } from '../../components/layout';
import { NeedsExcelNote } from '../../components/messages';
import type { Translate } from '../../locale';
import type { HostInfo } from '../../view-contract';

/** A failed write keeps the words the user can read (readableFailure), if any. */
export type WriteState = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; address?: string } | { kind: 'failed'; message?: string };
export const IDLE: WriteState = { kind: 'idle' };

/** Whether "Write to sheet" may start now. */
export function canWrite(host: HostInfo, valid: boolean, state: WriteState): boolean {
  return host.inExcel && valid && state.kind !== 'busy';
}

interface WriteSectionProps {
  host: HostInfo;
  t: Translate<typeof PLAN>;
  /** The section's help line (what the write puts on the sheet). */
  hint: string;
  valid: boolean;
  state: WriteState;
  onWrite: () => void;
  /** The id of the note that describes a disabled button. */
  noteId: string;
  /** The message for a write that says where its result is. */
  writtenAtKey: 'writtenAt' | 'writtenV2';
  testId?: string;
}

export function WriteSection({ host, t, hint, valid, state, onWrite, noteId, writtenAtKey, testId }: WriteSectionProps): React.JSX.Element {
  const enabled = canWrite(host, valid, state);
  return (
    <Section heading={t('writeHeading')} help={hint}>
      <Actions>
        <Button appearance="primary" disabledFocusable={!enabled} onClick={onWrite} aria-describedby={enabled ? undefined : noteId} data-testid={testId}>
          {state.kind === 'busy' ? t('writing') : t('write')}
        </Button>
      </Actions>
      <NeedsExcelNote inExcel={host.inExcel} id={noteId} text={t('writeNeedsExcel')} />
      {host.inExcel && !valid && <Caption1 id={noteId}>{t('writeNeedsValid')}</Caption1>}
      <div aria-live="polite">
        {state.kind === 'done' && <Notice intent="success">{state.address ? t(writtenAtKey, { address: state.address }) : t('written')}</Notice>}
        {state.kind === 'failed' && <Notice intent="error">{state.message ? t('writeFailed', { message: state.message }) : t('writeFailedPlain')}</Notice>}
      </div>
    </Section>
  );
}
