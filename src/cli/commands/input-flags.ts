/** Flags shared by every command that reads a CWR file: --encoding, --cwr-version. */
import type { Command } from 'commander';
import { isCwrVersion, type CwrVersion } from '../../formats/cwr/versions.js';
import { resolveEncoding } from '../../io/encoding.js';
import { CliError } from '../exit-codes.js';

export interface InputFlags {
  encoding?: string;
  cwrVersion?: string;
}

export interface InputOptions {
  encoding?: string;
  version?: CwrVersion;
}

/** Commander options become typed read options once, here. */
function toOptions(flags: InputFlags): InputOptions {
  const out: InputOptions = {};
  if (flags.encoding !== undefined) {
    if (resolveEncoding(flags.encoding) === undefined) {
      throw new CliError(`unsupported encoding "${flags.encoding}" (try utf-8, windows-1252, latin1, cp1251 or kz-1048)`);
    }
    out.encoding = flags.encoding;
  }
  if (flags.cwrVersion !== undefined) {
    if (!isCwrVersion(flags.cwrVersion)) throw new CliError(`--cwr-version must be 2.1, 2.2, 3.0 or 3.1, not "${flags.cwrVersion}"`);
    out.version = flags.cwrVersion;
  }
  return out;
}

export const readInputOptions = Object.assign(
  (cmd: Command): Command =>
    cmd
      .option('--encoding <enc>', 'text encoding (default: from the HDR; windows-1252 for 2.x, utf-8 for 3.x); e.g. cp1251, kz-1048')
      .option('--cwr-version <v>', 'read as this CWR version instead of the one the HDR declares (2.1, 2.2, 3.0, 3.1)'),
  { toOptions },
);
