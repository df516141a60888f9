/**
 * Headless Chromium (Debian's /usr/bin/chromium through playwright-core) as the print engine:
 * the SVG in a bare page with the packaged font, printed to a PDF of the exact page size or
 * screenshotted at the exact pixel size.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { PrintSize } from '../../src/print/print-layout.ts';
import { pngSize, withPhys } from '../../src/render/png-phys.ts';
import { fontFaceCss, PRINT_FONT_FAMILY, svgText } from './fonts.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function html(svg: string, css: string, width: string, height: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><style>
${css}
@page{size:${width} ${height};margin:0}
html,body{margin:0;padding:0;background:#fff}
svg{display:block;width:${width};height:${height}}
</style></head><body>${svg}</body></html>`;
}

export class Printer {
  private constructor(
    private browser: Browser,
    private page: Page,
  ) {}

  static async launch(): Promise<Printer> {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: run \`bash scripts/install-test-deps.sh\``);
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--font-render-hinting=none',
      ],
    });
    const page = await browser.newPage({ viewport: { width: 800, height: 600 }, deviceScaleFactor: 1 });
    // The page is a data sheet: nothing may be fetched (the SVG has no reference; the font is inline).
    await page.route('**/*', (route) => route.abort('blockedbyclient'));
    return new Printer(browser, page);
  }

  private async load(svg: string, width: string, height: string): Promise<void> {
    const text = svgText(svg);
    await this.page.setContent(html(svg, fontFaceCss(text), width, height), { waitUntil: 'load' });
    const ok = await this.page.evaluate(
      async ({ family, text }) => {
        // Load every face the text needs in both weights before printing (unicode-range faces load lazily).
        await Promise.all([document.fonts.load(`9px "${family}"`, text), document.fonts.load(`bold 9px "${family}"`, text)]);
        await document.fonts.ready;
        return document.fonts.check(`9px "${family}"`, text) && document.fonts.check(`bold 9px "${family}"`, text);
      },
      { family: PRINT_FONT_FAMILY, text },
    );
    if (!ok) throw new Error(`Chromium did not load the ${PRINT_FONT_FAMILY} font files for this map`);
  }

  /** PDF from Chromium at the page size in mm (Chromium rounds it; pdf-fix.ts sets it exactly). */
  async pdf(svg: string, size: PrintSize): Promise<Uint8Array> {
    await this.load(svg, `${size.widthMm}mm`, `${size.heightMm}mm`);
    return this.page.pdf({ preferCSSPageSize: true, printBackground: true, outline: false, tagged: false });
  }

  /** PNG exactly widthPx × heightPx with pHYs at the dpi; fails rather than ship a clamped image. */
  async png(svg: string, size: PrintSize): Promise<Uint8Array> {
    await this.page.setViewportSize({ width: size.widthPx, height: size.heightPx });
    await this.load(svg, `${size.widthPx}px`, `${size.heightPx}px`);
    const shot = await this.page.screenshot({
      type: 'png',
      clip: { x: 0, y: 0, width: size.widthPx, height: size.heightPx },
      animations: 'disabled',
      caret: 'hide',
    });
    const got = pngSize(shot);
    if (got.width !== size.widthPx || got.height !== size.heightPx)
      throw new Error(`Chromium made a ${got.width} × ${got.height} px image, not ${size.widthPx} × ${size.heightPx}: lower the dpi`);
    return withPhys(shot, size.dpi);
  }

  close(): Promise<void> {
    return this.browser.close();
  }
}
