import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { strings } from '../../src/i18n/strings.ts';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { allEmbedKeys, chapterOf } from '../../src/embed/keys.ts';
import { embedImages, type ImageRecord } from '../../src/embed/images.ts';
import images from '../../src/embed/images.json';
import { embedSearch, parseEmbedParams, DEFAULT_PARAMS } from '../../src/embed/params.ts';
import { ASK_TYPE, HEIGHT_LIMITS, HEIGHT_TYPE, heightMessages, isHeightRequest, PROTOCOL_VERSION } from '../../src/embed/protocol.ts';
import { ampSnippet, iframeSnippet, imageSnippet } from '../../src/embed/snippet.ts';
import { DEFAULT_SITE_URL, siteOrigin } from '../../src/site/urls.ts';
import { DARK_BASE, DARK_BY_HEX, darkStyle, darkSvg } from '../../src/embed/dark-map.ts';
import { PALETTE, RAMPS } from '../../src/views/palette.ts';
import { allViewKeys } from '../../src/views/view-keys.ts';
import { readChapters } from '../../src/story/read-chapters.ts';

const RESIZE_JS = readFileSync('public/embed/resize.js', 'utf8');

describe('embed keys', () => {
  it('are every view key, plus the bare id of each view with states (state switch)', () => {
    const keys = allEmbedKeys().map((k) => k.key);
    expect(keys).toEqual(expect.arrayContaining(allViewKeys().map((k) => k.key)));
    expect(keys).toContain('incidence');
    expect(keys).toContain('forest');
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('link to the chapter that first shows the view', () => {
    const chapters = readChapters();
    const of = (key: string) =>
      chapterOf(
        allEmbedKeys().find((k) => k.key === key)!,
        chapters,
      );
    expect(of('incidence')).toBe('opening');
    expect(of('incidence-before')).toBe('opening');
    expect(of('incidence-after')).toBe('opening');
    expect(of('forest-after')).toBe('linxian');
    expect(of('lanxian')).toBe('lanxian');
  });
});

describe('site origin (SITE_URL)', () => {
  it('is SITE_URL, else Astro’s site; the local preview only when PREVIEW=1 says so', () => {
    expect(siteOrigin(undefined, { SITE_URL: 'https://maps.example.org/path' })).toBe('https://maps.example.org');
    expect(siteOrigin(new URL('https://a.example/'), {})).toBe('https://a.example');
    expect(siteOrigin(undefined, { PREVIEW: '1' })).toBe(DEFAULT_SITE_URL);
    expect(() => siteOrigin(undefined, {})).toThrow(/SITE_URL is not set/);
    expect(() => siteOrigin(undefined, { SITE_URL: 'ftp://x.example' })).toThrow(/http\(s\)/);
  });
});

describe('dark map (theme=dark)', () => {
  it('maps base colours by palette key, leaves every data colour as printed', () => {
    expect(DARK_BY_HEX.get(PALETTE.land.hex)).toBe(DARK_BASE.land);
    for (const ramp of Object.values(RAMPS)) for (const sw of ramp) expect(DARK_BY_HEX.has(sw.hex.toLowerCase()), sw.hex).toBe(false);
    for (const key of ['symbolPv', 'symbolHouseholds', 'symbolPeople', 'site', 'river'] as const)
      expect(DARK_BY_HEX.has(PALETTE[key].hex), key).toBe(false);
    const svg = `<rect fill="${PALETTE.land.hex}"/><path fill="${RAMPS.incidence[5]!.hex}" stroke="${PALETTE.countyLine.hex}"/>`;
    expect(darkSvg(svg)).toBe(`<rect fill="${DARK_BASE.land}"/><path fill="${RAMPS.incidence[5]!.hex}" stroke="${DARK_BASE.countyLine}"/>`);
    expect(
      darkStyle({
        paint: {
          'background-color': PALETTE.land.hex,
          'fill-color': ['match', ['get', 'code'], '1', RAMPS.forest[2]!.hex, PALETTE.county.hex],
        },
      }),
    ).toEqual({
      paint: { 'background-color': DARK_BASE.land, 'fill-color': ['match', ['get', 'code'], '1', RAMPS.forest[2]!.hex, DARK_BASE.county] },
    });
  });
});

describe('parameters (allow-list)', () => {
  it('read the allowed values and default everything else', () => {
    expect(parseEmbedParams('')).toEqual(DEFAULT_PARAMS);
    expect(parseEmbedParams('?title=0&source=0&interactive=0&theme=dark&lang=en')).toMatchObject({
      title: false,
      source: false,
      interactive: false,
      theme: 'dark',
      lang: 'en',
    });
    expect(parseEmbedParams('?title=no&source=&interactive=2&theme=Dark&lang=fr')).toEqual(DEFAULT_PARAMS);
  });

  it('accept pym.js parameters; keep childId only when it is a plain id', () => {
    expect(parseEmbedParams('?initialWidth=640&childId=lvliang-map-1&parentTitle=x&parentUrl=https%3A%2F%2Fa.b%2F')).toMatchObject({
      initialWidth: 640,
      childId: 'lvliang-map-1',
    });
    for (const bad of ['"><script>', 'axPYMxb', '1abc', 'a'.repeat(65), 'a b'])
      expect(parseEmbedParams(`?childId=${encodeURIComponent(bad)}`).childId).toBeNull();
  });

  it('rebuild a query from parsed values only', () => {
    expect(embedSearch(parseEmbedParams('?theme=dark&title=0&evil=1&childId=c1'))).toBe('?title=0&theme=dark&childId=c1');
    expect(embedSearch(DEFAULT_PARAMS)).toBe('');
  });
});

describe('sizing protocol', () => {
  it('posts our form, AMP’s, and pym’s when pym gave a childId', () => {
    expect(heightMessages('zh:pv', 640, null)).toEqual([
      { type: 'lvliang-map:height', v: 1, id: 'zh:pv', height: 640 },
      { sentinel: 'amp', type: 'embed-size', height: 640 },
    ]);
    expect(heightMessages('c', 640, 'c')[2]).toBe('pymxPYMxcxPYMxheightxPYMx640');
  });

  it('answers our ask, @newswire/frames’ init and pym’s width message', () => {
    expect(isHeightRequest({ type: 'lvliang-map:ask', v: 1 }, null)).toBe(true);
    expect(isHeightRequest({ sentinel: 'amp', type: 'frames-init' }, null)).toBe(true);
    expect(isHeightRequest('pymxPYMxcxPYMxwidthxPYMx640', 'c')).toBe(true);
    expect(isHeightRequest('pymxPYMxotherxPYMxwidthxPYMx640', 'c')).toBe(false);
    expect(isHeightRequest(null, null)).toBe(false);
  });

  it('resize.js repeats the same constants, and stays under 2 KB gzipped', () => {
    expect(RESIZE_JS).toContain(`'${HEIGHT_TYPE}'`);
    expect(RESIZE_JS).toContain(`'${ASK_TYPE}'`);
    expect(RESIZE_JS).toContain(`d.v !== ${PROTOCOL_VERSION}`);
    expect(RESIZE_JS).toContain(`MIN = ${HEIGHT_LIMITS.min}, MAX = ${HEIGHT_LIMITS.max}, PLAUSIBLE = ${HEIGHT_LIMITS.maxPlausible}`);
    const gz = gzipSync(RESIZE_JS, { level: 9 }).length;
    console.log(`[embed] resize.js: ${Buffer.byteLength(RESIZE_JS)} B, ${gz} B gzipped`);
    expect(gz).toBeLessThanOrEqual(2048);
    // Never navigates, opens or writes markup, whatever a message says.
    expect(RESIZE_JS).not.toMatch(/location(\.href)?\s*=[^=]|location\.(assign|replace)\(|window\.open|\beval\(|innerHTML|\.src\s*=[^=]/);
  });
});

describe('embed.css', () => {
  it('sizes nothing from the frame’s height: no `height: 100%`, no vh units (pym.js#176)', () => {
    const css = readFileSync('src/styles/embed.css', 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    expect(css).not.toMatch(/height\s*:\s*100%/);
    expect(css).not.toMatch(/\d(s|l|d)?vh\b/);
  });
});

describe('snippets', () => {
  const input = {
    origin: 'https://maps.example.org',
    lang: 'en' as const,
    key: 'pv',
    title: 'A "quoted" <map>',
    description: 'd & e',
    height: 630,
    storyUrl: 'https://maps.example.org/en/#linxian',
    imageKey: 'pv',
    source: 'Data: S',
    say: strings('en').snippet,
  };

  it('iframe: title, lazy, sandbox without top navigation, fixed fallback height, then resize.js', () => {
    const html = iframeSnippet(input);
    expect(html).toContain('src="https://maps.example.org/en/embed/pv/"');
    expect(html).toContain('title="A &quot;quoted&quot; &lt;map&gt;"');
    expect(html).toContain('loading="lazy"');
    expect(html).toContain('sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox"');
    expect(html).not.toContain('allow-top-navigation');
    expect(html).toContain('height:630px');
    expect(html).toMatch(/<script src="https:\/\/maps\.example\.org\/embed\/resize\.js" async><\/script>$/);
  });

  it('AMP: a resizable amp-iframe with an overflow button and a placeholder image', () => {
    const html = ampSnippet(input);
    expect(html).toMatch(/^<amp-iframe [^>]*resizable/);
    expect(html).toContain('<button overflow');
    expect(html).toContain('<amp-img placeholder layout="fill" src="https://maps.example.org/embed/img/en/pv.png"');
  });

  it('script-free: the 1080 px picture scaled to the column, linked to the live map, source as text; no iframe, no script', () => {
    const html = imageSnippet({ ...input, params: { ...DEFAULT_PARAMS, theme: 'dark' } });
    expect(html).not.toMatch(/<iframe|<script/);
    expect(html).toContain('<img src="https://maps.example.org/embed/img/en/wechat/pv.png" alt="d &amp; e" width="1080" height="1440"');
    expect(html).toContain('width:100%;height:auto');
    expect(html).toContain('href="https://maps.example.org/en/embed/pv/?theme=dark"');
    expect(html).toContain('Data: S · ');
  });

  it('a page with a period switch uses its first period’s pictures (there is no incidence.png)', () => {
    const html = ampSnippet({ ...input, key: 'incidence', imageKey: 'incidence-before' });
    expect(html).toContain('/embed/img/en/incidence-before.png');
    expect(html).toContain('/en/embed/incidence/');
  });

  it('iframe: the chosen parameters and width go into the frame', () => {
    const html = iframeSnippet({ ...input, params: { ...DEFAULT_PARAMS, title: false, interactive: false }, width: 480 });
    expect(html).toContain('src="https://maps.example.org/en/embed/pv/?title=0&amp;interactive=0"');
    expect(html).toContain('width:480px;max-width:100%');
  });
});

describe('embed images (public/embed/img)', () => {
  const recorded = images as Record<string, ImageRecord>;

  it('are up to date with the views and the SVG renderer (else: npm run embed:images)', () => {
    const now = Object.fromEntries(embedImages().map((i) => [i.id, i.sha256]));
    const stale = Object.keys({ ...now, ...recorded }).filter((id) => now[id] !== recorded[id]?.svg);
    expect(stale, 'run `npm run embed:images` and commit public/embed/img and src/embed/images.json').toEqual([]);
  });

  it('are the files drawn from those SVGs: none swapped, left over, cut or replaced by hand', () => {
    // tests/e2e/embed-images.test.ts draws a sample again to check that drawing gives these bytes.
    const changed = embedImages()
      .filter(
        ({ id }) =>
          createHash('sha256')
            .update(readFileSync(`public/embed/img/${id}.png`))
            .digest('hex') !== recorded[id]?.png,
      )
      .map(({ id }) => id);
    expect(changed, 'run `npm run embed:images` and commit public/embed/img and src/embed/images.json').toEqual([]);
  });

  it('are PNGs of their size: 800 × 1000, WeChat 1080 × 1440, share cards 1200 × 630', () => {
    const all = embedImages();
    expect(all.filter((i) => i.id.includes('/wechat/')).length).toBe(all.filter((i) => !/wechat|share-card/.test(i.id)).length);
    expect(all.filter((i) => i.id.endsWith('/share-card')).map((i) => [i.width, i.height])).toEqual([
      [1200, 630],
      [1200, 630],
    ]);
    for (const { id, width, height } of all) {
      const png = readFileSync(`public/embed/img/${id}.png`);
      expect(png.subarray(1, 4).toString(), id).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], id).toEqual([width, height]);
      if (id.includes('/wechat/')) expect(width, id).toBeGreaterThanOrEqual(1080);
    }
  });
});
