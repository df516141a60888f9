/**
 * axe-core in a page, for the accessibility gate (reader-walk.ts): WCAG 2.2 AA rules, only
 * violations reported, each as one line.
 *
 * axe is put into a document once (page.evaluate, which the page's CSP does not govern) and run
 * again at each state the walk reaches: the story is one document whose map panel changes step by
 * step, and injecting axe's 500 KB again for each of its states cost about a second each time.
 * Frames are not entered (`iframes: false`): the only frame the walk meets is the Embed dialog's
 * preview, an embed page the walk checks as a page of its own.
 */
import axe from 'axe-core';
import type { Page } from 'playwright-core';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

interface Violation {
  id: string;
  impact?: string | null;
  help: string;
  nodes: Array<{ target: unknown[]; failureSummary?: string }>;
}

/**
 * axe's violations in `page` (or only `within` these selectors: what changed since the whole page
 * was checked), one line each: where, rule, impact, the first nodes and what axe says about them.
 */
export async function axeViolations(page: Page, where: string, within: string[] = []): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const found = await page.evaluate(
    async ([tags, include]) => {
      const { axe } = window as unknown as { axe: typeof import('axe-core') };
      const context = include.length ? { include: include.map((s) => [s]) } : document;
      const result = await axe.run(context, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'], iframes: false });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
      }));
    },
    [TAGS, within] as const,
  );
  return found.map(
    (v: Violation) =>
      `${where}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes
        .slice(0, 3)
        .map((n) => `${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1, 2).join(' ').trim()}`)
        .join(' | ')}${v.nodes.length > 3 ? ` (+${v.nodes.length - 3})` : ''}`,
  );
}
