/**
 * docs/labels.md (issue 22, item 4) shows the labels the rule drafts today: the committed table
 * equals a fresh render (the judge column is carried over by the script itself).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LABELS_DOC, labelRows, renderLabelsDoc } from '../../scripts/labels-side-by-side.ts';

describe('docs/labels.md', () => {
  it('lists every figure of page ①, in the notes’ order, with the label drafted today', async () => {
    const { rows } = labelRows(process.cwd());
    expect(rows).toHaveLength(109);
    expect(readFileSync(LABELS_DOC, 'utf8')).toBe(await renderLabelsDoc(process.cwd()));
  });
});
