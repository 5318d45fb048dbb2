/** The CWR versions cwrkit reads and writes, their layout tables, and version detection. */
import { parseLayoutSet, type LayoutSet, type RecordLayout } from '../../fixed-width/layout.js';
import v21 from './layouts/cwr-2.1.json' with { type: 'json' };
import v22 from './layouts/cwr-2.2.json' with { type: 'json' };
import v30 from './layouts/cwr-3.0.json' with { type: 'json' };
import v31 from './layouts/cwr-3.1.json' with { type: 'json' };

export type CwrVersion = '2.1' | '2.2' | '3.0' | '3.1';
export const CWR_VERSIONS: readonly CwrVersion[] = ['2.1', '2.2', '3.0', '3.1'];

export function isCwrVersion(x: string): x is CwrVersion {
  return (CWR_VERSIONS as readonly string[]).includes(x);
}

export function isV3(version: CwrVersion): boolean {
  return version === '3.0' || version === '3.1';
}

const cache = new Map<CwrVersion, LayoutSet>();
const RAW: Readonly<Record<CwrVersion, unknown>> = { '2.1': v21, '2.2': v22, '3.0': v30, '3.1': v31 };

export function layoutsFor(version: CwrVersion): LayoutSet {
  let set = cache.get(version);
  if (set === undefined) {
    set = parseLayoutSet(RAW[version], `cwr-${version}.json`);
    cache.set(version, set);
  }
  return set;
}

export function layoutOf(version: CwrVersion, recordType: string): RecordLayout | undefined {
  return layoutsFor(version).records.get(recordType);
}

/** The GRH "version number for transaction type" value each version writes. */
export const GROUP_VERSION: Readonly<Record<CwrVersion, string>> = {
  '2.1': '02.10',
  '2.2': '02.20',
  '3.0': '03.00',
  '3.1': '03.10',
};

/**
 * The version a file declares in its HDR: 2.2 and 3.x carry a version field (at 102 and 103);
 * a 2.1 HDR has none. Returns undefined when the line is not an HDR at all.
 */
export function versionFromHeader(hdr: string): CwrVersion | undefined {
  if (!hdr.startsWith('HDR')) return undefined;
  const v3 = hdr.slice(102, 105);
  if (v3 === '3.0' || v3 === '3.1') return v3;
  if (hdr.slice(101, 104) === '2.2') return '2.2';
  return '2.1';
}

/** The character set an HDR declares (2.x: columns 87-101; 3.x: 88-102), trimmed. */
export function charsetFromHeader(hdr: string, version: CwrVersion): string {
  return (isV3(version) ? hdr.slice(87, 102) : hdr.slice(86, 101)).trim();
}

/** The version implied by a file name extension (.V21, .V22, _V3-0-0.SUB ...), if any. */
export function versionFromFileName(name: string): CwrVersion | undefined {
  const m = /\.V(2[12])$/i.exec(name);
  if (m) return m[1] === '21' ? '2.1' : '2.2';
  const v3 = /_V3-([01])-\d+\.[A-Z0-9]+$/i.exec(name);
  if (v3) return v3[1] === '0' ? '3.0' : '3.1';
  return undefined;
}
