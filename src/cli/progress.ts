/** A one-line progress bar on a TTY (stderr): share of the file read, events/s and the time left. */
export interface Progress {
  update(bytesDone: number, events: number): void;
  done(): void;
}

export function createProgress(
  totalBytes: number,
  stream: NodeJS.WriteStream = process.stderr,
  now: () => number = Date.now,
): Progress {
  if (!stream.isTTY || totalBytes <= 0) return { update() {}, done() {} };
  const started = now();
  let lastDraw = 0;
  return {
    update(bytesDone, events) {
      const t = now();
      if (t - lastDraw < 100) return;
      lastDraw = t;
      const share = Math.min(1, bytesDone / totalBytes);
      const seconds = Math.max(0.001, (t - started) / 1000);
      const rate = events / seconds;
      const eta = share > 0 ? (seconds / share) * (1 - share) : 0;
      const width = 30;
      const filled = Math.round(share * width);
      stream.write(
        `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(share * 100).toFixed(1)}% ${events} events ${rate.toFixed(0)}/s ETA ${formatSeconds(eta)}   `,
      );
    },
    done() {
      stream.write('\r\x1b[2K');
    },
  };
}

function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.round(seconds);
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}
