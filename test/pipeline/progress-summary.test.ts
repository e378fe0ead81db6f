import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { createProgress } from '../../src/pipeline/progress.ts';
import { formatSummary, type RunSummary } from '../../src/pipeline/summary.ts';

test('json progress writes one JSON line per event', () => {
  const out = new PassThrough();
  let text = '';
  out.on('data', (d: Buffer) => (text += d.toString('utf8')));
  const p = createProgress('json', out);
  p.stageStart('extract', 2);
  p.stageTick('extract', { sha256: 'a' });
  p.stageTick('extract', { failed: true, sha256: 'b', code: 'pdf.encrypted' });
  p.stageEnd('extract', { ok: 1, failed: 1 });
  p.close();
  const events = text.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  assert.deepEqual(events.map((e) => [e.event, e.level]), [
    ['stage.start', 'info'], ['extract.item', 'info'], ['extract.item', 'warning'], ['stage.end', 'info'],
  ]);
  assert.equal(events[2]!.code, 'pdf.encrypted');
  assert.equal(events[2]!.done, 2);
});

test('the summary says when there was nothing to extract or parse', () => {
  const s: RunSummary = {
    runId: 'r', command: 'run', status: 'ok', exitCode: 0, startedAt: '', endedAt: '',
    versions: { extractor: 'e1', parser: 'p1', resolver: null },
    extract: { pending: 0, ok: 0, failed: 0, notStarted: 0, failedByReason: {}, ms: 0, crashStreak: 0 },
    parse: {
      pending: 0, parsed: 0, created: 0, reparsed: 0, changed: 0, byStatus: { ok: 0, flagged: 0, partial: 0, text_only: 0, failed: 0, not_report: 0 },
      parseErrors: 0, failedByReason: {}, flaggedCells: 0, missingModels: 0, notStarted: 0, ms: 0,
    },
    stageMs: { extract: 10, parse: 5 }, failedByReason: {},
    store: {
      documents: 6, contents: 5, extracted: { ok: 5, failed: 0 }, pendingExtract: 0, pendingParse: 0,
      reports: { ok: 4, flagged: 1, partial: 0, text_only: 0, failed: 0, not_report: 0 }, staleReports: 0, latestReports: 5, flaggedCells: 2,
    },
  };
  const text = formatSummary(s);
  assert.match(text, /nothing to extract: all 5 contents already extracted with extractor e1/);
  assert.match(text, /nothing to parse: all 5 reports are current with parser p1/);
  assert.match(text, /6 documents \(5 distinct\), 5 reports: ok 4, flagged 1/);
});
