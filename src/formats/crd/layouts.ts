/** The CRD 2.0 layout table (data in layouts/crd-2.0.json) and --layouts overrides. */
import { readFileSync } from 'node:fs';
import { overrideLayouts, parseLayoutSet, type LayoutSet } from '../../fixed-width/layout.js';
import crd20 from './layouts/crd-2.0.json' with { type: 'json' };

let cached: LayoutSet | undefined;

export function crdLayouts(): LayoutSet {
  cached ??= parseLayoutSet(crd20, 'crd-2.0.json');
  return cached;
}

/** The CRD layouts with the records of a --layouts file replacing ours (throws LayoutError). */
export function crdLayoutsWith(overrideFile: string | undefined): LayoutSet {
  if (overrideFile === undefined) return crdLayouts();
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(overrideFile, 'utf8'));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code !== undefined) throw e;
    throw new SyntaxError(`${overrideFile}: not valid JSON (${err.message})`);
  }
  return overrideLayouts(crdLayouts(), parseLayoutSet(raw, overrideFile));
}
