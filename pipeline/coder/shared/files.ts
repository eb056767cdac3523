// Files a coder asks for by name (a KWIC sheet, coding sheets, a CSV of suggestions, an exported
// dictionary). `-` means stdout. They are written atomically, never inside the corpus or lexicon folder,
// and never over an existing file (it may hold a coder's work) unless --force says so.
import { existsSync, realpathSync } from 'node:fs';
import { basename, dirname, resolve, sep } from 'node:path';
import type { Context } from '../../lib/context.ts';
import { UsageError } from '../../lib/diagnostics.ts';
import { writeFileAtomic } from '../../lib/io.ts';

/** The real path of `p`, resolving links in the part that exists (the rest may not exist yet). */
function real(p: string): string {
  let dir = resolve(p);
  const tail: string[] = [];
  while (!existsSync(dir) && dirname(dir) !== dir) {
    tail.unshift(basename(dir));
    dir = dirname(dir);
  }
  return [realpathSync(dir), ...tail].join(sep);
}

function inside(child: string, parent: string): boolean {
  return child === parent || child.startsWith(parent.endsWith(sep) ? parent : parent + sep);
}

/** Refuse a target inside --corpus or --lexicon (unless `allowLexicon`), or an existing file without --force. */
export function checkTarget(ctx: Context, path: string, flag: string, opts: { force: boolean; allowLexicon?: boolean }): void {
  const target = real(path);
  const guarded: [string, string][] = [['--corpus', ctx.options.corpus]];
  if (!opts.allowLexicon) guarded.push(['--lexicon', ctx.options.lexicon]);
  for (const [name, folder] of guarded) {
    if (existsSync(folder) && inside(target, real(folder))) {
      throw new UsageError(`${flag} \`${path}\` is inside ${name} \`${folder}\`; qantar never writes into its inputs — choose another path`);
    }
  }
  if (!opts.force && existsSync(path)) {
    throw new UsageError(`${flag} \`${path}\` already exists and may hold a coder's work; choose another name or add --force to replace it`);
  }
}

export async function writeUserFile(ctx: Context, path: string, data: string, flag: string, force: boolean): Promise<void> {
  if (path === '-') {
    ctx.stdout.write(data);
    return;
  }
  checkTarget(ctx, path, flag, { force });
  await writeFileAtomic(path, data);
}
