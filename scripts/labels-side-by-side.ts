/**
 * docs/labels.md: every figure of page ① with the editor's zh label (the notes) beside the one the
 * label rule drafts from its clause (src/pipeline/extract/label.ts), for a reviewer who did not
 * write the rule to judge (issue 22, item 4).
 *
 *   npx tsx scripts/labels-side-by-side.ts
 *
 * It reads data/edition.json and the page's notes file through the pipeline's own readers and
 * builds the figures with buildMetrics: the drafted label is what it gives when the notes' zh
 * labels are left out, so each row is the figure the data holds. A judgement already written in
 * the judge column is kept, by figure id, as long as the drafted label it judged is unchanged.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { buildMetrics } from '../src/pipeline/extract/extract.ts';
import { parseFiguresFile } from '../src/pipeline/extract/figures-file.ts';
import { Edition } from '../src/schema/edition.ts';
import { readJsonFile } from '../src/schema/json-file.ts';

export const LABELS_DOC = 'docs/labels.md';
const EDITION_FILE = 'data/edition.json';

export interface LabelRow {
  id: string;
  raw: string;
  clause: string;
  /** The editor's label; null where the notes give none (the draft of the time was kept). */
  hand: string | null;
  derived: string;
}

/** Page ①'s figures, in the notes' order, with the hand and the drafted zh label. */
export function labelRows(root: string): { rows: LabelRow[]; notesFile: string } {
  const edition = readJsonFile(EDITION_FILE, Edition, { root });
  const notesFile = edition.source.seed.replace(/\.txt$/, '.figures.json');
  const notes = parseFiguresFile(readFileSync(join(root, notesFile), 'utf8'), notesFile);
  const withoutZh = { ...notes, figures: notes.figures.map((n) => ({ ...n, label: { en: n.label.en } })) };
  const drafted = new Map(buildMetrics(edition, withoutZh, notesFile).metrics.map((m) => [m.id, m]));
  const rows = notes.figures.map((n) => {
    const m = drafted.get(n.id)!;
    return { id: n.id, raw: n.raw, clause: m.quote, hand: n.label.zh ?? null, derived: m.label.zh };
  });
  return { rows, notesFile };
}

const cell = (s: string) => s.replace(/\|/g, '\\|');

/** The judge column of an earlier docs/labels.md, by id, with the drafted label it judged. */
function earlierJudgements(doc: string): Map<string, { derived: string; judge: string }> {
  const out = new Map<string, { derived: string; judge: string }>();
  for (const line of doc.split('\n')) {
    const cells = line.split(/(?<!\\)\|/).map((c) => c.trim());
    // | # | id | figure | clause | hand | drafted | same | judge |
    if (cells.length !== 10 || !/^\d+$/.test(cells[1]!)) continue;
    const judge = cells[8]!;
    if (judge) out.set(cells[2]!.replace(/`/g, ''), { derived: cells[6]!, judge });
  }
  return out;
}

/** The whole document, formatted as the repository's Prettier would. */
export async function renderLabelsDoc(root: string): Promise<string> {
  const { rows, notesFile } = labelRows(root);
  const docPath = join(root, LABELS_DOC);
  const judged = existsSync(docPath) ? earlierJudgements(readFileSync(docPath, 'utf8')) : new Map();
  const equal = rows.filter((r) => r.hand === r.derived).length;
  const kept = rows.filter((r) => r.hand === null).length;
  const lines = [
    '# Page ①’s labels: the editor’s beside the drafted',
    '',
    `Written by \`npx tsx scripts/labels-side-by-side.ts\` from \`${EDITION_FILE}\` and \`${notesFile}\`; do not edit`,
    'by hand except the **judge** column, which the script keeps (by id) while the drafted label it judged stays the same.',
    '',
    'Every printed figure of page ① gets a zh label drafted from its clause (`src/pipeline/extract/label.ts`); the notes',
    'file overrides it where the editor wrote one. Issue 22 asks that the drafted label be kept wherever it is as good as the',
    'editor’s: it should say what is measured, of whom, with its basis, and claim no more than its clause.',
    '',
    `- **same**: \`=\` the drafted label is the editor’s word for word (${equal} of ${rows.length}); \`kept\` the notes give no zh`,
    `  label, the editor kept the draft of the time, which the rule still drafts (${kept}); empty: they differ.`,
    '- **judge** (for a reviewer who did not write the rule): `equal` where the drafted label is as good as the editor’s,',
    '  `worse` where it is not (a word on why helps). Rows marked `=` or `kept` need no judgement.',
    '',
    '| # | id | figure | clause | editor’s label (notes) | drafted label | same | judge |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const [i, r] of rows.entries()) {
    const earlier = judged.get(r.id);
    const judge = earlier && earlier.derived === cell(r.derived) ? earlier.judge : '';
    const same = r.hand === null ? 'kept' : r.hand === r.derived ? '=' : '';
    lines.push(
      `| ${i + 1} | \`${r.id}\` | ${cell(r.raw)} | ${cell(r.clause)} | ${r.hand === null ? '—' : cell(r.hand)} | ${cell(r.derived)} | ${same} | ${judge} |`,
    );
  }
  const config = (await resolveConfig(docPath)) ?? {};
  return format(`${lines.join('\n')}\n`, { ...config, parser: 'markdown' });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = process.cwd();
  const doc = await renderLabelsDoc(root);
  writeFileSync(join(root, LABELS_DOC), doc);
  const { rows } = labelRows(root);
  const equal = rows.filter((r) => r.hand === r.derived).length;
  const kept = rows.filter((r) => r.hand === null).length;
  console.log(`wrote ${LABELS_DOC}: ${rows.length} figures; drafted = editor's for ${equal}, editor kept the draft for ${kept}`);
}
