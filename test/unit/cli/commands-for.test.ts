import { describe, expect, it } from 'vitest';
import { COMMANDS, commandsFor } from '../../../src/cli/commands/index.js';

describe('commandsFor: only the named sub-command is loaded', () => {
  it.each([
    [['validate', 'x.V21'], 1],
    [['-q', 'reconcile', '--inbox', 'in'], 1],
    [['validate', '--help'], COMMANDS.length],
    [['help', 'validate'], COMMANDS.length],
    [['--help'], COMMANDS.length],
    [[], COMMANDS.length],
    [['valdate'], COMMANDS.length],
    [['--version'], 0],
    [['export', '--version', '3.0'], 1],
  ])('%j loads %i module(s)', async (argv, count) => {
    expect(await commandsFor(argv)).toHaveLength(count);
  });

  it('every entry loads a register function named after its command', async () => {
    for (const c of COMMANDS) {
      const register = await c.load();
      expect(typeof register).toBe('function');
      expect(register.name.toLowerCase()).toBe(`register${c.name}`);
    }
  });
});
