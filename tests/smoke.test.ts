import { describe, expect, test } from 'vitest';
import { runCli } from './support/cli.ts';

describe('cli', () => {
  test('an unknown command is a usage error (exit 2)', async () => {
    const r = await runCli(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Unknown argument|unknown command/i);
  });
});
