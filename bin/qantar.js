#!/usr/bin/env node
// qantar's entry point: registers the TypeScript loader, then hands the arguments to the CLI.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../pipeline/cli.ts');
const { installSignalCleanup } = await import('../pipeline/lib/io.ts');
installSignalCleanup();
// `qantar kwic … | head` closes the pipe early: stop quietly instead of printing a stack trace.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});
process.exitCode = await main(process.argv.slice(2));
