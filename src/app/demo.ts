/**
 * The demo: the main job of a society on the bundled samples, end to end, in a temporary folder.
 * Each capability adds a step to DEMO_STEPS; one command shows the whole flow.
 */
import type { ChalkInstance } from 'chalk';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_STEPS } from './demo-steps.js';

export interface DemoContext {
  /** Folder with the bundled samples (samples/ of the package). */
  readonly samples: string;
  /** Throwaway working folder (catalogue database, outputs). */
  readonly work: string;
  readonly log: (line: string) => void;
  readonly color: ChalkInstance;
  /** Values steps hand on to later steps (ids of imports, statements...). */
  readonly state: Map<string, unknown>;
}

export interface DemoStepResult {
  readonly step: string;
  readonly ok: boolean;
  readonly details: Readonly<Record<string, unknown>>;
}

export interface DemoStep {
  readonly name: string;
  run(ctx: DemoContext): Promise<DemoStepResult>;
}

export interface DemoResult {
  ok: boolean;
  work: string | null;
  steps: DemoStepResult[];
}

export function samplesDir(): string {
  return fileURLToPath(new URL('../../samples/', import.meta.url));
}

export async function runDemo(opts: { keep: boolean; log: (s: string) => void; color: ChalkInstance }): Promise<DemoResult> {
  const work = mkdtempSync(join(tmpdir(), 'cwrkit-demo-'));
  const ctx: DemoContext = { samples: samplesDir(), work, log: opts.log, color: opts.color, state: new Map() };
  const steps: DemoStepResult[] = [];
  try {
    for (const step of DEMO_STEPS) {
      opts.log(opts.color.bold(`\n== ${step.name}`));
      const r = await step.run(ctx);
      steps.push(r);
      if (!r.ok) break;
    }
  } finally {
    if (!opts.keep) rmSync(work, { recursive: true, force: true });
  }
  if (opts.keep) opts.log(`\nworking folder kept: ${work}`);
  return { ok: steps.every((s) => s.ok), work: opts.keep ? work : null, steps };
}
