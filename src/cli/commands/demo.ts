/** `cwrkit demo`: the main job on the bundled samples with a throwaway catalogue. */
import type { Command } from 'commander';
import { runDemo } from '../../app/demo.js';
import { withExamples, type CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';

export function registerDemo(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('demo')
    .description('Run the whole flow on the bundled samples (a throwaway catalogue in a temp folder)')
    .option('--json', 'print the demo results as JSON')
    .option('--keep', 'keep the temporary folder and print its path');
  withExamples(cmd, 'npx cwrkit demo');
  cmd.action(async (flags: { json?: boolean; keep?: boolean }, command: Command) => {
    const out = ctx.output(command);
    const result = await runDemo({ keep: flags.keep === true, log: (s) => (out.opts.json ? undefined : out.print(s)), color: out.out });
    if (out.opts.json) out.json(result);
    if (!result.ok) ctx.fail(EXIT.FINDINGS);
  });
}
