// A CliIO that records what a command prints and writes, over an in-memory file system. Tests only.
import type { CliIO } from './io.ts';

export function captureIO(files: Record<string, string> = {}, env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const written = new Map<string, Uint8Array>();
  const io: CliIO = {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    readFile: async (path) => {
      const content = files[path];
      if (content === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return content;
    },
    writeFile: async (path, data) => {
      written.set(path, data);
    },
    env,
  };
  return { io, written, stdout: () => out.join(''), stderr: () => err.join('') };
}
