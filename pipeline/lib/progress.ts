// A progress bar on an interactive terminal only: silent when stderr is not a TTY, under CI, or with
// --no-progress, so logs and piped output stay clean.
import cliProgress from 'cli-progress';
import type { Context } from './context.ts';

export interface Progress {
  tick(n?: number): void;
  stop(): void;
}

export function createProgress(ctx: Context, label: string, total: number): Progress {
  const tty = (ctx.stderr as NodeJS.WriteStream).isTTY === true;
  if (!ctx.options.progress || !tty || process.env.CI || ctx.options.quiet || total < 2) return { tick: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar({
    format: `${label.padEnd(9)} [{bar}] {value}/{total} documents  {eta_formatted} left`,
    stream: ctx.stderr as NodeJS.WriteStream, hideCursor: true, clearOnComplete: true,
  }, cliProgress.Presets.shades_classic);
  bar.start(total, 0);
  return { tick: (n = 1) => bar.increment(n), stop: () => bar.stop() };
}
