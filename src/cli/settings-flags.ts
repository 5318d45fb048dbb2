/** Flags every catalogue command shares (--db, --society) and the settings they resolve to. */
import type { Command } from 'commander';
import { openCatalogue, type Db, type OpenOptions } from '../catalogue/db.js';
import { ConfigError, loadSettings, type Settings } from '../config.js';
import type { CliContext } from './context.js';
import { CliError, EXIT } from './exit-codes.js';

export interface SettingsFlags {
  db?: string;
  society?: string;
  profile?: string;
}

export function withDbOption(cmd: Command): Command {
  return cmd.option('--db <path>', 'catalogue database (default: $CWRKIT_DB, config, else ./cwrkit.db)');
}

export function withSocietyOption(cmd: Command): Command {
  return cmd.option('--society <code>', 'CISAC code of the society running cwrkit (default: $CWRKIT_SOCIETY, config, else 177 KazAK)');
}

export function settingsFrom(ctx: CliContext, flags: SettingsFlags): Settings {
  try {
    return loadSettings({ flags: { db: flags.db, society: flags.society, profile: flags.profile }, env: ctx.io.env, cwd: ctx.io.cwd });
  } catch (e) {
    if (e instanceof ConfigError) throw new CliError(e.message, EXIT.USAGE, 'CWRKIT_CONFIG');
    throw e;
  }
}

/** Opens the catalogue named by the flags; usage errors become exit code 2. */
export function openFromFlags(ctx: CliContext, flags: SettingsFlags, options: OpenOptions = {}): { db: Db; settings: Settings } {
  const settings = settingsFrom(ctx, flags);
  try {
    return { db: openCatalogue(settings.db, options), settings };
  } catch (e) {
    const err = e as { code?: string; message?: string };
    if (err.code === 'CWRKIT_NO_DB') throw new CliError(err.message ?? 'no catalogue', EXIT.USAGE, 'CWRKIT_NO_DB');
    if (err.code === 'SQLITE_BUSY') throw new CliError('the catalogue is busy (another cwrkit is writing); try again', EXIT.BUSY, 'CWRKIT_BUSY');
    if (err.code === 'SQLITE_NOTADB' || err.code === 'SQLITE_CORRUPT') throw new CliError(`${settings.db} is not a cwrkit catalogue (not an SQLite database)`, EXIT.USAGE, 'CWRKIT_DB');
    throw e;
  }
}
