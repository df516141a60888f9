/**
 * Print export without a browser: presets and sizes, the command line's refusals, the print
 * SVG (vector only, typography, scale bar measured against the map itself), PNG pHYs and the
 * palette-CMYK rewrite of PDF content streams.
 */
import { describe, expect, it } from 'vitest';
import { loadSiteData } from '../../src/data/load.ts';
import { columnsWidthMm, PrintRequestError, resolvePrintSize } from '../../src/print/print-layout.ts';
import { renderPrintSvg } from '../../src/print/print-svg.ts';
import { crc32, pngSize, readChunks, readPhys, withPhys } from '../../src/render/png-phys.ts';
import { wrapText, textWidth } from '../../src/render/text-wrap.ts';
import { compileView } from '../../src/views/compile.ts';
import { ALL_SWATCHES, PALETTE, RAMPS } from '../../src/views/palette.ts';
import { allViewKeys } from '../../src/views/view-keys.ts';
import { mapReviewLine, withMapReview } from '../../src/views/map-review.ts';
import { parseArgs } from '../../scripts/print/args.ts';
import { cmykContent, cmykContentWithOverprint } from '../../scripts/print/pdf-cmyk.ts';
import { densestInk, describeInk } from '../../scripts/print/ink.ts';
import { MAP_REVIEW, PRINT_PRESETS, PRINT_PRESETS_FILE } from '../../src/config/settings.ts';
import { checkValue } from '../../src/schema/check.ts';
import { PrintPresets } from '../../src/schema/print-presets.ts';

const presets = PRINT_PRESETS;
const data = loadSiteData();
const print = (key: string, preset = '4col', lang: 'zh' | 'en' = 'zh') => {
  const k = allViewKeys().find((x) => x.key === key)!;
  const size = resolvePrintSize(presets, { preset });
  const view = compileView(k.view, data.compileInput, lang, k.state);
  return {
    size,
    view,
    ...renderPrintSvg(view, data.geo, size, { typography: presets.typography, credit: presets.credit[lang], date: '2026-11-29' }),
  };
};
const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(PrintRequestError);
    return (e as Error).message;
  }
  throw new Error('expected a refusal');
};

describe('print presets: the broadsheet grid', () => {
  it('n columns are n·column + (n − 1)·gutter of a 350 mm, 8-column, 4 mm-gutter type area', () => {
    expect(presets.page).toMatchObject({ typeAreaWidthMm: 350, columns: 8, gutterMm: 4 });
    expect(columnsWidthMm(presets.page, 1)).toBe(40.25);
    expect(columnsWidthMm(presets.page, 4)).toBe(173);
    expect(columnsWidthMm(presets.page, 8)).toBe(350);
    expect(resolvePrintSize(presets, { preset: 'full' }).widthMm).toBe(350);
  });

  it('PNG width is round(mm / 25.4 × dpi); 300 dpi by default, 200 for proofs, 600 for line art', () => {
    const s = resolvePrintSize(presets, { preset: '4col' });
    expect(s).toMatchObject({ widthMm: 173, heightMm: 230.67, dpi: 300, widthPx: 2043, heightPx: 2724 });
    expect(resolvePrintSize(presets, { preset: 'proof' }).dpi).toBe(200);
    expect(resolvePrintSize(presets, { preset: 'line-art' })).toMatchObject({ dpi: 600, widthPx: Math.round((173 / 25.4) * 600) });
    expect(resolvePrintSize(presets, { preset: 'custom', widthMm: 100 })).toMatchObject({ widthMm: 100, heightMm: 133.33, widthPx: 1181 });
  });

  it('refuses what the page cannot hold, saying what is allowed', () => {
    expect(refusal(() => resolvePrintSize(presets, { preset: 'tabloid' }))).toMatch(
      /unknown preset "tabloid" \(allowed: 2col, 3col, .*custom\)/,
    );
    expect(refusal(() => resolvePrintSize(presets, { preset: 'custom', widthMm: 400 }))).toMatch(
      /wider than the page's type area .*allowed 40\.25–350 mm/,
    );
    expect(refusal(() => resolvePrintSize(presets, { preset: 'custom' }))).toMatch(/needs --width-mm N \(allowed: 40\.25–350 mm\)/);
    expect(refusal(() => resolvePrintSize(presets, { preset: '4col', widthMm: 100 }))).toMatch(
      /--width-mm goes with a custom preset \(custom\)/,
    );
    expect(refusal(() => resolvePrintSize(presets, { preset: '4col', dpi: 1200 }))).toMatch(
      /dpi 1200 is out of range: allowed whole numbers 72–600/,
    );
    expect(refusal(() => resolvePrintSize(presets, { preset: '4col', heightMm: 600 }))).toMatch(
      /taller than the page's type area: allowed 40\.25–490 mm/,
    );
  });
});

describe('export command line', () => {
  it('--view takes a view (all its states), a view-state key or all', () => {
    expect(parseArgs(['--view', 'incidence', '--preset', '4col']).keys.map((k) => k.key)).toEqual(['incidence-before', 'incidence-after']);
    expect(parseArgs(['--view', 'incidence-after', '--preset', '4col']).keys.map((k) => k.key)).toEqual(['incidence-after']);
    expect(parseArgs(['--view', 'all', '--preset', '4col']).keys).toHaveLength(allViewKeys().length);
    expect(parseArgs(['--view=pv', '--width-mm=120', '--format', 'png,svg'])).toMatchObject({
      preset: 'custom',
      widthMm: 120,
      formats: ['svg', 'png'],
      lang: 'zh',
    });
  });

  it('refuses bad requests with what is allowed', () => {
    expect(refusal(() => parseArgs(['--view', 'nowhere', '--preset', '4col']))).toMatch(
      /unknown view "nowhere" \(allowed: all, overview, incidence, .*incidence-before/,
    );
    expect(refusal(() => parseArgs(['--view', 'pv', '--preset', '4col', '--format', 'tiff']))).toMatch(
      /unknown format "tiff" \(allowed: svg, pdf, png\)/,
    );
    expect(refusal(() => parseArgs(['--view', 'pv', '--preset', '4col', '--lang', 'fr']))).toMatch(/--lang must be zh or en/);
    expect(refusal(() => parseArgs(['--view', 'pv', '--preset', '4col', '--format', 'png', '--cmyk']))).toMatch(
      /--cmyk makes the PDF CMYK: add pdf/,
    );
    expect(refusal(() => parseArgs(['--view', 'pv', '--preset', '4col', '--colour']))).toMatch(
      /unknown option "--colour" \(allowed: --view/,
    );
    expect(refusal(() => parseArgs(['--preset', '4col']))).toMatch(/--view is required/);
  });
});

describe('print SVG', () => {
  it('is sized in mm with a viewBox in pt, names its packaged font and references nothing outside itself', () => {
    const { svg, size } = print('pv');
    expect(svg).toMatch(
      new RegExp(`^<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 490.394 653.868" width="173mm" height="230.67mm"`),
    );
    expect(size.widthPt).toBeCloseTo(490.394, 3);
    expect(svg).toContain('font-family="&quot;Noto Sans SC&quot;');
    const rest = svg.replace('xmlns="http://www.w3.org/2000/svg"', '');
    expect(rest).not.toMatch(/https?:|href=|<image|<foreignObject|url\((?!#)|@import|<pattern/);
    for (const id of [
      'background',
      'map',
      'neighbours',
      'counties',
      'yellow-river',
      'symbols',
      'labels',
      'scale-bar',
      'north-arrow',
      'title',
      'legend',
      'source',
    ])
      expect(svg).toContain(`id="${id}"`);
  });

  it('prints type at 8 pt or more in 100 % black, and no line thinner than 0.25 pt', () => {
    for (const [key, lang] of [
      ['pv', 'en'],
      ['incidence-before', 'zh'],
      ['relocation', 'zh'],
    ] as const) {
      const { svg } = print(key, '2col', lang);
      const sizes = [...svg.matchAll(/font-size="([\d.]+)"/g)].map((m) => Number(m[1]));
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(presets.typography.minPt);
      expect(presets.typography.minPt).toBeGreaterThanOrEqual(7);
      const strokes = [...svg.matchAll(/stroke-width="([\d.]+)"/g)].map((m) => Number(m[1]));
      expect(Math.min(...strokes)).toBeGreaterThanOrEqual(0.25);
      for (const t of svg.matchAll(/<text\b[^>]*>/g)) expect(t[0]).not.toMatch(/fill="(?!#000000)|stroke=/);
      for (const g of svg.matchAll(/<g id="(labels|legend|scale-bar|north-arrow)"[^>]*>/g)) expect(g[0]).toContain('fill="#000000"');
      for (const t of svg.matchAll(/<g id="(?:title|source)">(.*?)<\/g>/gs))
        for (const el of t[1]!.matchAll(/<text\b[^>]*>/g)) expect(el[0]).toContain('fill="#000000"');
      expect(svg).not.toMatch(/fill-opacity="0\.\d|opacity="0\./);
    }
  });

  it('draws its scale bar within 1 % of the true ground distance, measured on the map itself', () => {
    for (const [key, preset] of [
      ['overview', '4col'],
      ['lanxian', '2col'],
      ['forest-after', 'full'],
    ] as const) {
      const { svg, scale } = print(key, preset);
      // The map's own scale: the counties' outlines span their westmost to their eastmost
      // vertex, and Mercator's x is k·λ.
      const xs = [...svg.matchAll(/<path id="county-\d+"[^>]* d="([^"]+)"/g)].flatMap((m) =>
        [...m[1]!.matchAll(/[ML](-?[\d.]+)[ ,](-?[\d.]+)/g)].map((p) => Number(p[1])),
      );
      const lons = data.geo.counties.features.flatMap((f) =>
        (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates).flat(2).map((c) => c[0]!),
      );
      const k = (Math.max(...xs) - Math.min(...xs)) / (((Math.max(...lons) - Math.min(...lons)) * Math.PI) / 180); // pt per radian of longitude
      // True ground length of one radian of longitude at the bar's latitude, on the WGS 84 ellipsoid.
      const a = 6378.137;
      const e2 = 0.00669437999014;
      const phi = (scale.lat * Math.PI) / 180;
      const kmPerRadian = (a * Math.cos(phi)) / Math.sqrt(1 - e2 * Math.sin(phi) ** 2);
      const bar = /<g id="scale-bar" data-km="(\d+)" data-length-pt="([\d.]+)"/.exec(svg)!;
      const [segA, segB] = [
        ...svg.matchAll(/<rect x="[\d.]+" y="[\d.]+" width="([\d.]+)" height="[\d.]+" fill="#(?:000000|ffffff)" stroke="#000000"/g),
      ].map((m) => Number(m[1]));
      const drawnPt = segA! + segB!;
      expect(drawnPt).toBeCloseTo(Number(bar[2]), 1);
      const groundKm = (drawnPt / k) * kmPerRadian;
      expect(Math.abs(groundKm / Number(bar[1]) - 1)).toBeLessThan(0.01);
      expect(drawnPt).toBeGreaterThan(0.1 * Number(svg.match(/viewBox="0 0 ([\d.]+)/)![1]));
    }
  });

  it('is the same bytes every time, and leaves the page renderer as it was', () => {
    expect(print('relocation', '3col', 'en').svg).toBe(print('relocation', '3col', 'en').svg);
    expect(print('pv').svg).not.toContain('paint-order'); // stroked text would print as Type 3 outlines
    expect(print('incidence-before').svg).toContain('id="hatching"'); // hatching as lines, not a rasterised pattern
  });

  it('refuses a size whose legend would crowd out the map', () => {
    const k = allViewKeys().find((x) => x.key === 'pv')!;
    const view = compileView(k.view, data.compileInput, 'en', undefined);
    const size = resolvePrintSize(presets, { preset: 'custom', widthMm: 45, heightMm: 60 });
    expect(refusal(() => renderPrintSvg(view, data.geo, size, { typography: presets.typography, credit: 'c', date: 'd' }))).toMatch(
      /pv: at 45 × 60 mm the title and legend leave the map \d+ % of the height .*choose a wider or taller preset/,
    );
  });
});

describe('text wrapping for narrow columns', () => {
  it('breaks Chinese anywhere but before closing punctuation, English at spaces', () => {
    const zh = wrapText('每个圆点代表一个安置点，在县内示意排布，不是实际位置', 60, 10);
    expect(zh.length).toBeGreaterThan(1);
    for (const l of zh) expect(l).not.toMatch(/^[，。]/);
    expect(zh.join('')).toBe('每个圆点代表一个安置点，在县内示意排布，不是实际位置');
    const en = wrapText('Symbols sit mid-county: they show the county only', 100, 10);
    for (const l of en) expect(textWidth(l, 10)).toBeLessThanOrEqual(100);
    expect(en.join(' ')).toBe('Symbols sit mid-county: they show the county only');
  });
});

describe('PNG resolution chunk', () => {
  // A 1 × 1 white PNG.
  const tiny = Uint8Array.from(
    Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC', 'base64'),
  );

  it('writes pHYs = 11811 px/m at 300 dpi right after IHDR, with a valid CRC, replacing an old one', () => {
    const png = withPhys(withPhys(tiny, 72), 300);
    expect(readChunks(png).map((c) => c.type)).toEqual(['IHDR', 'pHYs', 'IDAT', 'IEND']);
    expect(readPhys(png)).toEqual({ x: 11811, y: 11811, unit: 1 });
    const phys = readChunks(png)[1]!;
    const crc = new DataView(png.buffer, png.byteOffset + phys.offset + 8 + phys.data.length, 4).getUint32(0);
    expect(crc).toBe(crc32(png.subarray(phys.offset + 4, phys.offset + 8 + phys.data.length)));
    expect(pngSize(png)).toEqual({ width: 1, height: 1 });
    expect(readPhys(withPhys(tiny, 600))!.x).toBe(23622);
  });
});

describe('palette CMYK', () => {
  it('every swatch keeps total ink within the press limit (220 % for coldset newsprint), and text black is K only', () => {
    expect(presets.press.maxInkPercent).toBe(220);
    const limits = [presets.press.maxInkPercent, ...Object.values(presets.presets).map((p) => p.press?.maxInkPercent ?? Infinity)];
    for (const s of ALL_SWATCHES)
      expect(
        s.cmyk.reduce((a, b) => a + b, 0),
        s.hex,
      ).toBeLessThanOrEqual(Math.min(...limits));
    expect(PALETTE.ink.cmyk).toEqual([0, 0, 0, 100]);
  });

  it('every mix the map prints stays within the limit: fills under hatching, symbols and site dots are opaque knockouts, so a mix is only a 100 % K overprint, which is exempt as a line, never an area', () => {
    // Hatching is 40 % K lines over the white not-reported fill: its area is the hatch swatch.
    expect(PALETTE.notReported.cmyk).toEqual([0, 0, 0, 0]);
    // The ink check names what it finds: a swatch, or black overprinted on one.
    expect(describeInk([0, 90, 80, 25])).toMatch(/^RAMPS\.incidence\[5\] #b30000/);
    expect(describeInk([0, 90, 80, 100])).toMatch(/PALETTE\.(ink|focus) #000000 overprinted on RAMPS\.incidence\[5\]/);
  });

  it('measures ink as a preflight does: averaged over the densest 1 mm square, black overprinting a fill counted with its share', () => {
    const raster = (w: number, h: number, paint: (x: number, y: number) => readonly number[]) => {
      const data = Buffer.alloc(w * h * 4);
      for (let y = 0; y < h; y++)
        for (let x = 0; x < w; x++)
          data.set(
            paint(x, y).map((v) => Math.round((v / 100) * 255)),
            (y * w + x) * 4,
          );
      return { width: w, height: h, data };
    };
    // At 254 dpi 1 mm is 10 px. A 2 pt (7 px) black outline overprinting the old darkest fill
    // (0/100/95/20): 295 % on the line, 271 % averaged over its millimetre. The old check (every
    // pixel of a 1.3 mm square over the limit) let this pass; the plate gets it.
    const old = [0, 100, 95, 20];
    const outline = raster(40, 40, (x) => (x >= 20 && x < 27 ? [0, 100, 95, 100] : old));
    const o = densestInk(outline, 254);
    expect(o.ink).toBeCloseTo(0.7 * 295 + 0.3 * 215, 0);
    expect(o.swatch).toContain('0/100/95/100');
    // A hairline (1 px, 0.1 mm) adds 8 % of a square: 223 %, over a 220 % limit too.
    expect(
      densestInk(
        raster(40, 40, (x) => (x === 20 ? [0, 100, 95, 100] : old)),
        254,
      ).ink,
    ).toBeCloseTo(223, 0);
    // Today's darkest red keeps its depth in K: type covering 30 % of a square stays within 220 %.
    const red = RAMPS.incidence[5].cmyk;
    const type = densestInk(
      raster(30, 30, (x) => (x % 4 === 0 ? [red[0], red[1], red[2], 100] : red)),
      254,
    );
    expect(type.ink).toBeLessThanOrEqual(220);
    expect(type.swatch).toMatch(/PALETTE\.(ink|focus) #000000 overprinted on RAMPS\.incidence\[5\]/);
    // The flat fill is its own ink, and where the square is found is said in mm.
    expect(
      densestInk(
        raster(40, 40, () => red),
        254,
      ).ink,
    ).toBeCloseTo(195, 0);
    const block = densestInk(
      raster(40, 40, (x, y) => (x >= 20 && x < 30 && y >= 10 && y < 20 ? [0, 100, 100, 30] : [0, 0, 0, 0])),
      254,
    );
    expect(block).toMatchObject({ ink: expect.closeTo(230, 0), xMm: 2, yMm: 1 });
  });

  it('replaces RGB colour operators by the palette CMYK and refuses colours outside the palette', () => {
    const red = RAMPS.incidence[5]; // #b30000 → 0 90 80 25
    const stream = `q 0 0 0 rg 0 0 0 RG BT /F1 9 Tf <0012> Tj ET ${(0xb3 / 255).toFixed(4)} 0 0 rg 1 g (a rg b) Tj Q`;
    expect(cmykContent(stream, 'test')).toBe(
      `q 0 0 0 1 k 0 0 0 1 K BT /F1 9 Tf /OP01 gs <0012> Tj ET 0 0.9 0.8 0.25 k 0 0 0 0 k /OP00 gs (a rg b) Tj Q`,
    );
    expect(red.cmyk).toEqual([0, 90, 80, 25]);
    expect(() => cmykContent('0.5 0.2 0.1 rg', 'test')).toThrow(/colour #80331a in test is not in the palette/);
    expect(() => cmykContent('/CS0 cs 1 0 0 sc', 'test')).toThrow(/colour space \/CS0/);
    expect(() => cmykContent('/Sh0 sh', 'test')).toThrow(/a shading/);
  });

  it('overprints 100 % K fills, strokes and text, and nothing else (no white, no colour); the state goes before the path, q/Q restore it', () => {
    const c = cmykContentWithOverprint(
      '0 0 0 rg 0 0 m 1 1 l f 1 1 1 rg 0 0 1 1 re f 0 0 0 RG 0 0 m 1 1 l S q 0 0 0 rg 0 0 1 1 re B Q 0 0 m 2 2 l B',
      'test',
    );
    expect(c.text).toBe(
      // After Q the state is OP10 again (white fill, black stroke): nothing to set for the last B.
      '0 0 0 1 k /OP01 gs 0 0 m 1 1 l f 0 0 0 0 k /OP00 gs 0 0 1 1 re f 0 0 0 1 K /OP10 gs 0 0 m 1 1 l S q 0 0 0 1 k /OP11 gs 0 0 1 1 re B Q 0 0 m 2 2 l B',
    );
    expect([...c.states].sort()).toEqual(['OP00', 'OP01', 'OP10', 'OP11']);
  });
});

describe('the settings in config/ (src/config/settings.ts)', () => {
  it('are checked against their schema when read: a bad edit fails naming the file and the field', () => {
    const edited = { ...structuredClone(PRINT_PRESETS), dpi: { default: 300, min: 72, max: 'high' } };
    expect(() => checkValue(edited, PRINT_PRESETS_FILE, PrintPresets)).toThrow(/^config\/print-presets\.json: dpi\.max: /);
    expect(checkValue(structuredClone(PRINT_PRESETS), PRINT_PRESETS_FILE, PrintPresets)).toEqual(PRINT_PRESETS);
  });
});

describe('map review number (审图号)', () => {
  const review = { number: '吕S（2026）001号', authority: { zh: '吕梁市规划和自然资源局', en: 'Lüliang Natural Resources Bureau' } };

  it('is one setting in config/print-presets.json, empty until the map is reviewed, and then adds nothing', () => {
    expect(MAP_REVIEW).toEqual(presets.mapReview);
    expect(mapReviewLine('zh')).toBe(presets.mapReview.number ? expect.any(String) : null);
    expect(withMapReview('数据：某', 'zh', { number: ' ', authority: { zh: '', en: '' } })).toBe('数据：某');
  });

  it('when set, follows the source line in both languages, so every export and the site print it', () => {
    expect(withMapReview('数据：某', 'zh', review)).toBe('数据：某；审图号：吕S（2026）001号（吕梁市规划和自然资源局）');
    expect(withMapReview('Data: x', 'en', review)).toBe('Data: x; Map review no. 吕S（2026）001号 (Lüliang Natural Resources Bureau)');
    // The compiled view's source is what the site's map panels, embeds and print SVGs show.
    const k = allViewKeys()[0]!;
    const view = compileView(k.view, data.compileInput, 'zh', k.state);
    expect(view.source).toBe(withMapReview(k.view.source.zh, 'zh'));
  });
});
