/** `cwrkit rules`: every validation rule with its id, CISAC level, severity, source and summary,
 * generated from the rule registry (optionally as a society profile changes it). */
import type { Command } from 'commander';
import { severityOf, type Level } from '../../validation/diagnostic.js';
import { ProfileError, loadProfile } from '../../validation/profile.js';
import { allRules, msgKey, type RuleInfo } from '../../validation/rule.js';
import { knownRule } from '../../validation/setup.js';
import '../../validation/cisac.js';
import '../../validation/rules/structure.js';
import '../../validation/rules/fields.js';
import { withExamples, type CliContext } from '../context.js';
import { CliError } from '../exit-codes.js';

interface Flags {
  json?: boolean;
  profile?: string;
}

export interface RuleRow {
  id: string;
  level: Level;
  severity: string;
  enabled: boolean;
  cisac: string;
  msg: string | null;
  summary: string;
}

/** The rows `cwrkit rules` prints, in registry order, with a profile's changes applied. */
export function ruleRows(rules: readonly RuleInfo[], disabled: ReadonlySet<string> = new Set(), levels: Readonly<Record<string, Level>> = {}): RuleRow[] {
  return rules.map((r) => {
    const level = levels[r.id] ?? r.level;
    const severity = levels[r.id] !== undefined ? severityOf(level) : (r.severity ?? severityOf(level));
    return {
      id: r.id,
      level,
      severity,
      enabled: !disabled.has(r.id),
      cisac: r.cisac,
      msg: msgKey(r),
      summary: r.summary,
    };
  });
}

export function registerRules(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('rules')
    .description('List the validation rules with their ids, CISAC levels and sources')
    .option('--json', 'print the rules as a JSON document')
    .option('--profile <name>', 'show the rules as a society profile sets them (name or JSON file)');
  withExamples(cmd, 'cwrkit rules', 'cwrkit rules --profile kazak --json');
  cmd.action(async (flags: Flags, command: Command) => {
    const out = ctx.output(command);
    let disabled = new Set<string>();
    let levels: Readonly<Record<string, Level>> = {};
    let profileName: string | null = null;
    if (flags.profile !== undefined) {
      try {
        const p = await loadProfile(flags.profile, knownRule, ctx.io.cwd);
        disabled = new Set(p.disabled);
        levels = p.levels;
        profileName = p.name;
      } catch (e) {
        if (e instanceof ProfileError) throw new CliError(e.message);
        throw e;
      }
    }
    const rows = ruleRows(allRules(), disabled, levels);
    if (out.opts.json) {
      out.json({ schemaVersion: 1, profile: profileName, rules: rows });
      return;
    }
    const w = Math.max(...rows.map((r) => r.id.length));
    let text = '';
    for (const r of rows) {
      const flag = r.enabled ? '' : ' (off)';
      text += `${r.id.padEnd(w)}  ${r.level.padEnd(11)} ${r.severity.padEnd(7)} ${r.summary}${flag}\n`;
      text += `${' '.repeat(w)}  ${out.out.dim(r.cisac + (r.msg ? ` [MSG ${r.msg}]` : ''))}\n`;
    }
    text += `${rows.length} rules${profileName ? ` (profile ${profileName})` : ''}\n`;
    out.print(text);
  });
}
