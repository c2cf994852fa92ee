/**
 * What `perfplan run` (cli/run.ts: payout runs over the HTTP API, issue 13 item 6) prints, in
 * en-US and zh-CN side by side. The command line's locale decides (--lang, else LC_ALL,
 * LC_MESSAGES, LANG). Options, metavariables (ID, PERSON), file names, URLs, environment
 * variables, app role names and the API's status words as the API spells them stay as they
 * are typed; what the API said (a problem's detail, a run's error) is quoted in Chinese.
 */
import runsCli from './messages/runs-cli.json';
import type { RunsCliMessages } from './generated/messages';

/**
 * The keys run in sections: Usage (perfplan run --help); Arguments (exit 1); Talking to the API;
 * What it prints; perfplan run status; The API's status words.
 *
 * Notes on keys:
 *   - apiSaid: What the API said: its problem detail, quoted in Chinese.
 *   - apiFieldError: One entry of a problem's `errors`: the field and what is wrong with it.
 *   - nowStatus: The status the run has now, after a 409: "; it is rejected".
 *   - listLine: One run of `perfplan run list`.
 *   - totalOf: A total: amount, currency and how many people.
 *   - step: One approval step: "1 department: pending, due …".
 *   - runError: One error of a failed run, as the API reported it (its message quoted in Chinese).
 *   - status.other: A status word the API has and this client does not know yet: as the API spells it.
 */
export const RUNS_CLI = runsCli as RunsCliMessages;
