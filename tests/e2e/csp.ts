/**
 * Records every Content-Security-Policy violation in a browser context: a listener for the
 * `securitypolicyviolation` event, injected into every page and frame before the page's own
 * scripts, reports through a Playwright binding (neither is subject to the page's CSP). A test
 * asserts the list is empty; the console error Chromium logs for a violation also lands in
 * PageProbe.consoleErrors.
 */
import type { BrowserContext } from 'playwright-core';

export async function watchCsp(context: BrowserContext): Promise<string[]> {
  const violations: string[] = [];
  await context.exposeBinding('__cspViolation', (source, text: string) => {
    violations.push(`${source.frame.url()}: ${text}`);
  });
  await context.addInitScript(() => {
    const report = (window as unknown as { __cspViolation?: (t: string) => void }).__cspViolation;
    document.addEventListener('securitypolicyviolation', (e) => {
      report?.(
        `${e.effectiveDirective} (${e.disposition}) blocked ${e.blockedURI || 'inline'} at ${e.sourceFile || '?'}:${e.lineNumber}${e.sample ? ` “${e.sample}”` : ''}`,
      );
    });
  });
  return violations;
}
