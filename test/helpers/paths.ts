import { fileURLToPath } from 'node:url';

/** Repository root. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The built CLI launcher. */
export const BIN = fileURLToPath(new URL('../../bin/cwrkit.js', import.meta.url));
/** Bundled samples. */
export const SAMPLES = fileURLToPath(new URL('../../samples/', import.meta.url));
/** Test fixtures. */
export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
/** The team's shared public samples (present in CI beside the clone). */
export const PUBLIC_SAMPLES = fileURLToPath(new URL('../../../shared/samples/public/', import.meta.url));
