/**
 * The locator inset: described once in the overview view, compiled for both languages, drawn
 * by the SVG renderer in the print export and the embed image, by the legend's HTML elsewhere.
 */
import { describe, expect, it } from 'vitest';
import { loadSiteData } from '../../src/data/load.ts';
import { resolvePrintSize } from '../../src/print/print-layout.ts';
import { renderPrintSvg } from '../../src/print/print-svg.ts';
import { locatorHtml, locatorImageSize, locatorSvg } from '../../src/render/locator.ts';
import { textWidth } from '../../src/render/text-wrap.ts';
import { renderSvg } from '../../src/render/svg.ts';
import { compileView } from '../../src/views/compile.ts';
import { allViewKeys } from '../../src/views/view-keys.ts';
import { PRINT_PRESETS } from '../../src/config/settings.ts';

const data = loadSiteData();
const overview = allViewKeys().find((k) => k.key === 'overview')!;

describe('locator inset', () => {
  for (const lang of ['zh', 'en'] as const) {
    const view = compileView(overview.view, data.compileInput, lang, overview.state);
    it(`is part of the overview (${lang}): Shanxi's 11 cities, 吕梁 highlighted, 太原 marked, the line placing Shanxi`, () => {
      const l = view.locator!;
      expect(l.prefectures).toHaveLength(11);
      expect(l.highlight).toBe('141100');
      expect(l.caption).toBe(lang === 'zh' ? '山西省位于华北' : 'Shanxi, northern China');
      expect(l.capital.name).toBe(lang === 'zh' ? '太原' : 'Taiyuan');
      // The capital lies inside the drawing, east of 吕梁.
      expect(l.capital.x).toBeGreaterThan(0);
      expect(l.capital.x).toBeLessThan(l.width);
      expect(l.capital.y).toBeGreaterThan(0);
      expect(l.capital.y).toBeLessThan(l.height);
      expect(locatorHtml(l, '/maps/x.svg')).toMatch(
        /^<figure class="map-locator" data-locator><img src="\/maps\/x.svg" width="\d+" height="\d+" alt="[^"]+"/,
      );
    });
    it(`is the legend's image (${lang}): the 11 cities and the capital, wide enough for the capital's name`, () => {
      const l = view.locator!;
      const svg = locatorSvg(l);
      expect(svg.match(/<path /g)).toHaveLength(11);
      expect(svg).toContain(`>${l.capital.name}</text>`);
      const { width, height } = locatorImageSize(l);
      expect(svg).toContain(`viewBox="0 0 ${width} ${height}"`);
      expect(width).toBeGreaterThanOrEqual(l.capital.x + textWidth(l.capital.name, 12));
      expect(width).toBeGreaterThanOrEqual(l.width);
    });
    it(`is drawn in the overview's print export and embed image (${lang}), and in no other view`, () => {
      const presets = PRINT_PRESETS;
      const size = resolvePrintSize(presets, { preset: '4col' });
      const svg = renderPrintSvg(view, data.geo, size, {
        typography: presets.typography,
        credit: presets.credit[lang],
        date: '2026-11-29',
      }).svg;
      expect(svg).toContain('data-locator');
      expect(svg).toContain(view.locator!.caption);
      expect(renderSvg(view, data.geo, { width: 800, height: 1000, frame: true })).toContain('data-locator');
      const pv = allViewKeys().find((k) => k.key === 'pv')!;
      expect(compileView(pv.view, data.compileInput, lang, pv.state).locator).toBeNull();
    });
  }
});
