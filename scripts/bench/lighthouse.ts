/**
 * Lighthouse (npm `lighthouse`, its default mobile settings and simulated throttling) in Debian's
 * Chromium, started by chrome-launcher with the same switches as the browser tests. One Chrome
 * serves every run; Lighthouse opens each URL in a fresh tab with storage cleared.
 * The bench serves the site over HTTPS with a throwaway self-signed certificate (index.ts), which
 * this Chrome alone is told to accept (Lighthouse ≥ 5 honours --ignore-certificate-errors).
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface LighthouseRun {
  url: string;
  /** Category scores 0–100 (only the categories asked for). */
  scores: Record<string, number>;
  lcpMs: number;
  cls: number;
  tbtMs: number;
  fcpMs: number;
  /** Scored audits below 1, as "category/audit: title (value)", to say why a score is not 100. */
  failing: string[];
}

export interface LighthouseSession {
  run(url: string, categories?: string[]): Promise<LighthouseRun>;
  close(): Promise<void>;
}

export async function startLighthouse(): Promise<LighthouseSession> {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: ['--no-sandbox', '--headless=new', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--ignore-certificate-errors'],
    logLevel: 'error',
  });
  return {
    async run(url, categories = ['performance', 'accessibility', 'best-practices', 'seo']) {
      const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: categories });
      if (!result) throw new Error(`lighthouse returned nothing for ${url}`);
      const lhr = result.lhr;
      if (lhr.runtimeError) throw new Error(`lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
      const audit = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
      const failing: string[] = [];
      for (const [name, category] of Object.entries(lhr.categories))
        for (const ref of category.auditRefs) {
          const a = lhr.audits[ref.id];
          if (a && ref.weight > 0 && a.score !== null && a.score < 1) failing.push(`${name}/${ref.id}: ${a.title}${a.displayValue ? ` (${a.displayValue})` : ''}`);
        }
      return {
        url,
        scores: Object.fromEntries(Object.entries(lhr.categories).map(([k, c]) => [k, Math.round((c.score ?? 0) * 100)])),
        lcpMs: audit('largest-contentful-paint'),
        cls: audit('cumulative-layout-shift'),
        tbtMs: audit('total-blocking-time'),
        fcpMs: audit('first-contentful-paint'),
        failing,
      };
    },
    close: async () => {
      chrome.kill();
    },
  };
}
