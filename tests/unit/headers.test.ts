/**
 * public/_headers is the one source of the site's response headers: the nginx snippet in docs/quality-gates.md
 * must be exactly what scripts/headers.ts generates from it, and the rules resolve as a static
 * host resolves them (detach, then the embed policy).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { headersFor, nginxSnippet, readHeadersFile } from '../../scripts/headers.ts';

const rules = readHeadersFile();

describe('public/_headers', () => {
  it('gives story pages one strict policy and embeds their own, never two', () => {
    const story = headersFor(rules, '/');
    const embed = headersFor(rules, '/embed/pv/');
    const gallery = headersFor(rules, '/en/embed/');
    expect(story['content-security-policy']).toMatch(/frame-ancestors 'none'$/);
    expect(embed['content-security-policy']).toMatch(/frame-ancestors 'self' https:$/);
    expect(gallery['content-security-policy']).toMatch(/frame-ancestors 'none'$/);
    for (const h of [story, embed, gallery]) {
      expect(h['content-security-policy']).not.toContain(',');
      expect(h['content-security-policy']).toMatch(/script-src 'self';/);
      expect(h['x-content-type-options']).toBe('nosniff');
      expect(h['referrer-policy']).toBe('strict-origin-when-cross-origin');
    }
  });

  it('is what the docs/quality-gates.md nginx snippet says (npm run headers:nginx)', () => {
    const readme = readFileSync(new URL('../../docs/quality-gates.md', import.meta.url), 'utf8');
    const block = /```nginx\n([\s\S]*?)\n```/.exec(readme)?.[1];
    expect(block, 'docs/quality-gates.md has an ```nginx block').toBeDefined();
    expect(block).toBe(nginxSnippet(rules));
  });
});
