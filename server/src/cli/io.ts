// Commands write through this interface so tests can capture output without spawning a process.
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  readFile(path: string): Promise<string>;
  /** Writes a file; the path "-" means standard output. */
  writeFile(path: string, data: Uint8Array): Promise<void>;
  /** Environment variables the commands read (FLOWMAP_OWNER_KEY). */
  env: Readonly<Record<string, string | undefined>>;
}

export type ExitCode = 0 | 1 | 2;
