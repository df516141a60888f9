/**
 * One of the site's own JSON files (views, geography), or a rejection naming the URL and its
 * status. No imports: the story's first script and the embed pages share it.
 */
export async function fetchJson<T = unknown>(url: string): Promise<T> {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
  return (await r.json()) as T;
}
