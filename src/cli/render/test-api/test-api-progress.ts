import type { CliContext } from '../../context.js';

const WIDTH = 30;

/** A progress bar for --repeat on stderr, redrawn at most every 100 ms; only used when ctx.progress. */
export function progressBar(ctx: CliContext): { update(done: number, total: number): void; stop(): void } {
  let last = 0;
  let drawn = false;
  const err = ctx.streams.stderr;
  return {
    update(done, total) {
      const now = Date.now();
      if (done < total && now - last < 100) return;
      last = now;
      const filled = Math.round((done / total) * WIDTH);
      err.write(`\r${ctx.chalk.cyan('█'.repeat(filled))}${'░'.repeat(WIDTH - filled)} ${done}/${total}`);
      drawn = true;
    },
    stop() {
      if (drawn) err.write('\r\x1b[2K');
    },
  };
}
