/**
 * Colour-blindness check of the map palette (src/views/palette.ts), and text contrast.
 *
 * How: each sequential ramp is simulated as seen with protanopia, deuteranopia and tritanopia
 * (Machado et al. 2009 at full severity, in linear RGB), then compared in CIELAB:
 * - the ramp must stay ordered in lightness, darkening by at least MIN_L_STEP L* per class, so
 *   that "more" still reads as "darker" without any hue;
 * - neighbouring classes must differ by at least MIN_DE2000 (CIEDE2000). 1 is a just-noticeable
 *   difference for two patches side by side; print and screen tolerances call 2–3 a close match;
 *   4 is therefore "clearly different at a glance" for the large, adjacent areas of a choropleth
 *   and its legend. (The tightest pair, OrRd classes 2–3 under deuteranopia, measures 4.4.)
 *   (Lightness steps are ≥ 5.8 L* in every simulation.)
 * A check of the simulation itself (a pair a protanope confuses; greys unchanged) guards against
 * a broken matrix making every check pass.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PALETTE, RAMPS } from '../../src/views/palette.ts';
import { contrast, CVD, deltaE2000, lab, linearRgb, simulate } from './colour-math.ts';

const MIN_L_STEP = 4;
const MIN_DE2000 = 4;
const VISIONS = { normal: null, ...CVD } as const;

const seen = (hex: string, matrix: number[][] | null) => lab(matrix ? simulate(linearRgb(hex), matrix) : linearRgb(hex));

describe('the simulation itself', () => {
  it('makes a protanope’s red–green confusion pair nearly identical, and leaves grey alone', () => {
    // An orange and an olive close to one protan confusion line: far apart normally, close for a protanope.
    const normal = deltaE2000(seen('#d95f02', null), seen('#7f8c00', null));
    const protan = deltaE2000(seen('#d95f02', CVD.protanopia), seen('#7f8c00', CVD.protanopia));
    expect(protan).toBeLessThan(normal / 2);
    for (const m of Object.values(CVD)) expect(deltaE2000(seen('#777777', m), seen('#777777', null))).toBeLessThan(1);
  });
});

describe.each(Object.entries(RAMPS))('ramp %s', (name, ramp) => {
  for (const [vision, matrix] of Object.entries(VISIONS)) {
    it(`stays ordered and distinguishable with ${vision} vision`, () => {
      const labs = ramp.map((s) => seen(s.hex, matrix));
      const rows = labs
        .slice(1)
        .map((l, i) => ({ from: ramp[i]!.hex, to: ramp[i + 1]!.hex, dL: labs[i]![0] - l[0], dE: deltaE2000(labs[i]!, l) }));
      console.log(
        `[palette] ${name} ${vision}: L* ${labs.map((l) => l[0].toFixed(1)).join(' › ')}; ΔE00 ${rows.map((r) => r.dE.toFixed(1)).join(' ')}`,
      );
      for (const r of rows) {
        expect(r.dL, `${name} ${r.from}→${r.to} lightness step (${vision})`).toBeGreaterThanOrEqual(MIN_L_STEP);
        expect(r.dE, `${name} ${r.from}→${r.to} ΔE2000 (${vision})`).toBeGreaterThanOrEqual(MIN_DE2000);
      }
    });
  }
});

/** Custom properties of one rule block (`:root {`, `:root.theme-dark {`) of a stylesheet. */
function cssVars(file: string, selector: string): Record<string, string> {
  const css = readFileSync(new URL(`../../src/styles/${file}`, import.meta.url), 'utf8');
  const start = css.indexOf(`${selector} {`);
  if (start < 0) throw new Error(`${file}: no ${selector} block`);
  const block = css.slice(start, css.indexOf('}', start));
  return Object.fromEntries([...block.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1]!, m[2]!.toLowerCase()]));
}

describe('text contrast ≥ 4.5:1 (WCAG 1.4.3, legend and page text)', () => {
  const themes = [
    { name: 'story', vars: cssVars('base.css', ':root') },
    { name: 'embed', vars: cssVars('embed.css', ':root') },
    { name: 'embed dark', vars: { ...cssVars('embed.css', ':root'), ...cssVars('embed.css', ':root.theme-dark') } },
  ];
  for (const { name, vars } of themes)
    it(`${name}: ink, soft ink, muted and accent on paper`, () => {
      for (const token of ['ink', 'ink-soft', 'muted', 'accent']) {
        expect(contrast(vars[token]!, vars.paper!), `${name} --${token} ${vars[token]} on ${vars.paper}`).toBeGreaterThanOrEqual(4.5);
      }
    });

  it('map text colours on the map’s paper: labels, muted labels, site legend text', () => {
    for (const key of ['ink', 'inkMuted', 'site'] as const) {
      expect(contrast(PALETTE[key].hex, PALETTE.paper.hex), key).toBeGreaterThanOrEqual(4.5);
      expect(contrast(PALETTE[key].hex, '#fbf9f4'), `${key} on the page paper`).toBeGreaterThanOrEqual(4.5);
    }
  });
});
