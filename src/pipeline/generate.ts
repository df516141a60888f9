import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Edition } from '../schema/edition.ts';
import type { Metrics } from '../schema/metrics.ts';
import { buildMetrics } from './extract/extract.ts';
import { parseFiguresFile } from './extract/figures-file.ts';
import { buildEdition } from './edition.ts';
import { parseManifest } from './manifest.ts';
import { restoreLine } from './restore-line.ts';
import { InputError } from '../schema/json-file.ts';
import { decodeSeed, seedLines } from './seed-file.ts';
import { toJson, writeFilesAtomically } from './write-atomic.ts';

const SEEDS = 'seeds';

/** The seed file and its manifest, read and checked. */
export function loadSeed(root: string, seedName: string) {
  const seedFile = `${SEEDS}/${seedName}`;
  const seedPath = join(root, seedFile);
  if (!existsSync(seedPath)) throw new InputError(seedFile, 'the seed file is missing');
  const seedText = decodeSeed(readFileSync(seedPath), seedFile);
  const manifestFile = seedFile.replace(/\.txt$/, '.manifest.json');
  const manifestPath = join(root, manifestFile);
  if (!existsSync(manifestPath)) throw new InputError(manifestFile, 'the manifest beside the seed is missing');
  const manifest = parseManifest(readFileSync(manifestPath, 'utf8'), manifestFile);
  if (manifest.seed !== seedName) throw new InputError(manifestFile, `describes "${manifest.seed}", not "${seedName}"`);
  return { seedText, seedFile, manifest, manifestFile };
}

/** The one edition page this site is built from: the manifest in seeds/. */
export function findSeedName(root: string): string {
  const dir = join(root, SEEDS);
  if (!existsSync(dir)) throw new InputError(SEEDS, 'the seeds folder is missing');
  const manifests = readdirSync(dir).filter((f) => f.endsWith('.manifest.json')).sort();
  if (manifests.length === 0) throw new InputError(SEEDS, 'no *.manifest.json beside a seed');
  if (manifests.length > 1) throw new InputError(SEEDS, `one page per site for now; found ${manifests.join(', ')}`);
  return manifests[0]!.replace(/\.manifest\.json$/, '.txt');
}

export function buildAll(root: string): { edition: Edition; metrics: Metrics } {
  const seedName = findSeedName(root);
  const edition = buildEdition(loadSeed(root, seedName));
  const notesFile = `${SEEDS}/${seedName.replace(/\.txt$/, '.figures.json')}`;
  if (!existsSync(join(root, notesFile))) throw new InputError(notesFile, 'the figure notes beside the seed are missing');
  const metrics = buildMetrics(edition, parseFiguresFile(readFileSync(join(root, notesFile), 'utf8'), notesFile), notesFile);
  return { edition, metrics };
}

/** Regenerates data/*.json; all files are written only when all were built without error. */
export function generateData(root: string): string[] {
  const { edition, metrics } = buildAll(root);
  const files = [
    { path: join(root, 'data/edition.json'), content: toJson(edition) },
    { path: join(root, 'data/metrics.json'), content: toJson(metrics) },
  ];
  writeFilesAtomically(files);
  return files.map((f) => f.path.slice(root.length + 1));
}

/** A seed's restored text for reading: the page in reading order when a manifest exists, else line by line. */
export function restoreForReading(seedPath: string): string {
  const manifestPath = seedPath.replace(/\.txt$/, '.manifest.json');
  const name = seedPath.split('/').at(-1)!;
  const text = decodeSeed(readFileSync(seedPath), seedPath);
  if (!existsSync(manifestPath)) {
    return seedLines(text)
      .map((l, i) => (l.trim() ? restoreLine(l, i + 1).text : null))
      .filter((t) => t !== null)
      .join('\n')
      .concat('\n');
  }
  const e = buildEdition({
    seedText: text,
    seedFile: name,
    manifest: parseManifest(readFileSync(manifestPath, 'utf8'), manifestPath),
    manifestFile: manifestPath,
  });
  const out = [e.pageHeader.text, e.editionMarker.text, ''];
  for (const a of e.articles) {
    out.push(`# ${a.headline?.text ?? `${a.place}（原版无标题）`}`, '');
    if (a.deck) out.push(a.deck.text, '');
    for (const p of a.paragraphs) out.push(p.text, '');
  }
  out.push('# 图片说明', '', ...e.captions.map((c) => c.text), '');
  return out.join('\n');
}
