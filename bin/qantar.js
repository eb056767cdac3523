#!/usr/bin/env node
// qantar's entry point: registers the TypeScript loader, then hands the arguments to the CLI.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../pipeline/cli.ts');
const { installSignalCleanup } = await import('../pipeline/lib/io.ts');
installSignalCleanup();
process.exitCode = await main(process.argv.slice(2));
