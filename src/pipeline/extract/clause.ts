const CLAUSE_END = /[，。；：！？;,]/;

/** The clause of `text` around [start, end): from the previous clause mark to the next one, inclusive of closing quotes. */
export function clauseAround(text: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && !CLAUSE_END.test(text[from - 1]!)) from--;
  let to = end;
  while (to < text.length && !CLAUSE_END.test(text[to]!)) to++;
  return text.slice(from, to).replace(/^[”’」]+/, '');
}
