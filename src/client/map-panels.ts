/**
 * The story panel's blocks for every view (`.map-chrome`), fetched once from the partial
 * /views/{lang}/panels/ (`data-panels-url`): the story's HTML carries only the first view's,
 * without its Export and Embed tools, so that the first screen is the text and one map.
 *
 * Blocks already in the page stay (a reader may have focus in one); they only gain the tools
 * their fetched twin carries. The others are added hidden, in the partial's order.
 *
 * The partial is ~200 KB of HTML (13 views, each with its tools): parsed whole, it was one task
 * of ~250 ms on the throttled phone profile, before any input. It is parsed a block per task
 * instead, each after `nextSlice()` (the story: at idle, or a task boundary once a step needs a
 * block), so that none blocks a tap.
 */

/** Where each block of the partial begins: every top-level element is one (panels.astro renders nothing else). */
const BLOCK_START = '<div class="map-chrome"';

/** The partial's text cut before each block: one HTML string per view, in order. */
export function splitBlocks(html: string): string[] {
  const starts: number[] = [];
  for (let at = html.indexOf(BLOCK_START); at >= 0; at = html.indexOf(BLOCK_START, at + 1)) starts.push(at);
  return starts.map((start, i) => html.slice(start, starts[i + 1]));
}

/** One block's element, parsed on its own; null if the piece is not exactly one block. */
function parseBlock(piece: string): HTMLElement | null {
  // Our own build's markup, same origin; DOMParser runs no script of it.
  const blocks = new DOMParser().parseFromString(piece, 'text/html').querySelectorAll<HTMLElement>('.map-chrome[data-key]');
  return blocks.length === 1 ? blocks[0]! : null;
}

/**
 * Puts every view's block in `panel` (idempotent), one block a slice; resolves with the blocks
 * that gained tools or were added, or rejects naming the URL. The caller fetches once (story.ts
 * keeps the promise, and drops it on failure).
 */
export async function loadMapPanels(panel: HTMLElement, nextSlice: () => Promise<void>): Promise<HTMLElement[]> {
  const url = panel.dataset.panelsUrl ?? '';
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
  const pieces = splitBlocks(await r.text());
  if (!pieces.length) throw new Error(`${url}: no .map-chrome blocks`);
  const changed: HTMLElement[] = [];
  let last = [...panel.querySelectorAll<HTMLElement>('.map-chrome[data-key]')].at(-1) ?? null;
  for (const piece of pieces) {
    await nextSlice();
    const incoming = parseBlock(piece);
    if (!incoming) throw new Error(`${url}: a block that does not parse as one .map-chrome`);
    const key = incoming.dataset.key!;
    const present = panel.querySelector<HTMLElement>(`.map-chrome[data-key="${CSS.escape(key)}"]`);
    if (present) {
      const tools = incoming.querySelector('.map-tools');
      if (tools && !present.querySelector('.map-tools')) {
        present.append(document.adoptNode(tools));
        changed.push(present);
      }
      last = present;
      continue;
    }
    const block = document.adoptNode(incoming);
    block.hidden = true;
    if (last) last.after(block);
    else panel.prepend(block);
    last = block;
    changed.push(block);
  }
  return changed;
}
