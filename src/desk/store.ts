/**
 * The desk's only way to write: a set of files changed together, atomically (all or none:
 * src/pipeline/write-atomic.ts), only inside seeds/ and src/content/chapters/, with the previous
 * version of every file kept for one step of undo in `seeds/.<page>.desk-undo.json` (git-ignored),
 * so an undo survives a restart of the desk.
 */
import { existsSync, lstatSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { dirname, isAbsolute, join, normalize, relative, sep } from 'node:path';
import { z } from 'zod';
import { toJson, writeFilesAtomically } from '../pipeline/write-atomic.ts';
import { parseJsonFile } from '../schema/json-file.ts';
import { CHAPTERS_DIR } from '../schema/paths.ts';
import { DeskError } from './desk-error.ts';

/** The folders the desk may write in, relative to the project. */
export const WRITABLE = ['seeds', CHAPTERS_DIR];

/** A file's new text, or null to remove it. */
export interface Change {
  path: string;
  content: string | null;
}

const UndoRecord = z.object({
  /** What the undone action was, for the editor. */
  label: z.string(),
  files: z.array(z.object({ path: z.string(), content: z.string().nullable() })),
});
type UndoRecord = z.infer<typeof UndoRecord>;

export const undoFile = (page: string): string => `seeds/.${page}.desk-undo.json`;

/** The absolute path of a project-relative path the desk may write, or a refusal naming it. */
export function writablePath(root: string, path: string): string {
  const clean = normalize(path);
  if (isAbsolute(path) || clean.startsWith('..') || clean.includes('\0'))
    throw new DeskError('forbidden', `${path}: not a path inside the project`);
  const folder = WRITABLE.find((d) => clean.startsWith(`${d}${sep}`));
  if (!folder) throw new DeskError('forbidden', `${path}: the desk writes only inside ${WRITABLE.join('/ and ')}/`);
  const abs = join(root, clean);
  // A link inside the folder must not lead out of it: the nearest existing ancestor resolves inside.
  let probe = abs;
  while (!existsSync(probe)) probe = dirname(probe);
  const real = realpathSync(probe);
  const base = realpathSync(join(root, folder));
  if (real !== base && !real.startsWith(`${base}${sep}`)) throw new DeskError('forbidden', `${path}: leads outside ${folder}/`);
  if (existsSync(abs) && lstatSync(abs).isSymbolicLink()) throw new DeskError('forbidden', `${path}: a symbolic link; not written`);
  return abs;
}

const readOrNull = (abs: string): string | null => (existsSync(abs) ? readFileSync(abs, 'utf8') : null);

/** Writes the changes together, keeping what each file held before as the page's one step of undo. */
export function commit(root: string, page: string, label: string, changes: Change[]): void {
  const targets = changes.map((c) => ({ ...c, abs: writablePath(root, c.path) }));
  const undo: UndoRecord = { label, files: targets.map((c) => ({ path: c.path, content: readOrNull(c.abs) })) };
  writeFilesAtomically([
    { path: writablePath(root, undoFile(page)), content: toJson(undo) },
    ...targets.filter((c) => c.content !== null).map((c) => ({ path: c.abs, content: c.content! })),
  ]);
  for (const c of targets) if (c.content === null) rmSync(c.abs, { force: true });
}

/** What the page's undo would revert, or null. */
export function pendingUndo(root: string, page: string): string | null {
  const abs = join(root, undoFile(page));
  if (!existsSync(abs)) return null;
  try {
    return parseJsonFile(readFileSync(abs, 'utf8'), undoFile(page), UndoRecord).label;
  } catch {
    return null;
  }
}

/** Puts back the files as they were before the last action; the undo is then spent. */
export function undo(root: string, page: string): string {
  const file = undoFile(page);
  const abs = writablePath(root, file);
  if (!existsSync(abs)) throw new DeskError('value', 'nothing to undo');
  const record = parseJsonFile(readFileSync(abs, 'utf8'), file, UndoRecord);
  const targets = record.files.map((f) => ({ ...f, abs: writablePath(root, f.path) }));
  writeFilesAtomically(targets.filter((f) => f.content !== null).map((f) => ({ path: f.abs, content: f.content! })));
  for (const f of targets) if (f.content === null) rmSync(f.abs, { force: true });
  rmSync(abs, { force: true });
  return record.label;
}

export const relativeTo = (root: string, abs: string): string => relative(root, abs);
