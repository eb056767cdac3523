#!/usr/bin/env node
// qantar's entry point: runs the bundled CLI from dist/ (rebuilt by bin/build.js whenever a source file is
// newer), or, should bundling be impossible, the TypeScript sources through tsx. Then hands over the
// arguments.
import { ensureBuilt } from './build.js';

let cli;
if (await ensureBuilt()) {
  cli = await import('../dist/cli.mjs');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import('../pipeline/cli.ts');
}
cli.installSignalCleanup();
// `qantar kwic … | head` closes the pipe early: stop quietly instead of printing a stack trace.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});
process.exitCode = await cli.main(process.argv.slice(2));
