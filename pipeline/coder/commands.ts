// Commands for coders who tune the lexicon (kwic, sheet, evaluate, lint, suggest, keyness, diff,
// import, export), registered with the CLI through this table.
import type { CommandSpec } from '../commands.ts';
import { kwicCommand } from './kwic/index.ts';
import { sheetCommand } from './sheet/index.ts';
import { evaluateCommand } from './evaluate/index.ts';

export const CODER_COMMANDS: CommandSpec[] = [kwicCommand, sheetCommand, evaluateCommand];
