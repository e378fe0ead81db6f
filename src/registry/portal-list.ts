/**
 * Reads a portal list (CSV): a name path (`path`: 省/市/县) or `province`/`prefecture`/`county` columns, a
 * `url`, optionally a `name`; every other column is kept as the list's own provenance (the shared list's
 * access_method, final_url, checked_at). Lines that cannot be read are returned as errors with their number.
 */
import { ConfigError } from '../model/errors.ts';
import { readCsv, type CsvLineError } from './csv-lines.ts';

export interface PortalListRow {
  line: number;
  /** Names from the province down (`['浙江省', '舟山市', '普陀区']`). */
  names: string[];
  name: string;
  url: string;
  /** The list's other columns, by header name (empty cells left out). */
  meta: Record<string, string>;
}

export interface PortalList {
  rows: PortalListRow[];
  errors: CsvLineError[];
  /** Header names the list uses for the path, the URL and the name. */
  columns: { path: string[]; url: string; name: string | null };
}

const ALIASES: Record<string, string[]> = {
  path: ['path', 'name_path', '路径'],
  province: ['province', '省', '省份'],
  prefecture: ['prefecture', 'city', '市', '地市'],
  county: ['county', '县', '区县'],
  name: ['name', '名称', 'unit'],
  url: ['url', 'entry_url', 'website', 'homepage', 'portal', '网址'],
};

function find(header: string[], key: string): number {
  return header.findIndex((h) => ALIASES[key].includes(h));
}

export function readPortalList(text: string, file: string): PortalList {
  const { records, errors } = readCsv(text, true);
  const [head, ...body] = records;
  if (!head) throw new ConfigError('registry.empty_list', `${file}: no header and no rows`);
  const header = head.cells.map((h) => h.trim().toLowerCase());
  const at = {
    path: find(header, 'path'), province: find(header, 'province'), prefecture: find(header, 'prefecture'),
    county: find(header, 'county'), name: find(header, 'name'), url: find(header, 'url'),
  };
  if (at.url < 0) throw new ConfigError('registry.bad_list', `${file}: no URL column (one of ${ALIASES.url.join(', ')})`);
  if (at.path < 0 && at.province < 0) {
    throw new ConfigError('registry.bad_list', `${file}: no place names: a path column (省/市/县) or province, prefecture, county columns`);
  }
  const used = new Set(Object.values(at).filter((i) => i >= 0));
  const rows: PortalListRow[] = [];
  for (const { line, cells } of body) {
    if (cells.length !== header.length) {
      errors.push({ line, message: `${cells.length} fields where the header has ${header.length} (an unquoted comma?)`, text: cells.join(',') });
      continue;
    }
    const cell = (i: number): string => (i >= 0 ? cells[i].trim() : '');
    const names = at.path >= 0 && cell(at.path)
      ? cell(at.path).split('/').map((s) => s.trim()).filter(Boolean)
      : [cell(at.province), cell(at.prefecture), cell(at.county)].filter(Boolean);
    const meta: Record<string, string> = {};
    header.forEach((h, i) => {
      if (!used.has(i) && cell(i) !== '') meta[h] = cell(i);
    });
    rows.push({ line, names, name: cell(at.name) || names[names.length - 1] || '', url: cell(at.url), meta });
  }
  errors.sort((a, b) => a.line - b.line);
  return {
    rows, errors,
    columns: { path: at.path >= 0 ? [header[at.path]] : [at.province, at.prefecture, at.county].filter((i) => i >= 0).map((i) => header[i]), url: header[at.url], name: at.name >= 0 ? header[at.name] : null },
  };
}
