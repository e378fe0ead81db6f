/** One small error class per concern, each with a literal name and an optional cause (ky/crawlee style). */

/** Base of every error the pipeline records for a document or a request. */
export class PipelineError extends Error {
  override name = 'PipelineError';
  /** Stable machine-readable code, e.g. `pdf.encrypted`, `input.empty`. */
  readonly code: string;
  readonly retryable: boolean;
  constructor(code: string, message: string, options: { cause?: unknown; retryable?: boolean } = {}) {
    super(message, { cause: options.cause });
    this.code = code;
    this.retryable = options.retryable ?? false;
  }
}

/** The bytes are not a format nianbao can read (unknown type, RTF without converter, …). */
export class UnsupportedDocumentError extends PipelineError {
  override name = 'UnsupportedDocumentError';
}

/** The document is damaged, encrypted, empty, too large or otherwise unreadable. */
export class BadDocumentError extends PipelineError {
  override name = 'BadDocumentError';
}

/** A converter or extractor ran past its time limit and was killed. */
export class ExtractionTimeoutError extends PipelineError {
  override name = 'ExtractionTimeoutError';
}

/** A required external tool (LibreOffice, tesseract, pdftoppm, chromium) is not installed. */
export class MissingToolError extends PipelineError {
  override name = 'MissingToolError';
}

/** A configuration file, flag or site registry row is invalid. */
export class ConfigError extends PipelineError {
  override name = 'ConfigError';
}

/** An HTTP request failed; retryable for 408/429/5xx and network errors. */
export class FetchError extends PipelineError {
  override name = 'FetchError';
  readonly status?: number;
  readonly url: string;
  constructor(code: string, message: string, url: string, options: { cause?: unknown; retryable?: boolean; status?: number } = {}) {
    super(code, message, options);
    this.url = url;
    this.status = options.status;
  }
}

export function errorCode(e: unknown): string {
  return e instanceof PipelineError ? e.code : 'internal';
}
