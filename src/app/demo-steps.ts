/** The demo's steps, in order. Each capability appends its own. */
import type { DemoStep } from './demo.js';
import { validateStep } from './demo/validate-step.js';

export const DEMO_STEPS: readonly DemoStep[] = [validateStep];
