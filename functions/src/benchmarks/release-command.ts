/**
 * Runs a peer-benchmark release by hand, against the storage the app settings name
 * (PERFPLAN_STORAGE / AzureWebJobsStorage, default local Azurite):
 *
 *   node dist/functions/src/benchmarks/release-command.js          # the scheduled release, if due
 *   node dist/functions/src/benchmarks/release-command.js --now    # a release stamped now
 *   node dist/functions/src/benchmarks/release-command.js --at 2026-12-07T00:00:00Z
 *
 * (or `node -r ts-node/register/transpile-only functions/src/benchmarks/release-command.ts …`).
 * Prints one line and the summary as JSON. Exit status: 0 done (or nothing due), 1 usage, 2 failure.
 */
import { createDependencies, Dependencies } from '../dependencies';
import { describeRelease } from './timer';
import { messageOf } from '../../../i18n/localized-error';

export interface CommandIo {
  out(text: string): void;
  err(text: string): void;
}

const USAGE = 'Usage: release-command [--now | --at <ISO 8601 time>]\n';

export async function releaseCommand(args: string[], io: CommandIo, deps: () => Dependencies = () => createDependencies()): Promise<number> {
  if (args.includes('--help')) {
    io.out(USAGE);
    return 0;
  }
  let at: Date | undefined;
  if (args[0] === '--now' && args.length === 1) at = new Date();
  else if (args[0] === '--at' && args.length === 2) {
    at = new Date(args[1]);
    if (Number.isNaN(at.getTime())) {
      io.err(`release-command: "${args[1]}" is not an ISO 8601 time\n${USAGE}`);
      return 1;
    }
  } else if (args.length > 0) {
    io.err(USAGE);
    return 1;
  }
  try {
    const { releases } = deps().benchmarks;
    const summary = at ? await releases.run({ at }) : await releases.ensureCurrent();
    io.out(`${describeRelease(summary)}\n${JSON.stringify(summary)}\n`);
    return 0;
  } catch (error) {
    io.err(`release-command: ${messageOf(error)}\n`);
    return 2;
  }
}

if (require.main === module) {
  releaseCommand(process.argv.slice(2), { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) }).then((code) => {
    process.exitCode = code;
  });
}
