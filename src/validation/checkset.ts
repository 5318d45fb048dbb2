/** Builds the set of checks a validation run uses: the CISAC rule set plus a society profile. */
import type { CheckSet } from './engine.js';

export const EMPTY_CHECKS: CheckSet = { transaction: [], control: [], file: [] };

export function mergeChecks(...sets: CheckSet[]): CheckSet {
  return {
    transaction: sets.flatMap((s) => s.transaction),
    control: sets.flatMap((s) => s.control),
    file: sets.flatMap((s) => s.file),
  };
}
