/**
 * reports.do: loads reports.csv into Stata 14 or later with the short variable names, types and variable
 * labels in two label languages (`label language en` / `zh`). Columns are read by position (varnames(nonames),
 * data from row 2), so the names never depend on how Stata would mangle the CSV header.
 */
import type { Variable } from './variables.ts';

/** Stata's limit on a variable label, in characters. */
export const STATA_LABEL_MAX = 80;

/** A Stata string in compound quotes; characters that would start a macro expansion are replaced. */
export function stataString(s: string): string {
  const clean = [...s.replace(/`/g, "'").replace(/\$/g, '＄').replace(/[\r\n\t]+/g, ' ')];
  const cut = clean.length > STATA_LABEL_MAX ? [...clean.slice(0, STATA_LABEL_MAX - 1), '…'] : clean;
  return `\`"${cut.join('')}"'`;
}

/** Column numbers (1-based) of the variables of one type, as a Stata numlist. */
function numlist(vars: Variable[], keep: (v: Variable) => boolean): string {
  return vars.map((v, i) => (keep(v) ? i + 1 : 0)).filter((n) => n > 0).join(' ');
}

export function stataDoFile(vars: Variable[], csv = 'reports.csv'): string {
  const lines = [
    `* nianbao: loads ${csv} (in the current folder) with short names, types and labels (English and Chinese).`,
    '* Stata 14 or later (UTF-8). Run it from the export folder:  do reports.do',
    '* Counts and amounts are doubles; an empty cell is missing (.). Text cells starting with = + - @ carry a',
    "* leading ' (the CSV guards spreadsheets against formulas).",
    'version 14',
    `import delimited using "${csv}", clear varnames(nonames) rowrange(2) delimiters(",") bindquotes(strict) ` +
      `encoding("utf-8") asdouble stringcols(${numlist(vars, (v) => v.type === 'string')}) numericcols(${numlist(vars, (v) => v.type !== 'string')})`,
    ...vars.map((v, i) => `rename v${i + 1} ${v.name}`),
    ...vars.filter((v) => v.type === 'integer').map((v) => `recast long ${v.name}`),
    'label language en, rename',
    ...vars.map((v) => `label variable ${v.name} ${stataString(v.en)}`),
    'label language zh, new',
    ...vars.map((v) => `label variable ${v.name} ${stataString(v.zh)}`),
    'label language en',
    `label data ${stataString(`nianbao ${csv}: government information disclosure annual reports`)}`,
    'compress',
  ];
  return `${lines.join('\n')}\n`;
}
