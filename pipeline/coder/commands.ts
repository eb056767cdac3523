// Commands for coders who tune the lexicon (kwic, sheet, evaluate, lint, suggest, keyness, diff,
// import, export), registered with the CLI through this table.
import type { CommandSpec } from '../commands.ts';
import { kwicCommand } from './kwic/index.ts';
import { sheetCommand } from './sheet/index.ts';
import { evaluateCommand } from './evaluate/index.ts';
import { lintCommand } from './lint/index.ts';
import { keynessCommand } from './keyness/keyness.ts';
import { suggestCommand } from './keyness/suggest.ts';
import { diffCommand } from './diff/index.ts';
import { exportCommand, importCommand } from './dictionary/index.ts';
import { reviewCommand } from '../review/index.ts';

export const CODER_COMMANDS: CommandSpec[] = [kwicCommand, sheetCommand, evaluateCommand, lintCommand, suggestCommand, keynessCommand, diffCommand, importCommand, exportCommand, reviewCommand];
