/** The printed bench report: one aligned table per section, then the aims (pure). */
import { runDocsPerSec } from './aggregate.ts';
import type { BenchResults } from './results.ts';
import { probeTable } from './sections/probe.ts';
import { registryTable } from './sections/registry.ts';
import { nationalLimit } from './sections/national.ts';
import { median } from './stats.ts';
import { fmtMiB, fmtNum, fmtRatio, formatTable, section } from './table.ts';

const R = 'right' as const;
const secs = (ms: number | null) => fmtNum(ms == null ? null : ms / 1000);

function machineLine(r: BenchResults): string {
  const m = r.machine;
  return `machine: ${m.cpuModel}, ${m.cores} cores, ${fmtMiB(m.memoryBytes)} RAM, ${m.os}, Node ${m.node}; ` +
    `load average ${m.loadAverage.join(' ')} at start, ${r.loadAverageEnd.join(' ')} at end${r.quick ? ' (--quick: small sizes)' : ''}\n`;
}

function parseTable(r: NonNullable<BenchResults['parse']>): string {
  return section(`parse (parser ${r.parserVersion}; document models in memory, one thread, median of the timed passes; reference: JSON.parse of the same models after each pass)`, formatTable(
    ['format', 'reports', 'reports/s CPU', 'reports/s wall', 'ms/report median', 'p95', 'JSON.parse /s CPU', 'parse ÷ JSON.parse'],
    r.formats.map((x) => [x.format, String(x.documents), fmtNum(x.perSecCpu), fmtNum(x.perSecWall), fmtNum(x.msPerReport.median), fmtNum(x.msPerReport.p95), fmtNum(x.jsonPerSecCpu), fmtRatio(x.jsonRatio)]),
    ['left', R, R, R, R, R, R, R],
  ));
}

function extractTables(e: NonNullable<BenchResults['extract']>): string {
  const main = section('extraction per format (ms per document, extract() then parseReport; own process per format)', formatTable(
    ['format', 'files', 'pages', 'ms/doc median', 'p95', 'ms/page median', 'p95', '+parse median', 'peak RSS node', 'peak RSS tree'],
    e.formats.map((x) => [
      x.format, String(x.files), x.pages ? String(x.pages) : '—', fmtNum(x.extractMs.median), fmtNum(x.extractMs.p95),
      fmtNum(x.extractMsPerPage?.median), fmtNum(x.extractMsPerPage?.p95), fmtNum(x.extractParseMs.median), fmtMiB(x.maxRss), fmtMiB(x.peakTreeRss),
    ]),
    ['left', R, R, R, R, R, R, R, R, R],
  ));
  const rows: string[][] = [];
  for (const [name, c] of [['text PDF (generated) vs pdftotext -layout', e.pdf], ['text PDF (real) vs pdftotext -layout', e.pdfReal]] as const) {
    if (c) rows.push([`${name}${c.interleaved ? ' (side by side)' : ''}`, String(c.files), fmtNum(c.oursMs / Math.max(1, c.files)), fmtNum(c.referenceMs / Math.max(1, c.files)), fmtRatio(c.ratio), fmtRatio(c.medianFileRatio)]);
    if (c?.mutoolMs != null) rows.push([`  of which mutool's dump alone`, String(c.files), fmtNum(c.mutoolMs / Math.max(1, c.files)), fmtNum(c.referenceMs / Math.max(1, c.files)), fmtRatio(c.mutoolMs / Math.max(1, c.referenceMs)), '']);
  }
  if (e.ocr) {
    rows.push(['scanned PDF per page vs tesseract', `${e.ocr.pages} p`, fmtNum(e.ocr.oursMsPerPage), fmtNum(e.ocr.tesseractMsPerPage), fmtRatio(e.ocr.ratio), '']);
    rows.push(['scanned PDF per page vs pdftoppm + tesseract', `${e.ocr.pages} p`, fmtNum(e.ocr.oursMsPerPage), fmtNum((e.ocr.tesseractMsPerPage ?? NaN) + (e.ocr.rasterMsPerPage ?? NaN)), fmtRatio(e.ocr.ratioWithRaster), '']);
  }
  if (e.soffice) {
    const ratio = e.soffice.freshMsMedian != null && e.soffice.reusedMsMedian ? e.soffice.freshMsMedian / e.soffice.reusedMsMedian : null;
    rows.push(['DOC: fresh LibreOffice profile vs reused', String(e.soffice.files), fmtNum(e.soffice.freshMsMedian), fmtNum(e.soffice.reusedMsMedian), fmtRatio(ratio), '']);
  }
  const refs = rows.length
    ? section('against reference tools (ms per document or page; ours = extract + parse)', formatTable(['comparison', 'n', 'ours ms', 'reference ms', 'ratio', 'median per file'], rows, ['left', R, R, R, R, R]))
    : '';
  return main + (refs ? `\n${refs}` : '');
}

function crawlTable(c: NonNullable<BenchResults['crawl']>): string {
  return section(`crawl (fixture site in its own process, politeness off, sites ${c.raw.sites.join(' ')}; median of ${c.raw.repeats.length} fresh crawls)`, formatTable(
    ['requests', 'requests/s wall', 'crawler CPU ms/request', 'requests/s CPU-bound', 'fetch ms median', 'fetch ms max'],
    [[String(c.requests), fmtNum(c.wallPerSec), fmtNum(c.cpuMsPerRequest), fmtNum(c.cpuBoundPerSec), fmtNum(c.fetchMsMedian), fmtNum(c.fetchMsMax)]],
    [R, R, R, R, R, R],
  )) + (c.raw.profile ? `where the crawler's time goes (CPU profile of one more crawl, self time; idle = waiting):\n${formatTable(['ms', 'share', 'function'],
    c.raw.profile.self.filter((p) => p.name !== 'dispatch').slice(0, 12).map((p) => [fmtNum(p.ms), `${(p.share * 100).toFixed(1)}%`, p.name]), [R, R, 'left'])}\n` : '');
}

function startupTable(s: NonNullable<BenchResults['startup']>): string {
  const med = (xs: number[]) => median(xs);
  const row = (what: string, ts: { wallMs: number; cpuMs: number; maxRssKiB?: number }[]) => [what, String(ts.length), fmtNum(med(ts.map((t) => t.wallMs))), fmtNum(med(ts.map((t) => t.cpuMs))),
    ts.some((t) => t.maxRssKiB) ? fmtMiB(Math.max(...ts.map((t) => (t.maxRssKiB ?? 0) * 1024))) : '—'];
  const rows = [row('nianbao --help', s.help), row(`nianbao parse ${s.file ?? ''}`, s.parseCli), row(`  the same in-process (warm)`, s.parseInProcess)];
  if (s.batch?.cli) rows.push(row(`nianbao parse, ${s.batch.parses} real PDFs in one call`, [s.batch.cli]));
  if (s.batch?.pdftotext) rows.push(row(`pdftotext -layout on the same ${s.batch.parses}`, [s.batch.pdftotext]));
  return section(`start-up, as a user runs it (GNU time: CPU of the process and its children; ${s.bundleStale === null ? 'the dist/ bundle ran' : `the TypeScript ran: ${s.bundleStale}`})`,
    formatTable(['command', 'runs', 'wall ms median', 'CPU ms median', 'peak RSS'], rows, ['left', R, R, R, R]));
}

function nationalTable(n: NonNullable<BenchResults['national']>): string {
  const v = n.revisit;
  const rows = [['first crawl (politeness off)', n.seed], ['nightly revisit', v]].map(([k, c]) => {
    const x = c as typeof v;
    return [k as string, x.requests.toLocaleString('en-US'), Object.entries(x.statuses).map(([st, m]) => `${st}: ${m}`).join(' '), fmtNum(x.wallMs / 1000), fmtNum(x.requests / (x.wallMs / 1000)),
      fmtNum(x.cpuMs / 1000), fmtNum(x.requests ? x.cpuMs / x.requests : null), String(x.newDocuments + x.changedDocuments), String(x.errors)];
  });
  const main = section(`national night: ${n.portals.toLocaleString('en-US')} portals on loopback addresses (${n.listPages.toLocaleString('en-US')} list pages, ${n.reports.toLocaleString('en-US')} reports), one server process; revisit at ${n.rps} request/s per host, ${n.concurrency} in flight`, formatTable(
    ['crawl', 'requests', 'statuses', 'wall s', 'requests/s', 'crawler CPU s', 'CPU ms/request', 'new or changed', 'errors'], rows, ['left', R, 'left', R, R, R, R, R, R],
  ));
  const rss = v.rssMiB;
  const mem = `revisit memory (RSS, MiB, every ${Math.max(1, Math.round(rss.length / 12))} s): ${rss.filter((_, i) => i % Math.max(1, Math.round(rss.length / 12)) === 0 || i === rss.length - 1).join(' ')}; heap ${v.heapUsedMiB} MiB at the end; the portal server used ${fmtNum(v.serverCpuMs / 1000)} s of CPU for ${v.serverRequests.toLocaleString('en-US')} requests\nlimited by: ${nationalLimit(n)}`;
  // 'dispatch' (no file) is the inspector answering Profiler.stop, not the crawler.
  const prof = v.profile ? `\nwhere the crawler's time goes in the revisit (CPU profile, self time, of ${fmtNum(v.profile.totalMs / 1000)} s sampled; idle = waiting):\n` +
    formatTable(['ms', 'share', 'function'], v.profile.self.filter((p) => p.name !== 'dispatch').slice(0, 12).map((p) => [fmtNum(p.ms), `${(p.share * 100).toFixed(1)}%`, p.name]), [R, R, 'left']) : '';
  return `${main}\n${mem}${prof}\n`;
}

function frontierTable(f: NonNullable<BenchResults['frontier']>): string {
  return section(`frontier growth (Frontier.add in 10,000-URL transactions, temp database${f.gcExposed ? ', RSS after a forced GC' : ''})`, formatTable(
    ['URLs', 'RSS', 'heap used', 'db + WAL', 'adds/s', 'claim ms', 'pending count ms'],
    f.points.map((p) => [p.urls.toLocaleString('en-US'), fmtMiB(p.rss), fmtMiB(p.heapUsed), fmtMiB(p.dbBytes), fmtNum(p.addPerSec), fmtNum(p.claimMs), fmtNum(p.pendingCountMs)]),
    [R, R, R, R, R, R, R],
  ));
}

function e2eTables(e: NonNullable<BenchResults['e2e']>): string {
  const full = e.full;
  const stages = Object.entries(full.stageMs).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`).join(', ');
  const a = section(`end to end: nianbao run --workers ${full.workers} on the fixture site (${e.reportsOnSite} reports published)`, formatTable(
    ['documents', 'extracted', 'failed', 'parsed', 'wall s', 'documents/s', 'stages'],
    [[String(full.documents), String(full.extracted), String(full.extractFailed), String(full.parsed), fmtNum(full.wallMs / 1000), fmtNum(runDocsPerSec(full)), stages]],
    [R, R, R, R, R, R, 'left'],
  ));
  const b = e.scaling.map((t) => section(`extraction scaling, ${t.name} (nianbao run --no-crawl --no-export on copies of one data folder; fastest of ${t.rows[0]?.runs ?? 0} run(s) per count)`, formatTable(
    ['workers', 'documents', 'extract stage s', 'documents/s', 'speedup', 'work s', 'longest doc s', 'best possible s', 'our cores', 'other load cores'],
    t.rows.map((s) => [String(s.workers), String(s.documents), fmtNum(s.extractMs / 1000), fmtNum(s.docsPerSec), fmtRatio(s.speedup),
      secs(s.workMs), secs(s.longestMs), secs(s.boundMs), fmtNum(s.ourCores), fmtNum(s.otherCores)]),
    [R, R, R, R, R, R, R, R, R, R],
  ))).join('\n');
  return `${a}\n${b}`;
}

function queueTable(q: NonNullable<BenchResults['queue']>): string {
  const pct = (v: number | null) => (v == null ? '—' : `${v >= 0 ? '+' : ''}${(v * 100).toFixed(1)} %`);
  return section(`distributed mode: nianbao run --queue with N nianbao worker processes (one extraction process each) against --workers N, ${q.documents} documents (fastest of ${q.rows[0]?.runs ?? 0} run(s) per mode and count)`, formatTable(
    ['workers', 'local extract s', 'queue extract s', 'overhead', 'local docs/s', 'queue docs/s', 'local run s', 'queue run s', 'run overhead',
      'idle slot ms/doc local', 'queue', 'slot overhead', 'coordinator CPU ms/doc'],
    q.rows.map((x) => [String(x.workers), fmtNum(x.localExtractMs / 1000), fmtNum(x.queueExtractMs / 1000), pct(x.extractOverhead),
      fmtNum(x.localDocsPerSec), fmtNum(x.queueDocsPerSec), fmtNum(x.localRunMs / 1000), fmtNum(x.queueRunMs / 1000), pct(x.runOverhead),
      fmtNum(x.localIdleMsPerDoc), fmtNum(x.queueIdleMsPerDoc), pct(x.slotOverhead), fmtNum(x.coordinatorCpuMsPerDoc)]),
    [R, R, R, R, R, R, R, R, R, R, R, R, R],
  ));
}

function aimsTable(r: BenchResults): string {
  return section('aims', formatTable(
    ['aim', 'measured', 'verdict', 'where the time goes'],
    r.aims.map((a) => [a.aim, a.measured, a.met === null ? 'n/a' : a.met ? 'met' : 'MISSED', a.note ?? '']),
  ));
}

export function formatReport(r: BenchResults): string {
  const parts = [machineLine(r)];
  if (r.parse) parts.push(parseTable(r.parse));
  if (r.extract) parts.push(extractTables(r.extract));
  if (r.startup) parts.push(startupTable(r.startup));
  if (r.crawl) parts.push(crawlTable(r.crawl));
  if (r.national) parts.push(nationalTable(r.national));
  if (r.frontier) parts.push(frontierTable(r.frontier));
  if (r.e2e) parts.push(e2eTables(r.e2e));
  if (r.registry) parts.push(registryTable(r.registry));
  if (r.probe) parts.push(probeTable(r.probe));
  if (r.queue) parts.push(queueTable(r.queue));
  const times = Object.entries(r.sectionTimes);
  if (times.length) {
    parts.push(section('sections (machine busy = cores kept busy by everything on the machine, this bench included)', formatTable(
      ['section', 'wall s', 'machine busy cores'],
      times.map(([k, v]) => [k, fmtNum(v.wallMs / 1000), fmtNum(v.machineBusyCores)]),
      ['left', R, R],
    )));
  }
  if (r.aims.length) parts.push(aimsTable(r));
  if (r.errors.length) parts.push(section('errors', r.errors.map((e) => `${e.section}: ${e.message}`).join('\n')));
  return parts.join('\n');
}
