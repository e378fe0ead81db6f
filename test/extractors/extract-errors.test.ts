import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from '../../extractors/index.ts';
import { BadDocumentError, PipelineError, UnsupportedDocumentError } from '../../src/model/errors.ts';
import { corruptPdf, encryptedPdf, fixture, zipBomb } from './helpers.ts';

async function rejectsWith(p: Promise<unknown>, type: new (...a: never[]) => PipelineError, code: string): Promise<void> {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof type, `expected ${type.name}, got ${(e as Error)?.name}: ${(e as Error)?.message}`);
    assert.equal((e as PipelineError).code, code);
    return true;
  });
}

test('a 0-byte file → input.empty', async () => {
  await rejectsWith(extract(new Uint8Array(0)), BadDocumentError, 'input.empty');
});

test('a file over the size limit → input.too_large', async () => {
  await rejectsWith(extract(Buffer.from('<html><body>x</body></html>'), {}, { maxInputBytes: 10 }), BadDocumentError, 'input.too_large');
});

test('corrupt PDF → pdf.corrupt', async () => {
  await rejectsWith(extract(corruptPdf()), BadDocumentError, 'pdf.corrupt');
});

test('truncated PDF (download cut in half) → pdf.truncated', async () => {
  const full = fixture('formats/report.pdf');
  await rejectsWith(extract(full.subarray(0, full.length >> 1)), BadDocumentError, 'pdf.truncated');
});

test('PDF encrypted with a user password → pdf.encrypted', async () => {
  await rejectsWith(extract(encryptedPdf()), BadDocumentError, 'pdf.encrypted');
});

test('zip bomb (declared 4 GiB) → zip.bomb before anything is inflated', async () => {
  await rejectsWith(extract(zipBomb(), { fileName: 'report.docx' }), BadDocumentError, 'zip.bomb');
});

test('a .docx that is not a zip (an HTML error page) → docx.not_zip', async () => {
  const page = Buffer.from('<html><body><h1>404 Not Found</h1></body></html>');
  await rejectsWith(extract(page, { fileName: 'https://x.gov.cn/files/nb2023.docx' }), BadDocumentError, 'docx.not_zip');
});

test('a .pdf URL serving HTML → pdf.not_pdf', async () => {
  await rejectsWith(extract(Buffer.from('<!DOCTYPE html><html><body>登录</body></html>'), { fileName: 'a.pdf' }), BadDocumentError, 'pdf.not_pdf');
});

test('a zip that is not a Word document → format.unknown', async () => {
  const bomb = zipBomb(10);
  const notWord = Buffer.from(bomb.toString('latin1').replaceAll('word/document.xml', 'xl/workbook.xml!'), 'latin1');
  await rejectsWith(extract(notWord), UnsupportedDocumentError, 'format.unknown');
});

test('binary garbage → format.unknown', async () => {
  await rejectsWith(extract(Buffer.from([0, 1, 2, 3, 0, 255, 254, 0, 7, 8])), UnsupportedDocumentError, 'format.unknown');
});
