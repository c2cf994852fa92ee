/**
 * `npm run sideload`: loads the add-in into desktop Excel.
 *
 * Windows and macOS: runs `npx office-addin-debugging start manifest.xml desktop --app excel`
 * (office-addin-debugging is fetched by npx on demand: it cannot be a dependency here,
 * because its keytar dependency needs libsecret to install). `npm start` must be running in
 * another terminal, with HTTPS (the manifest loads https://localhost:3000/).
 *
 * Linux (and anything else): desktop Excel does not exist there; prints the Excel on the
 * web steps and the manifest's path instead.
 */
import { spawn } from 'child_process';
import * as path from 'path';
import { findRepoRoot } from './paths';

const ROOT = findRepoRoot(__dirname);
const MANIFEST = path.join(ROOT, 'manifest.xml');

export function webSideloadInstructions(manifest: string = MANIFEST): string {
  return [
    'Sideload PerfPlan in Excel on the web:',
    '  1. Run "npm start" (with HTTPS: Excel loads the add-in from https://localhost:3000/) and keep it running.',
    '  2. Open a workbook at https://excel.cloud.microsoft (or office.com → Excel).',
    '  3. Home → Add-ins → More Add-ins → Upload My Add-in.',
    `  4. Choose the manifest: ${manifest}`,
  ].join('\n');
}

export function desktopCommand(platform: NodeJS.Platform = process.platform): { command: string; args: string[] } | null {
  if (platform !== 'win32' && platform !== 'darwin') return null;
  return {
    command: platform === 'win32' ? 'npx.cmd' : 'npx',
    args: ['--yes', 'office-addin-debugging', 'start', 'manifest.xml', 'desktop', '--app', 'excel'],
  };
}

function main(): void {
  const desktop = desktopCommand();
  if (!desktop) {
    process.stdout.write(
      `Desktop Excel is not available on ${process.platform === 'linux' ? 'Linux' : process.platform}: ` +
        'use Excel on the web instead.\n\n' +
        `${webSideloadInstructions()}\n`,
    );
    return;
  }
  process.stdout.write(`Sideloading into desktop Excel: npx ${desktop.args.slice(1).join(' ')}\n`);
  process.stdout.write('(npm start must be running in another terminal.)\n');
  const child = spawn(desktop.command, desktop.args, {
    cwd: ROOT,
    stdio: 'inherit',
    // Node refuses to spawn .cmd files without a shell (CVE-2024-27980); the arguments are fixed.
    shell: process.platform === 'win32',
  });
  child.once('error', (error) => {
    process.stderr.write(`sideload: could not run npx: ${error.message}\n\n${webSideloadInstructions()}\n`);
    process.exitCode = 1;
  });
  child.once('exit', (code, signal) => {
    if (code !== 0) {
      process.stderr.write(
        `sideload: office-addin-debugging ${signal ? `was stopped by ${signal}` : `exited with ${code}`}.\n` +
          `You can always sideload by hand.\n\n${webSideloadInstructions()}\n`,
      );
    }
    process.exitCode = code ?? 1;
  });
}

if (require.main === module) main();
