// Build small corpora and lexicons inline in temporary folders.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export function tempDir(prefix = 'qantar-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Write `files` (path → content) under a new temporary folder and return it. */
export function writeTree(files: Record<string, string | Uint8Array>, root = tempDir()): string {
  for (const [p, content] of Object.entries(files)) {
    const full = join(root, p);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return root;
}

export const FRAMES_CSV = `frame,family,label,description
terrorism,securitizing,Terrorism,
foreign_interference,securitizing,Foreign interference,
colour_revolution,securitizing,Colour revolution,
economic_grievance,grievance,Economic grievance,
political_grievance,grievance,Political grievance,
security_response,other,Security response,
`;
