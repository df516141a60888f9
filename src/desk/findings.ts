/**
 * The draft's findings as the desk shows them: one decision each, with its kind, the seed lines
 * it is about, the message and the evidence.
 *
 * The one module that knows how the draft reports them. Today `draftFromSeed` returns plain
 * sentences ("line 13: a new article begins here…"), so the draft is re-run in memory (it only
 * reads the seed) and each sentence is read back into a decision. When the draft writes its
 * findings beside the manifest (`seeds/<name>.findings.json`, `found` and `undecided` lists of
 * `{kind, lines, message, evidence}`), that file is read instead; switching is this file alone.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { describeDecision, type Decision as DraftDecision } from '../pipeline/draft/decisions.ts';
import { draftFromSeed } from '../pipeline/draft/draft-page.ts';
import { linesOf } from '../pipeline/draft/draft-figures.ts';
import { parseJsonFile } from '../schema/json-file.ts';
import type { Edition } from '../schema/edition.ts';
import { buildEdition } from '../pipeline/edition.ts';
import { parseManifest } from '../pipeline/manifest.ts';

const LineSpan = z.tuple([z.number().int().positive(), z.number().int().positive()]);

export const Decision = z.object({
  kind: z.string().min(1),
  /** First and last seed line it is about; null when it is about the page as a whole. */
  lines: LineSpan.nullable(),
  message: z.string().min(1),
  evidence: z.array(z.string()),
});
export type Decision = z.infer<typeof Decision>;

export const Findings = z.object({ found: z.array(Decision), undecided: z.array(Decision) });
export type Findings = z.infer<typeof Findings>;

/** What a sentence of today's draft report is about, read from its wording. */
const KINDS: Array<[RegExp, string]> = [
  [/a new article begins here/, 'article-split'],
  [/short lines with no gap after a body/, 'headline'],
  [/no headline found/, 'no-headline'],
  [/a second article on/, 'article-repeated'],
  [/figures block/, 'deck'],
  [/cut short/, 'cut-short'],
  [/^article /, 'article'],
  [/^captions: /, 'captions'],
  [/^page header/, 'header'],
  [/printed \d+ times for one place/, 'figure-repeated'],
  [/ no (unit|region)/, 'figure-undecided'],
  [/^paragraph breaks/, 'paragraph-breaks'],
  [/^figures in /, 'figures'],
  [/caption\(s\)/, 'captions'],
];

/** The first "line N", "lines N–M" or "lines N, M" a sentence names. */
function linesNamed(text: string): [number, number] | null {
  const range = text.match(/lines? (\d+)(?:[–-](\d+))?/);
  if (range) return [Number(range[1]), Number(range[2] ?? range[1])];
  return null;
}

/** The seed lines of a paragraph, deck or caption id named in the sentence (figure findings name those, not lines). */
function linesOfText(text: string, edition: Edition | null): [number, number] | null {
  const id = text.match(/\b([a-z]+-(?:p\d+|deck)|cap-\d+)\b/)?.[1];
  return edition && id ? linesOf(edition, id) : null;
}

export function decisionOf(sentence: string, edition: Edition | null): Decision {
  const kind = KINDS.find(([re]) => re.test(sentence))?.[1] ?? 'note';
  const quoted = [...sentence.matchAll(/"([^"]+)"|«([^»]+)»/g)].map((m) => m[1] ?? m[2]!);
  return { kind, lines: linesNamed(sentence) ?? linesOfText(sentence, edition), message: sentence, evidence: quoted };
}

/** The findings file the draft will write beside the manifest. */
export const findingsFile = (page: string): string => `seeds/${page}.findings.json`;

/** The draft re-run for a seed text is the same every time: kept per page and text. */
const rerun = new Map<string, Findings>();

/** The draft's findings for a page: its findings file where there is one, else the draft re-run in memory. */
export function readFindings(root: string, page: string, seedText: string): Findings {
  const file = findingsFile(page);
  if (existsSync(join(root, file))) return parseJsonFile(readFileSync(join(root, file), 'utf8'), file, Findings);
  const key = `${page}\n${seedText}`;
  const known = rerun.get(key);
  if (known) return known;
  const found = redraft(page, seedText);
  rerun.set(key, found);
  return found;
}

function redraft(page: string, seedText: string): Findings {
  try {
    const seedFile = `seeds/${page}.txt`;
    const r = draftFromSeed(seedText, `${page}.txt`, seedFile);
    // Figure findings name the draft's paragraph ids: their lines are read from the draft's own edition.
    const manifestFile = seedFile.replace(/\.txt$/, '.manifest.json');
    const manifest = parseManifest(r.files.find((f) => f.path === manifestFile)!.content, manifestFile);
    const edition = buildEdition({ seedText, seedFile: `${page}.txt`, manifest, manifestFile });
    // The draft's decisions carry their lines and evidence; the desk's kinds are read from their wording.
    const read = (d: DraftDecision): Decision => {
      const sentence = describeDecision(d);
      const own = decisionOf(sentence, edition);
      return { ...own, lines: d.lines ?? own.lines, evidence: d.evidence.length ? d.evidence : own.evidence };
    };
    return { found: r.found.map(read), undecided: r.undecided.map(read) };
  } catch (e) {
    // The seed no longer drafts (a refused layout): say so as the one thing undecided.
    return { found: [], undecided: [{ kind: 'refused', lines: null, message: (e as Error).message, evidence: [] }] };
  }
}
