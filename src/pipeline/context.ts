/** What every stage runner receives: the open store, the configuration, the run, progress and the versions. */
import type { Db } from '../store/db.ts';
import type { BlobStore } from '../store/blobs.ts';
import type { DocumentModel } from '../model/document.ts';
import type { ReportRecord } from '../model/report.ts';
import type { Result } from '../model/result.ts';
import { parseReport, PARSER_VERSION, type ParseHints } from '../parse/index.ts';
import { EXTRACTOR_VERSION } from '../../extractors/index.ts';
import type { Config } from './config.ts';
import type { Progress } from './progress.ts';
import type { Resolver } from './resolver.ts';
import type { StageVersions } from '../store/reports.ts';

export interface Parser {
  version: string;
  parse(doc: DocumentModel, hints: ParseHints): Result<ReportRecord>;
}

export const DEFAULT_PARSER: Parser = { version: PARSER_VERSION, parse: parseReport };
export { EXTRACTOR_VERSION };

export interface StageContext {
  db: Db;
  blobs: BlobStore;
  config: Config;
  runId: string;
  progress: Progress;
  /** Aborted on SIGINT/SIGTERM: stages finish the document in hand and stop. */
  signal: AbortSignal;
  parser: Parser;
  /** Division resolution after parsing; null leaves reports without a division. */
  resolver: Resolver | null;
  extractorVersion: string;
}

export function stageVersions(ctx: StageContext): StageVersions {
  return { extractor: ctx.extractorVersion, parser: ctx.parser.version, resolver: ctx.resolver?.version ?? null };
}
