/**
 * File naming (FILE-1 for 2.x, FILE-2 for 3.x). A wrong name does not make the content invalid,
 * so these are file-level warnings; the extension must also agree with the HDR's version.
 */
import { basename } from 'node:path';
import type { CheckContext, FileFacts } from '../../engine.js';
import { defineRule } from '../../rule.js';
import { reportFile, s } from '../support.js';
import { versionFromFileName } from '../../../formats/cwr/versions.js';

export const FILE_NAME_2X = defineRule({
  id: 'file-name-2x',
  level: 'file',
  severity: 'warning',
  cisac: 'CWR 2.2 §3.1 file naming (FILE-1): CWyynnnnSSS_RRR.V21/.V22 (older: 2-digit sequence; .zip allowed)',
  summary: 'A CWR 2.x file name is not CW + year + sequence + sender + "_" + receiver + .V21/.V22.',
  message: (p) => `file name "${s(p, 'name')}" does not follow the CWR 2.x convention CWyynnnnSSS_RRR.V2x (e.g. CW260001ABC_177.V21)`,
});

export const FILE_NAME_3X = defineRule({
  id: 'file-name-3x',
  level: 'file',
  severity: 'warning',
  cisac: 'CWR User Manual 2019 §2.1 file naming (FILE-2), unverified: CWyynnnnSSSS_RRRR_V3-0-0.SUB|ACK1|ACK2|ISWS|ISWA (DMP also writes .ISR)',
  summary: 'A CWR 3.x file name is not CW + year + sequence + submitter + "_" + recipient + "_V3-x-y." + type.',
  message: (p) => `file name "${s(p, 'name')}" does not follow the CWR 3.x convention CWyynnnnSSSS_RRRR_V3-0-0.SUB`,
});

export const FILE_NAME_VERSION = defineRule({
  id: 'file-name-version',
  level: 'file',
  severity: 'warning',
  cisac: 'CWR 2.2 §3.1 (the extension names the version); HDR version fields',
  summary: 'The version in the file name differs from the version the HDR declares.',
  message: (p) => `the file name says CWR ${s(p, 'named')} but the HDR says ${s(p, 'declared')}`,
});

const RE_2X = /^CW[0-9]{2}([0-9]{4}|[0-9]{2})[A-Z0-9]{2,3}_[A-Z0-9]{2,3}\.V2[12](\.ZIP)?$/;
const RE_2X_ZIP = /^CW[0-9]{2}([0-9]{4}|[0-9]{2})[A-Z0-9]{2,3}_[A-Z0-9]{2,3}\.ZIP$/;
const RE_3X = /^CW[0-9]{2}[0-9]{4}[A-Z0-9]{2,4}_[A-Z0-9]{2,4}_V3-[0-9]-[0-9]+(\.|_)(SUB|ACK1|ACK2|ISWS|ISWA|ISR)(\.ZIP)?$/;

export function checkFileName(_facts: FileFacts, ctx: CheckContext): void {
  if (ctx.fileName === '') return;
  const name = basename(ctx.fileName);
  const upper = name.toUpperCase();
  const version = ctx.info.version;
  const v3 = version === '3.0' || version === '3.1';
  if (v3) {
    if (!RE_3X.test(upper)) reportFile(ctx, FILE_NAME_3X, { name });
  } else if (!RE_2X.test(upper) && !RE_2X_ZIP.test(upper)) {
    reportFile(ctx, FILE_NAME_2X, { name });
  }
  const named = versionFromFileName(name);
  if (named && named !== version && !(v3 && (named === '3.0' || named === '3.1'))) reportFile(ctx, FILE_NAME_VERSION, { named, declared: version });
}
