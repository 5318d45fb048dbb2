/** The demo's steps, in order. Each capability appends its own (one line here, one file in demo/). */
import type { DemoStep } from './demo.js';
import { registerStep } from './demo/register-step.js';
import { validateStep } from './demo/validate-step.js';
import { ackStep } from './demo/ack-step.js';
import { importStep } from './demo/import-step.js';
import { statementStep } from './demo/statement-step.js';
import { reconcileStep } from './demo/reconcile-step.js';
import { convertStep } from './demo/convert-step.js';
import { exportStep } from './demo/export-step.js';

export const DEMO_STEPS: readonly DemoStep[] = [
  registerStep,
  validateStep,
  importStep,
  ackStep,
  statementStep,
  reconcileStep,
  convertStep,
  exportStep,
];
