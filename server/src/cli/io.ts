// Commands write through this interface so tests can capture output without spawning a process.
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  readFile(path: string): Promise<string>;
}

export type ExitCode = 0 | 1 | 2;
