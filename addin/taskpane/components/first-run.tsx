/**
 * The first-run card: what to do first (insert a template, change its inputs, type =PERF.) —
 * with the function list. A lazy chunk of the shell (app.tsx): it shows once per user, so its
 * message bar need not be in the initial JavaScript (issue 14 item 10, 150 KB budget).
 */
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import * as React from 'react';
import type { Translate } from '../locale';
import type { Locale } from '../view-contract';
import { Actions, Notice } from './layout';

const FunctionList = React.lazy(() => import(/* webpackChunkName: "function-list" */ './function-list'));

const useStyles = makeStyles({
  root: { marginTop: tokens.spacingVerticalM },
  steps: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

export interface FirstRunProps {
  t: Translate;
  locale: Locale;
  onDismiss: () => void;
  /** What shows while the function list loads. */
  loading: React.ReactNode;
}

export default function FirstRunCard({ t, locale, onDismiss, loading }: FirstRunProps): React.JSX.Element {
  const styles = useStyles();
  const [showFunctions, setShowFunctions] = React.useState(false);
  return (
    <div className={styles.root} data-testid="first-run">
      <Notice
        intent="info"
        title={t('firstRun.title')}
        actions={
          <Button size="small" onClick={onDismiss} data-testid="first-run-dismiss">
            {t('firstRun.dismiss')}
          </Button>
        }
      >
        <ol className={styles.steps}>
          <li>{t('firstRun.insert')}</li>
          <li>{t('firstRun.inputs')}</li>
          <li>{t('firstRun.formula')}</li>
        </ol>
        <Actions>
          <Button size="small" appearance="transparent" aria-expanded={showFunctions} onClick={() => setShowFunctions((v) => !v)} data-testid="first-run-functions">
            {showFunctions ? t('firstRun.hideFunctions') : t('firstRun.functions')}
          </Button>
        </Actions>
        {showFunctions && (
          <React.Suspense fallback={loading}>
            <FunctionList locale={locale} t={t} />
          </React.Suspense>
        )}
      </Notice>
    </div>
  );
}
