/**
 * What the `perfplan` command line prints (cli/, and dev/token.ts, which it dispatches to), in
 * en-US and zh-CN side by side: usage, argument errors, the exit-status messages of calc and
 * explain, explain's request errors, seed's and token's messages, and the bin's own
 * (cli/bin/perfplan.js). One locale decides all of it: --lang, else LC_ALL, LC_MESSAGES, LANG
 * (argumentsLocale below, on i18n/locale.ts commandLineLocale). The en-US templates are the
 * messages exactly as they have always read.
 *
 * Command lines, options (--timeout), metavariables (BOOK.xlsx, SECONDS), file and sheet
 * names, URLs, environment variables and app role names stay as they are typed. A `reason`
 * is a message of its own (a LocalizedError's, in the same locale) or another program's, kept
 * as it was written.
 */
import BIN from './cli-bin.json';
import { Locale, commandLineLocale } from './locale';
import type { Text } from './text';
import cli from './messages/cli.json';
import type { CliMessages } from './generated/messages';

/**
 * The keys run in sections: Usage (perfplan --help); Arguments (exit 1); Reading and calculating
 * (exit 2 to 5); perfplan explain: what was asked cannot be explained (exit 1); perfplan seed
 * (cli/seed.ts); perfplan token (dev/token.ts).
 *
 * Notes on keys:
 *   - tooLong: JavaScript's own RangeError ("Invalid string length"): quoted in Chinese.
 *   - foreign: Another program's message inside one of ours: quoted in Chinese.
 *   - naming: The first cells not computed: "(S!B1, S!B2, …)".
 *   - stillWriting: A timeout after the calculation: what was written and what was not.
 *   - notBuilt: Said before anything is compiled, so the bin reads it from i18n/cli-bin.json
 *     (plain JSON, no build needed); here it is one of the command line's texts like any other.
 *   - seeded: `deleted` is seededDeleted, or nothing when no template was left deleted.
 */
export const CLI = { ...cli, notBuilt: BIN.notBuilt } as CliMessages & { readonly notBuilt: Text };

/**
 * The language tag of `--lang X` / `--lang=X` among a command's arguments (the last one
 * given), or undefined; a `--lang` with nothing after it names none.
 */
export function langArgument(args: readonly string[]): string | undefined {
  let lang: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg.startsWith('--lang=')) lang = arg.slice('--lang='.length);
    else if (arg === '--lang' && args[i + 1]) lang = args[++i];
  }
  return lang;
}

/**
 * The command line's one locale: the arguments' --lang when they have one, else the
 * environment (LC_ALL, LC_MESSAGES, LANG). Every perfplan command decides with it, before
 * its arguments are checked, so that even a usage error is said in the user's language.
 */
export function argumentsLocale(args: readonly string[], env: Readonly<Record<string, string | undefined>>): Locale {
  return commandLineLocale(langArgument(args), env);
}

/** Names (functions, sheets, cells) as a list inside a message: "a, b" / "a、b". */
export function nameList(names: readonly string[], more = false): Text {
  return { 'en-US': `${names.join(', ')}${more ? ', …' : ''}`, 'zh-CN': `${names.join('、')}${more ? '……' : ''}` };
}
