/** Every sub-command, in the order `cwrkit --help` lists them. */
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { registerDemo } from './demo.js';
import { registerParse } from './parse.js';
import { registerValidate } from './validate.js';
import { registerView } from './view.js';

export type Register = (program: Command, ctx: CliContext) => void;

export const COMMANDS: readonly Register[] = [registerDemo, registerParse, registerView, registerValidate];
