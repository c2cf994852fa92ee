/**
 * HTTPS for the add-in server whenever a certificate exists (issue 14 item 11). Excel loads
 * add-ins only over https, so plain http is the last resort: only when no certificate can be
 * made at all.
 *
 *   1. office-addin-dev-certs' own way (getHttpsServerOptions): generates a CA and a localhost
 *      certificate in ~/.office-addin-dev-certs and installs the CA with sudo. Done when it works.
 *   2. When that fails — typically root without sudo on Linux, where the files were generated
 *      but the CA could not be installed — the generated certificate is used anyway (made here
 *      with the same library when it is missing, expired or broken), and its CA is trusted:
 *      - already in the system store (Debian's /usr/local/share/ca-certificates, where
 *        office-addin-dev-certs puts it too): nothing to do;
 *      - the user is root on a system with update-ca-certificates: installed there directly;
 *      - otherwise: the one command that trusts it is printed.
 *   3. No certificate could be made: plain http, saying why.
 *
 * On CI (CI set) step 1 is skipped — it would try sudo — and nothing is installed.
 * PERFPLAN_NO_HTTPS=1 asks for plain http; PERFPLAN_TRUST_CA=0 never touches the system store.
 *
 * Everything the decision touches (the library, the file locations, the system store, the
 * command runner, the user id) comes in as HttpsEnvironment, so tests run each branch for real
 * in temporary folders.
 */
import { execFileSync } from 'child_process';
import { X509Certificate, createPrivateKey } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { messageOf } from '../i18n/localized-error';

export interface CertificateFiles {
  ca: string;
  cert: string;
  key: string;
}

export interface HttpsEnvironment {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  /** process.getuid() where there is one (0 = root). */
  uid: number | undefined;
  /** Where office-addin-dev-certs keeps (and this module looks for) the files. */
  files: CertificateFiles;
  /** office-addin-dev-certs: generate and install the CA itself (may run sudo). */
  getHttpsServerOptions(): Promise<{ key: Buffer; cert: Buffer; ca: Buffer }>;
  /** office-addin-dev-certs: generate a CA and a localhost certificate into these paths (writes nothing when the CA file exists). */
  generateCertificates(files: CertificateFiles): Promise<void>;
  /** Debian's store: the folder of extra CAs and the command that rebuilds the trusted set; null where there is none. */
  systemStore: { dir: string; update: string[] } | null;
  /** Runs a command, throwing when it fails. */
  run(command: string[]): void;
  now(): Date;
}

export type HttpsDecision =
  | {
      protocol: 'https';
      https: { key: Buffer; cert: Buffer; ca: Buffer };
      /** How the CA is trusted: 'office-addin-dev-certs', 'system store', 'installed', or null when it is not. */
      trusted: 'office-addin-dev-certs' | 'system store' | 'installed' | null;
      /** When not trusted: the one command that trusts it. */
      trustCommand?: string;
      /** What happened on the way (office-addin-dev-certs' failure, the installation). */
      notes: string[];
    }
  | { protocol: 'http'; reason: string; notes: string[] };

/** The file name under the store's office-addin-dev-certs folder (the one office-addin-dev-certs checks). */
const STORE_FOLDER = 'office-addin-dev-certs';
const STORE_FILE = 'ca.crt';

function isTrue(value: string | undefined): boolean {
  return !!value && ['1', 'true', 'yes', 'on'].includes(value.trim().toLowerCase());
}

function isFalse(value: string | undefined): boolean {
  return !!value && ['0', 'false', 'no', 'off'].includes(value.trim().toLowerCase());
}

function firstLines(error: unknown): string {
  const message = messageOf(error);
  return message.split('\n').map((l) => l.trim()).filter(Boolean).slice(0, 2).join(' ');
}

/** The certificate files as a usable set: the localhost certificate valid for another day, issued by the CA, matching the key; null otherwise. */
export function readCertificates(files: CertificateFiles, now: Date): { key: Buffer; cert: Buffer; ca: Buffer } | null {
  try {
    const [key, cert, ca] = [fs.readFileSync(files.key), fs.readFileSync(files.cert), fs.readFileSync(files.ca)];
    const leaf = new X509Certificate(cert);
    const root = new X509Certificate(ca);
    const tomorrow = now.getTime() + 24 * 3600 * 1000;
    if (Date.parse(leaf.validTo) < tomorrow || Date.parse(root.validTo) < tomorrow) return null;
    if (Date.parse(leaf.validFrom) > now.getTime()) return null;
    if (!leaf.checkIssued(root) || !leaf.verify(root.publicKey)) return null;
    if (!leaf.checkPrivateKey(createPrivateKey(key))) return null;
    return { key, cert, ca };
  } catch {
    return null;
  }
}

/** The one command that makes this machine trust `caFile`. */
export function trustCommand(platform: NodeJS.Platform, caFile: string, store: HttpsEnvironment['systemStore']): string {
  const quoted = `'${caFile.replace(/'/g, `'\\''`)}'`;
  switch (platform) {
    case 'darwin':
      return `sudo security add-trusted-cert -d -r trustRoot -k /Library/Keychains/System.keychain ${quoted}`;
    case 'win32':
      return `certutil -user -addstore Root "${caFile}"`;
    default:
      if (store) {
        const target = path.posix.join(store.dir, STORE_FOLDER);
        return `sudo sh -c "mkdir -p ${target} && cp ${quoted} ${target}/${STORE_FILE} && ${store.update.join(' ')}"`;
      }
      return `sudo trust anchor --store ${quoted}`;
  }
}

/** True when the system store already holds exactly this CA. */
function inSystemStore(store: HttpsEnvironment['systemStore'], ca: Buffer): boolean {
  if (!store) return false;
  try {
    return fs.readFileSync(path.join(store.dir, STORE_FOLDER, STORE_FILE)).equals(ca);
  } catch {
    return false;
  }
}

export async function decideHttps(host: HttpsEnvironment): Promise<HttpsDecision> {
  const notes: string[] = [];
  if (isTrue(host.env.PERFPLAN_NO_HTTPS)) return { protocol: 'http', reason: 'PERFPLAN_NO_HTTPS is set', notes };

  // 1. office-addin-dev-certs' own way: generates, installs the CA (sudo), verifies.
  if (isTrue(host.env.CI)) {
    notes.push('CI is set: the CA is not installed on this machine');
  } else {
    try {
      const options = await host.getHttpsServerOptions();
      return { protocol: 'https', https: { key: options.key, cert: options.cert, ca: options.ca }, trusted: 'office-addin-dev-certs', notes };
    } catch (error) {
      notes.push(`office-addin-dev-certs could not install its CA (${firstLines(error)})`);
    }
  }

  // 2. The certificate it generated (or one made now), whoever trusts it.
  let certificates = readCertificates(host.files, host.now());
  if (!certificates) {
    try {
      // generateCertificates writes nothing while a CA file exists: start from none.
      for (const file of [host.files.ca, host.files.cert, host.files.key]) fs.rmSync(file, { force: true });
      await host.generateCertificates(host.files);
      certificates = readCertificates(host.files, host.now());
      if (!certificates) throw new Error('the generated certificate does not verify');
    } catch (error) {
      // 3. Nothing to serve HTTPS with.
      return { protocol: 'http', reason: `no certificate could be made (${firstLines(error)})`, notes };
    }
  }

  if (inSystemStore(host.systemStore, certificates.ca)) return { protocol: 'https', https: certificates, trusted: 'system store', notes };

  const command = trustCommand(host.platform, host.files.ca, host.systemStore);
  const mayInstall = host.platform === 'linux' && host.uid === 0 && host.systemStore && !isTrue(host.env.CI) && !isFalse(host.env.PERFPLAN_TRUST_CA);
  if (mayInstall && host.systemStore) {
    try {
      const folder = path.join(host.systemStore.dir, STORE_FOLDER);
      fs.mkdirSync(folder, { recursive: true });
      fs.writeFileSync(path.join(folder, STORE_FILE), certificates.ca);
      host.run(host.systemStore.update);
      notes.push(`installed the development CA into ${folder} (${host.systemStore.update.join(' ')})`);
      return { protocol: 'https', https: certificates, trusted: 'installed', notes };
    } catch (error) {
      notes.push(`could not install the development CA into the system store (${firstLines(error)})`);
    }
  }
  return { protocol: 'https', https: certificates, trusted: null, trustCommand: command, notes };
}

/** The real environment: office-addin-dev-certs, its default files, Debian's store when present. */
export function systemHttpsEnvironment(env: NodeJS.ProcessEnv = process.env): HttpsEnvironment {
  // Loaded only here: a dev tool (which also reports usage data), not needed otherwise.
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const devCerts = require('office-addin-dev-certs') as typeof import('office-addin-dev-certs');
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const defaults = require('office-addin-dev-certs/lib/defaults') as { caCertificatePath: string; localhostCertificatePath: string; localhostKeyPath: string };
  const update = '/usr/sbin/update-ca-certificates';
  const storeDir = '/usr/local/share/ca-certificates';
  return {
    env,
    platform: process.platform,
    uid: typeof process.getuid === 'function' ? process.getuid() : undefined,
    files: { ca: defaults.caCertificatePath, cert: defaults.localhostCertificatePath, key: defaults.localhostKeyPath },
    getHttpsServerOptions: async () => {
      const o = await devCerts.getHttpsServerOptions();
      return { key: Buffer.from(o.key as Buffer), cert: Buffer.from(o.cert as Buffer), ca: Buffer.from(o.ca as Buffer) };
    },
    generateCertificates: (files) => devCerts.generateCertificates(files.ca, files.cert, files.key),
    systemStore: process.platform === 'linux' && fs.existsSync(update) && fs.existsSync(storeDir) ? { dir: storeDir, update: [update] } : null,
    run: (command) => {
      execFileSync(command[0], command.slice(1), { stdio: 'pipe', timeout: 60_000 });
    },
    now: () => new Date(),
  };
}
