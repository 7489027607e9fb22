/** Where the core reports what it chose not to do. Messages name settings and slugs, never secrets or PII. */
export interface Logger {
  warn(message: string): void;
  info?(message: string): void;
}

export const silentLogger: Logger = { warn() {} };

/** Writes one line per message to stderr (the CLI's choice). */
export const stderrLogger: Logger = {
  warn: (message) => process.stderr.write(`warn: ${message}\n`),
  info: (message) => process.stderr.write(`${message}\n`),
};
