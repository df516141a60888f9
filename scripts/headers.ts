/**
 * The site's response headers have ONE source of truth, `public/_headers` (Cloudflare Pages /
 * Netlify syntax). This module reads it, says which headers a path gets (as those hosts apply it),
 * and writes the same rules as an nginx snippet — so the test server (tests/e2e/harness.ts), the
 * nginx the security tests run against (tests/e2e/nginx.ts) and the snippet in docs/quality-gates.md cannot drift.
 *
 *   npm run headers:nginx      # prints the nginx snippet (docs/quality-gates.md quotes it; a test compares)
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const HEADERS_FILE = fileURLToPath(new URL('../public/_headers', import.meta.url));

export interface HeaderRule {
  /** The path pattern as written (`/*`, `/embed/*`, `/embed/`). */
  pattern: string;
  path: RegExp;
  /** In file order; `value: null` is a detach (`! Name`): drop what earlier rules set. */
  headers: Array<{ name: string; value: string | null }>;
}

/** Parses `_headers`: a path line, then indented `Name: value` or `! Name` lines; `#` comments. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      // `*` is a splat (anything, slashes too), `:name` one path segment.
      const pattern = line.trim();
      const source = pattern
        .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*')
        .replace(/:\w+/g, '[^/]+');
      rules.push({ pattern, path: new RegExp(`^${source}$`), headers: [] });
      continue;
    }
    const rule = rules.at(-1);
    if (!rule) throw new Error(`_headers: header line before any path: ${line}`);
    const detach = line.trim().match(/^!\s*([\w-]+)$/);
    const set = line.trim().match(/^([\w-]+):\s*(.*)$/);
    if (detach) rule.headers.push({ name: detach[1]!.toLowerCase(), value: null });
    else if (set) rule.headers.push({ name: set[1]!.toLowerCase(), value: set[2]! });
    else throw new Error(`_headers: cannot read ${line}`);
  }
  return rules;
}

export function readHeadersFile(path = HEADERS_FILE): HeaderRule[] {
  return parseHeadersFile(readFileSync(path, 'utf8'));
}

/** Every matching rule in order; a header set twice is joined with ", " as the hosts do. */
export function headersFor(rules: HeaderRule[], pathname: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rule of rules) {
    if (!rule.path.test(pathname)) continue;
    for (const { name, value } of rule.headers) {
      if (value === null) delete out[name];
      else out[name] = out[name] ? `${out[name]}, ${value}` : value;
    }
  }
  return out;
}

/** Header names as browsers and docs spell them (nginx sends what it is given). */
const CANONICAL: Record<string, string> = {
  'content-security-policy': 'Content-Security-Policy',
  'x-content-type-options': 'X-Content-Type-Options',
  'referrer-policy': 'Referrer-Policy',
};
const canonical = (name: string) =>
  CANONICAL[name] ?? name.replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => dash + c.toUpperCase());

/**
 * nginx `location` blocks with the headers each kind of path ends up with. nginx sends the
 * `add_header`s of ONE location (an inner block's replace the outer's), so each block carries the
 * full merged set that `headersFor` gives a path of that rule — detaches already applied.
 * `/x/*` becomes a prefix location (nginx picks the longest), an exact path `location =`,
 * anything else a regex. `always`: error pages (404) get the headers too. try_files serves a
 * directory's index.html IN this location: nginx's `index` would re-match it against the
 * locations (/embed/ → /embed/index.html → the embeds' policy instead of the gallery's).
 */
export function nginxLocations(rules: HeaderRule[], indent = ''): string {
  const blocks = rules.map((rule) => {
    const sample = rule.pattern.replace(/\*/g, 'x').replace(/:\w+/g, 'x');
    let location: string;
    if (/^[^*:]*\*$/.test(rule.pattern)) location = `location ${rule.pattern.slice(0, -1) || '/'}`;
    else if (!/[*:]/.test(rule.pattern)) location = `location = ${rule.pattern}`;
    else location = `location ~ "${rule.path.source}"`;
    const headers = Object.entries(headersFor(rules, sample)).map(
      ([name, value]) => `${indent}    add_header ${canonical(name)} "${value.replace(/(["\\$])/g, '\\$1')}" always;`,
    );
    return [`${indent}${location} {`, ...headers, `${indent}    try_files $uri ${'$'}{uri}index.html $uri/ =404;`, `${indent}}`].join('\n');
  });
  return blocks.join('\n');
}

/** The snippet in docs/quality-gates.md: the locations inside a `server` block, with the types nginx lacks. */
export function nginxSnippet(rules: HeaderRule[]): string {
  return [
    '# Generated from public/_headers (npm run headers:nginx); root is the built dist/.',
    'server {',
    '    listen 80;',
    '    root /srv/lvliang/dist;',
    '    index index.html;',
    '    charset utf-8;',
    '    charset_types text/css text/plain text/csv application/json application/javascript text/javascript image/svg+xml;',
    "    # Debian's mime.types lacks these: MapLibre's worker is an .mjs module (strict MIME check).",
    '    include mime.types;',
    '    types { text/javascript mjs; text/csv csv; application/geo+json geojson; }',
    nginxLocations(rules, '    '),
    '}',
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  console.log(nginxSnippet(readHeadersFile()));
}
