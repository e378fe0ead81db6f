// Run by `mutool run extractors/mupdf-dump.js FILE MAXPAGES` (MuPDF's own JavaScript, not Node): prints one JSON
// line with the document's Title, then one JSON line per page (top-left origin, y down, as pdf.js's viewport at
// scale 1: MuPDF's page space) with its size, every glyph (trm, unicode, advance, writing mode and, for vertical
// writing, the horizontal advance), every painted path (stroke or fill, RGB colour, points) and whether anything
// else (an image, a shading) is painted. Read by extractors/pdf-mupdf.ts.
var doc = new Document(scriptArgs[0]);
var total = doc.countPages();
var n = Math.min(total, Number(scriptArgs[1]) || total);
print(JSON.stringify({ title: doc.getMetaData('info:Title') || '', pages: total }));

function rgb(cs, color) {
  var k = cs ? cs.getNumberOfComponents() : 0;
  if (k === 1) return [color[0], color[0], color[0]];
  if (k === 3) return [color[0], color[1], color[2]];
  if (k === 4) return [(1 - color[0]) * (1 - color[3]), (1 - color[1]) * (1 - color[3]), (1 - color[2]) * (1 - color[3])];
  return null;
}

function points(path, ctm) {
  var out = [];
  path.walk({
    moveTo: function (x, y) { out.push('m', ctm[0] * x + ctm[2] * y + ctm[4], ctm[1] * x + ctm[3] * y + ctm[5]); },
    lineTo: function (x, y) { out.push('l', ctm[0] * x + ctm[2] * y + ctm[4], ctm[1] * x + ctm[3] * y + ctm[5]); },
    curveTo: function () { out.push('c'); },
    closePath: function () { out.push('h'); },
  });
  return out;
}

for (var i = 0; i < n; i++) {
  var page = doc.loadPage(i);
  var b = page.bound();
  var glyphs = [];
  var paths = [];
  var ink = false;
  page.run({
    fillText: function (text, m) {
      text.walk({
        showGlyph: function (font, t, glyph, unicode, wmode) {
          // The glyph's matrix is in the text's space: times the device matrix, it is in page space.
          glyphs.push([font.getName(), t[0] * m[0] + t[1] * m[2], t[0] * m[1] + t[1] * m[3], t[2] * m[0] + t[3] * m[2], t[2] * m[1] + t[3] * m[3],
            t[4] * m[0] + t[5] * m[2] + m[4], t[4] * m[1] + t[5] * m[3] + m[5], unicode, font.advanceGlyph(glyph, wmode), wmode,
            wmode ? font.advanceGlyph(glyph, 0) : 0]);
        },
      });
    },
    fillPath: function (path, evenOdd, ctm, cs, color) { ink = true; paths.push(['f', rgb(cs, color), points(path, ctm)]); },
    strokePath: function (path, stroke, ctm, cs, color) { ink = true; paths.push(['s', rgb(cs, color), points(path, ctm)]); },
    fillShade: function () { ink = true; },
    fillImage: function () { ink = true; },
    fillImageMask: function () { ink = true; },
  }, Identity);
  print(JSON.stringify({ page: i + 1, x0: b[0], y0: b[1], x1: b[2], y1: b[3], glyphs: glyphs, paths: paths, ink: ink }));
}
