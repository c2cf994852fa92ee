/** What stops a scenario run (scenario-model's issue codes), in the user's language. */
import { SCENARIOS } from '../../../../i18n/pane-scenarios';
import { type Translate, translatorFor } from '../../locale';
import type { Locale } from '../../view-contract';
import type { ScenarioIssue } from './scenario-model';

export function issueText(issue: ScenarioIssue, t: Translate<typeof SCENARIOS>): string {
  switch (issue.code) {
    case 'noOutput':
    case 'noInputs':
      return t(`issue.${issue.code}`);
    case 'tooManyInputs':
      return t('issue.tooManyInputs', { max: issue.max });
    case 'notNumber':
      return t('issue.notNumber', { address: issue.address, field: t(`issueField.${issue.field}`), text: issue.text });
    default:
      return t(`issue.${issue.code}`, { address: issue.address });
  }
}

/** issueText in `locale`. */
export function issueMessage(issue: ScenarioIssue, locale: Locale): string {
  return issueText(issue, translatorFor(SCENARIOS, locale));
}
