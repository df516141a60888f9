/**
 * Link check over the built site, through nginx (tests/e2e/nginx.ts): every internal link and
 * asset that a page, stylesheet or oEmbed file names answers 200 (not a redirect, not a 404),
 * and every #fragment names an element of its target page. Absolute URLs on the site's own
 * origin (canonical, og:image, oEmbed; SITE_URL, default http://127.0.0.1:4321) count as internal.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEFAULT_SITE_URL } from '../../src/site/urls.ts';
import { DIST } from './harness.ts';
import { startNginx, type NginxServer } from './nginx.ts';

const SITE = new URL(process.env.SITE_URL ?? DEFAULT_SITE_URL).origin;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}
const FILES = walk(DIST).map((f) => `/${relative(DIST, f).split(sep).join('/')}`);

const decode = (s: string) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');

/** URLs a file names: attributes of HTML (noscript contents included), url() of CSS, URLs of JSON. */
function referencesOf(file: string, text: string): string[] {
  const out: string[] = [];
  if (file.endsWith('.html')) {
    for (const m of text.matchAll(/\s(?:href|src|poster|action|data-[\w-]*url|content)="([^"]*)"/g)) {
      const v = decode(m[1]!);
      // `content` is a URL only in og:/twitter: meta tags; the rest is prose.
      if (m[0].trimStart().startsWith('content=') && !/^(?:https?:|\/)/.test(v)) continue;
      out.push(v);
    }
    for (const m of text.matchAll(/\ssrcset="([^"]*)"/g))
      out.push(
        ...decode(m[1]!)
          .split(',')
          .map((c) => c.trim().split(/\s+/)[0]!),
      );
  } else if (file.endsWith('.css')) {
    for (const m of text.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)) out.push(m[1]!);
  } else if (file.endsWith('.json') && /oembed/.test(file)) {
    for (const m of text.matchAll(/"(?:url|thumbnail_url|provider_url|author_url)"\s*:\s*"([^"]+)"/g)) out.push(m[1]!);
    for (const m of text.matchAll(/src=\\"([^"\\]+)\\"/g)) out.push(m[1]!);
  }
  return out.filter((u) => u && !/^(?:data:|blob:|mailto:|tel:|about:)/.test(u));
}

let server: NginxServer;
beforeAll(async () => {
  const buildError = inject('siteBuildError');
  if (buildError) throw new Error(buildError);
  server = await startNginx(DIST);
});
afterAll(async () => {
  await server?.close();
});

describe('every internal link and asset of the built site', () => {
  it('resolves (HTTP 200) and every #fragment names an element of its page', async () => {
    /** Internal target path (with search) → the files that name it. */
    const targets = new Map<string, Set<string>>();
    const fragments: Array<{ from: string; path: string; id: string }> = [];
    const external = new Set<string>();
    for (const file of FILES.filter((f) => /\.(?:html|css|json)$/.test(f))) {
      const page = new URL(file.replace(/index\.html$/, ''), SITE);
      for (const ref of referencesOf(file, readFileSync(join(DIST, file), 'utf8'))) {
        const url = new URL(ref, page);
        if (url.origin !== SITE && !ref.startsWith('/') && /^[a-z]+:/i.test(ref)) {
          external.add(url.href);
          continue;
        }
        const path = `${url.pathname}${url.search}`;
        if (!targets.has(path)) targets.set(path, new Set());
        targets.get(path)!.add(file);
        if (url.hash.length > 1) fragments.push({ from: file, path: url.pathname, id: decodeURIComponent(url.hash.slice(1)) });
      }
    }
    expect(targets.size).toBeGreaterThan(50);

    const broken: string[] = [];
    const bodies = new Map<string, string>();
    for (const [path, from] of targets) {
      const r = await fetch(server.url(path), { redirect: 'manual' });
      const body = r.headers.get('content-type')?.startsWith('text/html') ? await r.text() : (await r.arrayBuffer(), '');
      bodies.set(path, body);
      if (r.status !== 200)
        broken.push(
          `${path} → HTTP ${r.status}${r.headers.get('location') ? ` (${r.headers.get('location')})` : ''}, named by ${[...from].slice(0, 3).join(', ')}`,
        );
    }
    for (const { from, path, id } of fragments) {
      const html = bodies.get(path) ?? '';
      const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      if (!new RegExp(`\\s(?:id|name)="${escaped}"`).test(html)) broken.push(`${path}#${id}: no such element (named by ${from})`);
    }
    console.log(
      `[links] ${targets.size} internal URLs, ${fragments.length} fragments checked; external: ${external.size ? [...external].join(' ') : 'none'}`,
    );
    expect(broken).toEqual([]);
  }, 120_000);
});

describe('every link of the built pages', () => {
  it('is one a crawler can follow: an <a> has an href, and no javascript: one (Lighthouse’s crawlable-anchors)', () => {
    const uncrawlable: string[] = [];
    for (const file of FILES.filter((f) => f.endsWith('.html'))) {
      const html = readFileSync(join(DIST, file), 'utf8');
      for (const [tag] of html.matchAll(/<a(?:\s[^>]*)?>/g)) {
        const href = /\shref="([^"]*)"/.exec(tag)?.[1];
        // A named anchor or one with a role is not a link (Lighthouse skips them too).
        if (/\s(?:name|role)="[^"]+"/.test(tag)) continue;
        if (href === undefined || href.trim() === '' || /^\s*javascript:/i.test(href)) uncrawlable.push(`${file}: ${tag}`);
      }
    }
    expect(uncrawlable).toEqual([]);
  });
});

describe('another origin, named by a built file', () => {
  it('is only ever a link to follow (<a href>), never something a page loads', () => {
    // CSP (public/_headers) forbids such loads too; this finds them in the files, on every page.
    const loaded: string[] = [];
    const foreign = (url: string) => /^(?:https?:)?\/\//i.test(url) && new URL(url, SITE).origin !== SITE;
    for (const file of FILES.filter((f) => /\.(?:html|css|svg)$/.test(f))) {
      const text = readFileSync(join(DIST, file), 'utf8');
      for (const [tag, name] of text.matchAll(/<([a-z][\w-]*)\s[^>]*>/gi)) {
        for (const [, attr, value] of tag.matchAll(/\s([\w:-]+)="([^"]*)"/g)) {
          const urls = attr === 'srcset' ? value!.split(',').map((c) => c.trim().split(/\s+/)[0]!) : [decode(value!)];
          const isLink = name!.toLowerCase() === 'a' && attr === 'href';
          // Text and metadata may name a URL (og:url, a licence's name); what loads is an attribute that fetches.
          const fetches = /^(?:src|srcset|href|poster|data|action|xlink:href)$/.test(attr!) && !isLink;
          if (fetches && urls.some(foreign)) loaded.push(`${file}: <${name} ${attr}="${value}">`);
        }
      }
      for (const [, url] of text.matchAll(/url\(\s*["']?([^"')]+)/g)) if (foreign(url!)) loaded.push(`${file}: url(${url})`);
    }
    expect(loaded).toEqual([]);
  });
});
