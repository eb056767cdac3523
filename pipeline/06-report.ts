// report: report.md and report.html — run summary, tables, figures and a methods paragraph.
// Reads: everything in out/. Writes: out/report.md, out/report.html.
import type { Context } from './lib/context.ts';
import type { OutputSession } from './lib/io.ts';
import type { TagResult } from './03-tag.ts';

export async function writeReport(_ctx: Context, _session: OutputSession, _tablesDir: string, _tagged?: TagResult): Promise<void> {}

export async function run(ctx: Context, session: OutputSession): Promise<void> {
  await writeReport(ctx, session, ctx.options.out);
}
