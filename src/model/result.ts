/** A message about something doubtful; never an exception. Codes are stable and countable (`parse.row_incomplete`). */
export interface Message {
  code: string;
  message: string;
  level?: 'info' | 'warning' | 'error';
  /** Field code (`s3.new.total`) or location the message is about. */
  cell?: string;
  where?: Provenance;
}

/** Every stage core returns a value plus the warnings it produced (mammoth's Result). */
export interface Result<T> {
  value: T;
  warnings: Message[];
}

/** Where a value came from inside a document. All fields optional: set what is known. */
export interface Provenance {
  sha256?: string;
  url?: string;
  page?: number;
  table?: number;
  row?: number;
  col?: number;
  /** Character offsets into the document's plain text (for text sources). */
  offset?: number;
  length?: number;
  /** OCR word confidence 0–100 when the value came from OCR. */
  confidence?: number;
}

export function ok<T>(value: T, warnings: Message[] = []): Result<T> {
  return { value, warnings };
}

export function warn(code: string, message: string, extra: Partial<Message> = {}): Message {
  return { code, message, level: 'warning', ...extra };
}
