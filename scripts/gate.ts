// The reproducibility gate: re-run the pipeline on the shipped corpus into a fresh folder and compare
// with the committed out/ — every CSV, SVG, Markdown/HTML report byte for byte, and the manifest's input
// and output hashes. Exit 1 on any difference.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { main } from '../pipeline/cli.ts';

const COMPARED = /\.(csv|svg|md|html)$/;

function files(root: string, dir = root): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...files(root, p));
    else out.push(relative(root, p).split(sep).join('/'));
  }
  return out.sort();
}

const committed = 'out';
if (!existsSync(join(committed, 'manifest.json'))) {
  process.stderr.write('gate: out/manifest.json is missing; run `npx qantar run` and commit out/\n');
  process.exit(1);
}
const fresh = join(mkdtempSync(join(tmpdir(), 'qantar-gate-')), 'out');
const code = await main(['run', '--out', fresh, '--no-progress', '--quiet']);
if (code !== 0) {
  process.stderr.write(`gate: qantar run failed with exit ${code}\n`);
  process.exit(1);
}
const problems: string[] = [];
const a = files(committed).filter((f) => COMPARED.test(f));
const b = files(fresh).filter((f) => COMPARED.test(f));
for (const f of a.filter((f) => !b.includes(f))) problems.push(`${f}: committed but no longer produced`);
for (const f of b.filter((f) => !a.includes(f))) problems.push(`${f}: produced but not committed`);
for (const f of a.filter((f) => b.includes(f))) {
  if (!readFileSync(join(committed, f)).equals(readFileSync(join(fresh, f)))) problems.push(`${f}: differs from the committed file`);
}
const m1 = JSON.parse(readFileSync(join(committed, 'manifest.json'), 'utf8'));
const m2 = JSON.parse(readFileSync(join(fresh, 'manifest.json'), 'utf8'));
for (const key of ['inputs', 'outputs', 'options', 'counts', 'libraries', 'tokenizers'] as const) {
  if (JSON.stringify(m1[key]) !== JSON.stringify(m2[key])) problems.push(`manifest.json: \`${key}\` differs`);
}
rmSync(fresh, { recursive: true, force: true });
if (problems.length) {
  for (const p of problems) process.stderr.write(`gate: ${p}\n`);
  process.stderr.write(`gate: ${problems.length} difference(s); re-run \`npx qantar run\` and commit out/ if the change is intended\n`);
  process.exit(1);
}
process.stdout.write(`gate: out/ reproduced byte for byte (${a.length} files and the manifest's hashes)\n`);
