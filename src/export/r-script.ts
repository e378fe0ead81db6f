/**
 * reports.R: loads reports.csv into an R data frame with the short variable names, column types and
 * variable labels (attribute `label`: English; `label_zh`: Chinese, as haven and labelled read them). The
 * script is ASCII only (Chinese as \u{} escapes), so it runs in any locale. Base R only.
 */
import type { Variable } from './variables.ts';

/** An R string literal, ASCII only. */
export function rString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (c < 0x20) out += ' ';
    else if (c < 0x7f) out += ch;
    else out += `\\U{${c.toString(16)}}`;
  }
  return `${out}"`;
}

const R_CLASS = { string: 'character', integer: 'integer', numeric: 'numeric' } as const;

function vector(values: string[]): string {
  return `c(\n    ${values.join(',\n    ')}\n  )`;
}

export function rScript(vars: Variable[], csv = 'reports.csv'): string {
  return `# nianbao: loads ${csv} with short names, types and variable labels (attribute "label": English,
# "label_zh": Chinese). From the export folder: source("reports.R") gives \`reports\`; elsewhere call
# nianbao_reports("path/to/${csv}"). Counts and amounts are numeric; an empty cell is NA. Text cells starting
# with = + - @ carry a leading ' (the CSV guards spreadsheets against formulas).
nianbao_reports <- function(file = "${csv}") {
  classes <- ${vector(vars.map((v) => rString(R_CLASS[v.type])))}
  d <- utils::read.csv(file, fileEncoding = "UTF-8-BOM", encoding = "UTF-8", colClasses = classes,
                       na.strings = "", check.names = FALSE, stringsAsFactors = FALSE)
  if (ncol(d) != length(classes)) stop("${csv} has ", ncol(d), " columns; this script expects ", length(classes))
  names(d) <- ${vector(vars.map((v) => rString(v.name)))}
  en <- ${vector(vars.map((v) => rString(v.en)))}
  zh <- ${vector(vars.map((v) => rString(v.zh)))}
  for (i in seq_along(d)) {
    attr(d[[i]], "label") <- en[[i]]
    attr(d[[i]], "label_zh") <- zh[[i]]
  }
  d
}

if (file.exists("${csv}")) reports <- nianbao_reports()
`;
}
