/**
 * `npm start`'s HTTPS decision (dev/https.ts, issue 14 item 11): HTTPS whenever a
 * certificate exists. Each branch runs for real in a temporary folder — certificates made by
 * office-addin-dev-certs' own generator, a "system store" folder, an update command that runs —
 * and only office-addin-dev-certs' install step (which would run sudo on this machine) is
 * replaced by what it does here: generate the files, then fail to install the CA.
 */
import * as fs from 'fs';
import * as https from 'https';
import * as os from 'os';
import * as path from 'path';
import { CertificateFiles, HttpsEnvironment, decideHttps, readCertificates, trustCommand } from '../../dev/https';
import { startDevServer } from '../../dev/dev-server';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const devCerts = require('office-addin-dev-certs') as typeof import('office-addin-dev-certs');

jest.setTimeout(120_000);

let work: string;
beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'perfplan-https-'));
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

let counter = 0;
/** A fresh folder with certificate paths (nothing in them yet) and an empty "system store". */
function setting(): { files: CertificateFiles; storeDir: string; marker: string } {
  const dir = path.join(work, `case-${++counter}`);
  fs.mkdirSync(path.join(dir, 'store'), { recursive: true });
  return {
    files: { ca: path.join(dir, 'certs', 'ca.crt'), cert: path.join(dir, 'certs', 'localhost.crt'), key: path.join(dir, 'certs', 'localhost.key') },
    storeDir: path.join(dir, 'store'),
    marker: path.join(dir, 'update-ran'),
  };
}

const generate = (files: CertificateFiles) => devCerts.generateCertificates(files.ca, files.cert, files.key);

/** What office-addin-dev-certs does as root without sudo: generates the files, then fails to install the CA. */
const generatesButCannotInstall = (files: CertificateFiles) => async () => {
  await generate(files);
  throw new Error("Unable to install the CA certificate. /bin/sh: 1: sudo: not found\n");
};

function environment(s: ReturnType<typeof setting>, overrides: Partial<HttpsEnvironment> = {}): HttpsEnvironment {
  return {
    env: {},
    platform: 'linux',
    uid: 1000,
    files: s.files,
    getHttpsServerOptions: generatesButCannotInstall(s.files),
    generateCertificates: generate,
    // The update command really runs: it leaves a marker.
    systemStore: { dir: s.storeDir, update: [process.execPath, '-e', `require('fs').writeFileSync(${JSON.stringify(s.marker)}, 'ran')`] },
    run: (command) => {
      require('child_process').execFileSync(command[0], command.slice(1));
    },
    now: () => new Date(),
    ...overrides,
  };
}

/** Serves over HTTPS with the decision's certificate and fetches a page, trusting only its CA. */
async function servesHttps(certificates: { key: Buffer; cert: Buffer; ca: Buffer }): Promise<number> {
  const root = path.join(work, `root-${++counter}`);
  fs.mkdirSync(root);
  fs.writeFileSync(path.join(root, 'taskpane.html'), '<!doctype html><title>PerfPlan</title>');
  const server = await startDevServer({ root, port: 0, https: certificates });
  try {
    return await new Promise<number>((resolve, reject) => {
      https
        .get({ host: 'localhost', port: server.port, path: '/taskpane.html', ca: certificates.ca, agent: false }, (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        })
        .on('error', reject);
    });
  } finally {
    await server.close();
  }
}

describe('HTTPS whenever a certificate exists', () => {
  it('office-addin-dev-certs installs its CA: its certificate, trusted', async () => {
    const s = setting();
    await generate(s.files);
    const made = readCertificates(s.files, new Date())!;
    const decision = await decideHttps(environment(s, { getHttpsServerOptions: async () => made }));
    expect(decision).toMatchObject({ protocol: 'https', trusted: 'office-addin-dev-certs' });
  });

  it('generated but the CA not installed (root without sudo): HTTPS with the generated certificate, and the one command that trusts it', async () => {
    const s = setting();
    const decision = await decideHttps(environment(s));
    if (decision.protocol !== 'https') throw new Error(`expected https, got ${JSON.stringify(decision)}`);
    expect(decision.trusted).toBeNull();
    expect(decision.https.cert.equals(fs.readFileSync(s.files.cert))).toBe(true);
    expect(decision.https.ca.equals(fs.readFileSync(s.files.ca))).toBe(true);
    expect(decision.notes.join(' ')).toMatch(/could not install its CA \(Unable to install the CA certificate\. \/bin\/sh: 1: sudo: not found\)/);
    expect(decision.trustCommand).toBe(
      `sudo sh -c "mkdir -p ${s.storeDir}/office-addin-dev-certs && cp '${s.files.ca}' ${s.storeDir}/office-addin-dev-certs/ca.crt && ${environment(s).systemStore!.update.join(' ')}"`,
    );
    expect(fs.existsSync(s.marker)).toBe(false); // nothing installed for a user who is not root
    expect(await servesHttps(decision.https)).toBe(200);
  });

  it('as root on a system with update-ca-certificates: the CA is installed into the system store directly, and found there the next time', async () => {
    const s = setting();
    const decision = await decideHttps(environment(s, { uid: 0 }));
    expect(decision).toMatchObject({ protocol: 'https', trusted: 'installed' });
    if (decision.protocol !== 'https') return;
    expect(fs.readFileSync(path.join(s.storeDir, 'office-addin-dev-certs', 'ca.crt')).equals(decision.https.ca)).toBe(true);
    expect(fs.readFileSync(s.marker, 'utf8')).toBe('ran');
    expect(decision.notes.join(' ')).toMatch(/installed the development CA into/);
    // The next start: office-addin-dev-certs still cannot install, the certificate is reused and already trusted.
    fs.rmSync(s.marker);
    const again = await decideHttps(environment(s, { uid: 0, getHttpsServerOptions: async () => Promise.reject(new Error('sudo: not found')) }));
    expect(again).toMatchObject({ protocol: 'https', trusted: 'system store' });
    if (again.protocol === 'https') expect(again.https.cert.equals(decision.https.cert)).toBe(true);
    expect(fs.existsSync(s.marker)).toBe(false);
  });

  it('root with PERFPLAN_TRUST_CA=0, or on CI: nothing installed, the command printed; CI never asks office-addin-dev-certs (it would run sudo)', async () => {
    const s = setting();
    const optOut = await decideHttps(environment(s, { uid: 0, env: { PERFPLAN_TRUST_CA: '0' } }));
    expect(optOut).toMatchObject({ protocol: 'https', trusted: null });
    expect(fs.existsSync(s.marker)).toBe(false);

    const ci = setting();
    let asked = false;
    const onCi = await decideHttps(
      environment(ci, {
        uid: 0,
        env: { CI: 'true' },
        getHttpsServerOptions: async () => {
          asked = true;
          throw new Error('not on CI');
        },
      }),
    );
    expect(asked).toBe(false);
    expect(onCi).toMatchObject({ protocol: 'https', trusted: null });
    expect(fs.existsSync(ci.marker)).toBe(false);
    if (onCi.protocol === 'https') expect(await servesHttps(onCi.https)).toBe(200);
  });

  it('office-addin-dev-certs failed before generating anything, or left a broken or expired set: a certificate is made now', async () => {
    const s = setting();
    const none = await decideHttps(environment(s, { getHttpsServerOptions: async () => Promise.reject(new Error('Unable to verify certificate status.')) }));
    expect(none).toMatchObject({ protocol: 'https', trusted: null });
    expect(readCertificates(s.files, new Date())).not.toBeNull();

    const first = fs.readFileSync(s.files.cert);
    fs.writeFileSync(s.files.cert, 'not a certificate');
    const broken = await decideHttps(environment(s, { getHttpsServerOptions: async () => Promise.reject(new Error('x')) }));
    expect(broken.protocol).toBe('https');
    expect(fs.readFileSync(s.files.cert).equals(first)).toBe(false);
    expect(readCertificates(s.files, new Date())).not.toBeNull();

    // A certificate that expires within a day (made for 1 day) is replaced by a fresh one.
    for (const file of Object.values(s.files)) fs.rmSync(file);
    await devCerts.generateCertificates(s.files.ca, s.files.cert, s.files.key, 1);
    const expiring = fs.readFileSync(s.files.cert);
    expect(readCertificates(s.files, new Date())).toBeNull();
    const expired = await decideHttps(environment(s, { getHttpsServerOptions: async () => Promise.reject(new Error('x')) }));
    expect(expired.protocol).toBe('https');
    expect(fs.readFileSync(s.files.cert).equals(expiring)).toBe(false);
    expect(readCertificates(s.files, new Date(Date.now() + 20 * 24 * 3600 * 1000))).not.toBeNull();
  });

  it('plain http only when no certificate can be made at all, or when asked (PERFPLAN_NO_HTTPS)', async () => {
    const s = setting();
    fs.writeFileSync(path.join(work, `blocker-${counter}`), 'a file, not a folder');
    const nowhere = path.join(work, `blocker-${counter}`, 'certs');
    const files = { ca: path.join(nowhere, 'ca.crt'), cert: path.join(nowhere, 'localhost.crt'), key: path.join(nowhere, 'localhost.key') };
    const decision = await decideHttps(environment(s, { files, getHttpsServerOptions: async () => Promise.reject(new Error('x')) }));
    expect(decision).toMatchObject({ protocol: 'http', reason: expect.stringMatching(/^no certificate could be made \(/) });

    expect(await decideHttps(environment(setting(), { env: { PERFPLAN_NO_HTTPS: '1' } }))).toMatchObject({ protocol: 'http', reason: 'PERFPLAN_NO_HTTPS is set' });
  });

  it('the trust command for each platform', () => {
    expect(trustCommand('darwin', '/h/ca.crt', null)).toBe("sudo security add-trusted-cert -d -r trustRoot -k /Library/Keychains/System.keychain '/h/ca.crt'");
    expect(trustCommand('win32', 'C:\\h\\ca.crt', null)).toBe('certutil -user -addstore Root "C:\\h\\ca.crt"');
    expect(trustCommand('linux', '/h/ca.crt', { dir: '/usr/local/share/ca-certificates', update: ['/usr/sbin/update-ca-certificates'] })).toBe(
      `sudo sh -c "mkdir -p /usr/local/share/ca-certificates/office-addin-dev-certs && cp '/h/ca.crt' /usr/local/share/ca-certificates/office-addin-dev-certs/ca.crt && /usr/sbin/update-ca-certificates"`,
    );
    expect(trustCommand('linux', '/h/ca.crt', null)).toBe("sudo trust anchor --store '/h/ca.crt'");
  });
});
