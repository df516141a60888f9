/**
 * A synthetic edition N× the size, in a temp copy of the project (never committed): every
 * article, paragraph, caption, figure, chapter and English translation repeated N times under new
 * ids (copy k of article `lead` is `leadxk`, its paragraphs `leadxk-p1`…, captions cap-(100k+n)),
 * so the story, data and reading pages carry N times the text, figures and steps. Each copied
 * figure restates its original: the maps draw the original once.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';

type Json = Record<string, unknown>;
const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Json;
const write = (path: string, data: unknown) => writeFileSync(path, `${JSON.stringify(data, null, 2)}\n`);

/** Copy k's suffix: letters only (ids are [a-z]+). */
const suffix = (k: number) => `x${String.fromCharCode(96 + k)}`;

export function scaleProject(dir: string, factor: number): void {
  if (factor < 1 || factor > 26) throw new Error('scale factor must be 1–26');
  const editionPath = join(dir, 'data/edition.json');
  const metricsPath = join(dir, 'data/metrics.json');
  const enPath = join(dir, 'src/content/translations/en.json');
  const edition = read(editionPath) as { articles: Json[]; captions: Json[]; flags: Json[] };
  const metrics = read(metricsPath) as { metrics: Json[]; unreadable: Json[] };
  const en = read(enPath) as Record<string, string>;
  const articleIds = edition.articles.map((a) => a.id as string);

  const copies = Array.from({ length: factor - 1 }, (_, i) => i + 2);
  /** A paragraph/deck/caption/article id in copy k. */
  const idIn = (id: string, k: number) => {
    const cap = /^cap-(\d+)$/.exec(id);
    if (cap) return `cap-${100 * k + Number(cap[1])}`;
    const article = articleIds.find((a) => id === a || id.startsWith(`${a}-`));
    return article ? `${article}${suffix(k)}${id.slice(article.length)}` : id;
  };
  const mapIds = <T>(value: T, k: number): T =>
    JSON.parse(JSON.stringify(value), (key, v: unknown) => (typeof v === 'string' && ['id', 'paragraph', 'at'].includes(key) ? idIn(v, k) : v)) as T;

  const base = { articles: edition.articles.slice(), captions: edition.captions.slice(), flags: edition.flags.slice(), metrics: metrics.metrics.slice(), unreadable: metrics.unreadable.slice() };
  for (const k of copies) {
    edition.articles.push(...base.articles.map((a) => mapIds(a, k)));
    edition.captions.push(...base.captions.map((c) => mapIds(c, k)));
    edition.flags.push(...base.flags.map((f) => mapIds(f, k)));
    // A copy is the same quantity printed again: it restates its original (or what that restates),
    // so each view still draws one figure per county and kind (compile.ts refuses two).
    metrics.metrics.push(...base.metrics.map((m) => ({ ...mapIds(m, k), id: `${m.id as string}-${suffix(k)}`, restates: m.restates ?? m.id })));
    metrics.unreadable.push(...base.unreadable.map((u) => mapIds(u, k)));
  }
  const baseEn = Object.entries(en);
  for (const k of copies)
    for (const [key, text] of baseEn) {
      const m = /^(place|headline):(.+)$/.exec(key);
      const copy = m ? `${m[1]}:${idIn(m[2]!, k)}` : idIn(key, k);
      if (copy !== key) en[copy] = text;
    }
  write(editionPath, edition);
  write(metricsPath, metrics);
  write(enPath, en);

  const chaptersDir = join(dir, 'src/content/chapters');
  for (const file of readdirSync(chaptersDir).filter((f) => f.endsWith('.md'))) {
    const text = readFileSync(join(chaptersDir, file), 'utf8');
    const match = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(text);
    if (!match) throw new Error(`${file}: no frontmatter`);
    const front = yaml.load(match[1]!) as { id: string; order: number; article: string; items: Json[] };
    for (const k of copies) {
      const items = front.items
        // The one "rest of the captions" item stays in the original chapter, and collects the copies' too.
        .filter((item) => item.captions !== 'rest')
        .map((item) => ({ ...item, ...(typeof item.paragraph === 'string' ? { paragraph: idIn(item.paragraph, k) } : {}), ...(typeof item.caption === 'string' ? { caption: idIn(item.caption, k) } : {}) }));
      const copy = { ...front, id: `${front.id}${suffix(k)}`, order: front.order + 100 * k, article: idIn(front.article, k), items };
      writeFileSync(join(chaptersDir, `${k}-${file}`), `---\n${yaml.dump(copy, { lineWidth: -1 })}---\n${match[2]}`);
    }
  }
}
