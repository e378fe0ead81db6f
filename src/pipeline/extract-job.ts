/** What the extract stage sends to an extraction worker and what comes back (types only). */
import type { Message } from '../model/result.ts';

export interface ExtractJob {
  sha256: string;
  /** The raw bytes (BlobStore path). */
  blobPath: string;
  /** Where the worker writes the DocumentModel JSON (temp + rename). */
  outPath: string;
  fileName?: string;
  contentType?: string;
  /** The document's time limit (`extractTimeoutSec`): the extractors' own deadline, so their typed error and clean-up come first. */
  timeoutMs?: number;
}

export interface ExtractDone {
  format: string;
  pages: number | null;
  ocr: boolean;
  warnings: Message[];
  modelBytes: number;
  ms: number;
}

export const EXTRACT_WORKER = new URL('./extract-worker.ts', import.meta.url);
