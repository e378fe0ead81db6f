/** The dataset commands, registered together in main.ts: run, extract, reparse, export, status. */
import type { Command } from 'commander';
import { registerExport } from './export.ts';
import { registerExtract } from './extract.ts';
import { registerReparse } from './reparse.ts';
import { registerRun } from './run.ts';
import { registerStatus } from './status.ts';

export function registerPipelineCommands(program: Command): void {
  for (const register of [registerRun, registerExtract, registerReparse, registerExport, registerStatus]) register(program);
}
