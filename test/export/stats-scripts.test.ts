/**
 * Every export ships reports.do (Stata) and reports.R, which load reports.csv with short names, types and
 * labels in English and Chinese. The R script is run for real (Debian's r-base-core); the do-file's generated
 * lines are checked against Stata's syntax for the commands it uses.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addDocument, makeRecord, tempStore } from '../store/fixture-db.ts';
import { saveReport } from '../../src/store/reports.ts';
import { firstDocument } from '../../src/store/document-source.ts';
import { exportDataset } from '../../src/export/index.ts';
import { reportVariables } from '../../src/export/variables.ts';
import { STATA_LABEL_MAX } from '../../src/export/stata.ts';
import { FIELD_BY_CODE } from '../../src/model/codebook.ts';
import { parseCsv } from './read-csv.ts';

async function exported(t: { after(fn: () => void): void }, bom = true): Promise<string> {
  const store = tempStore();
  t.after(() => store.cleanup());
  const save = (text: string, body: string, values: Record<string, number | null>) => {
    const sha = addDocument(store, text, { url: `http://127.0.0.1/${encodeURIComponent(body)}.txt` });
    saveReport(store.db, {
      sha256: sha, source: firstDocument(store.db, sha), extractorVersion: 'e1', parserVersion: 'p1', status: 'ok',
      record: makeRecord({ body, values }), now: '2026-01-01T00:00:00.000Z',
    });
  };
  save('a', '=1+1', { 's3.new.total': 5, 's2.licensing.items_delta': -3, 's2.fees.amount': 7730.2825 });
  save('b', '平潭综合实验区管委会', { 's3.new.total': 7, 's3.carried_in.total': null });
  const out = join(store.dir, 'out');
  const files = await exportDataset(store.db, out, { bom });
  assert.deepEqual(files.slice(-2).map((f) => f.name), ['reports.do', 'reports.R']);
  return out;
}

const name = (code: string) => FIELD_BY_CODE.get(code)!.stataName;

test('reports.R loads reports.csv in R with the short names, types and English and Chinese labels', { timeout: 120_000 }, async (t) => {
  const out = await exported(t);
  const check = `
source("reports.R")
out <- function(key, value) cat(key, "\\t", paste(value, collapse = "|"), "\\n", sep = "")
out("rows", nrow(reports))
out("names", names(reports))
out("classes", vapply(reports, function(x) class(x)[1], ""))
row <- reports[reports$body == "\\u5e73\\u6f6d\\u7efc\\u5408\\u5b9e\\u9a8c\\u533a\\u7ba1\\u59d4\\u4f1a", ]
out("pingtan", c(row$${name('s3.new.total')}, as.character(is.na(row$${name('s3.carried_in.total')}))))
evil <- reports[reports$${name('s2.licensing.items_delta')} %in% -3, ]
out("evil", c(evil$body, evil$${name('s2.fees.amount')}, evil$year))
out("label", attr(reports$${name('s3.new.total')}, "label"))
out("label_zh", attr(reports$${name('s3.new.total')}, "label_zh"))
`;
  const r = spawnSync('Rscript', ['--vanilla', '-e', check], { cwd: out, encoding: 'utf8', env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' } });
  assert.equal(r.status, 0, `${r.error ?? ''}${r.stderr}`);
  const got = Object.fromEntries(r.stdout.trim().split('\n').map((l) => l.split('\t') as [string, string]));
  const vars = reportVariables();
  assert.equal(got.rows, '2');
  assert.deepEqual(got.names!.split('|'), vars.map((v) => v.name));
  const classes = Object.fromEntries(got.classes!.split('|').map((c, i) => [vars[i]!.name, c]));
  assert.deepEqual([classes.report_id, classes.year, classes.body, classes.latest, classes[name('s3.new.total')]], ['integer', 'integer', 'character', 'integer', 'numeric']);
  assert.equal(got.pingtan, '7|TRUE', 'the value, and NA for an empty cell');
  assert.equal(got.evil, "'=1+1|7730.2825|2023", 'neutralised text, a decimal amount, an integer year');
  const v = vars.find((x) => x.column === 's3.new.total')!;
  assert.equal(got.label, v.en);
  assert.equal(got.label_zh, v.zh);
  assert.match(v.zh, /本年新收政府信息公开申请数量|新收/);
});

/** The Stata commands the do-file may use, each with the syntax it must follow. */
const STATA_LINE = [
  /^\* .*$/, /^version 14$/, /^compress$/, /^label language (en, rename|zh, new|en)$/,
  /^rename v(\d+) ([A-Za-z][A-Za-z0-9_]{0,31})$/, /^recast long ([A-Za-z][A-Za-z0-9_]{0,31})$/,
  /^label (?:variable ([A-Za-z][A-Za-z0-9_]{0,31})|data) `"([^`"$]*)"'$/,
  /^import delimited using "reports\.csv", clear varnames\(nonames\) rowrange\(2\) delimiters\(","\) bindquotes\(strict\) encoding\("utf-8"\) asdouble stringcols\(([\d ]+)\) numericcols\(([\d ]+)\)$/,
];

test('reports.do: every generated line is a valid Stata command; one rename per CSV column, in order', async (t) => {
  const out = await exported(t, false);
  const lines = readFileSync(join(out, 'reports.do'), 'utf8').trimEnd().split('\n');
  const columns = parseCsv(readFileSync(join(out, 'reports.csv'), 'utf8'))[0]!;
  const renamed: string[] = [];
  const labelled = { en: new Set<string>(), zh: new Set<string>() };
  let language: 'en' | 'zh' = 'en';
  let cols: number[] = [];
  for (const line of lines) {
    const m = STATA_LINE.map((re) => re.exec(line)).find(Boolean);
    assert.ok(m, `not a valid line: ${line}`);
    if (line.startsWith('rename')) {
      assert.equal(Number(m[1]), renamed.length + 1, 'renames in column order');
      renamed.push(m[2]!);
    }
    if (line === 'label language zh, new') language = 'zh';
    if (line.startsWith('label variable')) {
      assert.ok(renamed.includes(m[1]!), `label of an unknown variable ${m[1]}`);
      assert.ok([...m[2]!].length <= STATA_LABEL_MAX, `label over ${STATA_LABEL_MAX} characters: ${m[2]}`);
      labelled[language].add(m[1]!);
    }
    if (line.startsWith('import')) cols = [...m[1]!.split(' '), ...m[2]!.split(' ')].map(Number).sort((a, b) => a - b);
  }
  assert.equal(renamed.length, columns.length);
  assert.deepEqual(renamed, columns.map((c) => FIELD_BY_CODE.get(c)?.stataName ?? c));
  assert.equal(new Set(renamed).size, renamed.length, 'unique names');
  assert.deepEqual(cols, columns.map((_, i) => i + 1), 'every column typed exactly once');
  assert.equal(labelled.en.size, columns.length);
  assert.equal(labelled.zh.size, columns.length);
  assert.match(lines.find((l) => l.startsWith(`label variable ${name('s3.new.total')} `))!, /Applications: New this year, total \(applications\)/);
});
