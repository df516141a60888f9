/**
 * The story panel's blocks for every view (`.map-chrome`), fetched once from the partial
 * /views/{lang}/panels/ (`data-panels-url`): the story's HTML carries only the first view's,
 * without its Export and Embed tools, so that the first screen is the text and one map.
 *
 * Blocks already in the page stay (a reader may have focus in one); they only gain the tools
 * their fetched twin carries. The others are added hidden, in the partial's order.
 */

/** The fetched blocks, or a rejection naming the URL. */
async function fetchChromes(url: string): Promise<HTMLElement[]> {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
  // Our own build's markup, same origin; DOMParser runs no script of it.
  const doc = new DOMParser().parseFromString(await r.text(), 'text/html');
  const chromes = [...doc.querySelectorAll<HTMLElement>('.map-chrome[data-key]')];
  if (!chromes.length) throw new Error(`${url}: no .map-chrome blocks`);
  return chromes;
}

/**
 * Puts every view's block in `panel` (idempotent); resolves with the blocks that gained tools or
 * were added. The caller fetches once (story.ts keeps the promise, and drops it on failure).
 */
export async function loadMapPanels(panel: HTMLElement): Promise<HTMLElement[]> {
  const fetched = await fetchChromes(panel.dataset.panelsUrl ?? '');
  const changed: HTMLElement[] = [];
  let last = [...panel.querySelectorAll<HTMLElement>('.map-chrome[data-key]')].at(-1) ?? null;
  for (const incoming of fetched) {
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
