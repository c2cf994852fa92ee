import type { Io } from '../../cli/io';

/** What a command gave when a test ran it: its exit status and all it wrote to each stream. */
export interface Captured {
  code: number;
  out: string;
  err: string;
}

/** Runs `command` in this process with buffers for its streams (cli's Io; dev/token's TokenIo has the same shape). */
export async function captured(command: (io: Io) => Promise<number>): Promise<Captured> {
  let out = '';
  let err = '';
  const code = await command({ out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}
