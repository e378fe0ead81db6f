import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { extract } from '../../extractors/index.ts';
import { ExtractionTimeoutError, MissingToolError } from '../../src/model/errors.ts';
import { fixture } from './helpers.ts';

/** Running (a killed process left as a zombie, when nothing reaps orphans here, counts as gone). */
function alive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

test('a hanging converter is killed with its process group → convert.timeout', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-hang-'));
  try {
    const script = join(dir, 'soffice');
    const pidFile = join(dir, 'child.pid');
    // The wrapper starts a child that would outlive a plain kill of the wrapper.
    writeFileSync(script, `#!/bin/sh\nsleep 60 &\necho $! > ${pidFile}\nwait\n`);
    chmodSync(script, 0o755);
    await assert.rejects(extract(fixture('formats/report.doc'), {}, { sofficePath: script, convertTimeoutMs: 700 }), (e: unknown) => {
      assert.ok(e instanceof ExtractionTimeoutError);
      assert.equal(e.code, 'convert.timeout');
      return true;
    });
    for (let i = 0; i < 50 && !existsSync(pidFile); i++) await sleep(20);
    const pid = Number(readFileSync(pidFile, 'utf8'));
    for (let i = 0; i < 50 && alive(pid); i++) await sleep(20);
    assert.equal(alive(pid), false, 'the sleeping grandchild was killed too');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('no LibreOffice → MissingToolError naming the Debian package', async () => {
  await assert.rejects(extract(fixture('formats/report.wps'), { fileName: 'a.wps' }, { sofficePath: '/nonexistent/soffice' }), (e: unknown) => {
    assert.ok(e instanceof MissingToolError);
    assert.equal(e.code, 'tool.missing.libreoffice');
    assert.match(e.message, /libreoffice-writer-nogui/);
    return true;
  });
});

test('no tesseract → MissingToolError for a scanned PDF', async () => {
  await assert.rejects(extract(fixture('formats/report-scan.pdf'), {}, { tesseractPath: '/nonexistent/tesseract' }), (e: unknown) => {
    assert.ok(e instanceof MissingToolError);
    assert.equal(e.code, 'tool.missing.tesseract');
    return true;
  });
});

test('OCR off: a scanned PDF → pdf.no_text_layer', async () => {
  await assert.rejects(extract(fixture('formats/report-scan.pdf'), {}, { ocr: 'never' }), { code: 'pdf.no_text_layer' });
});
