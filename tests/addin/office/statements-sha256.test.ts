/**
 * The statement footer's SHA-256 from the pane: the workbook's slices from Office's File API,
 * hashed with Web Crypto — the same digest as the file's bytes hashed whole; undefined (the
 * footer then says the pane does not know it) when Office fails or there is no File API.
 */
import { createHash } from 'node:crypto';
import { sha256Of, workbookSha256 } from '../../../addin/office/statements-sha256';
import { officeFile } from './office-file';

const BYTES = Uint8Array.from({ length: 10_000 }, (_, i) => (i * 31) % 256);

function office(fail?: 'open' | 'slice') {
  return officeFile(BYTES, { sliceSize: 4096, fail }).closed;
}

afterEach(() => {
  delete (globalThis as any).Office;
});

describe('workbookSha256', () => {
  it('hashes the slices as the whole file, and closes the file', async () => {
    const closed = office();
    expect(await workbookSha256()).toBe(createHash('sha256').update(BYTES).digest('hex'));
    expect(closed).toHaveLength(1);
  });

  it('is undefined when Office cannot hand the file over', async () => {
    office('open');
    expect(await workbookSha256()).toBeUndefined();
    const closed = office('slice');
    expect(await workbookSha256()).toBeUndefined();
    expect(closed).toHaveLength(1);
    delete (globalThis as any).Office;
    expect(await workbookSha256()).toBeUndefined();
  });

  it('sha256Of joins its parts', async () => {
    expect(await sha256Of([Uint8Array.of(97), [98, 99]])).toBe(createHash('sha256').update('abc').digest('hex'));
  });
});
