/**
 * Smaller path data for the page's fallback SVGs (/maps/{lang}/{key}.svg): every vertex rounded
 * to the whole unit of the 800 × 1000 viewBox (≤ 0.5 unit off, a quarter of a CSS pixel on a
 * phone), then written as relative moves with the command letter implied. The overview map went
 * from 100 KB (32 KB gzip) to ~40 KB (11 KB gzip): it is the first screen's largest image, so its
 * bytes are the story's Largest Contentful Paint on a phone. Print SVGs keep full precision.
 */

/** `M x,y L x,y … Z` (absolute M/L/Z only) as rounded relative data; anything else unchanged. */
export function compactPath(d: string): string {
  if (/[^MLZmlz\d\s,.eE+-]/.test(d) || /[mlz]/.test(d)) return d;
  let out = '';
  let x = 0;
  let y = 0;
  let last = '';
  for (const [, cmd, args] of d.matchAll(/([MLZ])([^MLZ]*)/g)) {
    if (cmd === 'Z') {
      out += 'z';
      last = 'z';
      continue;
    }
    const nums = args!
      .trim()
      .split(/[\s,]+/)
      .map(Number);
    if (nums.length !== 2 || nums.some((n) => !Number.isFinite(n))) return d;
    const nx = Math.round(nums[0]!);
    const ny = Math.round(nums[1]!);
    if (cmd === 'M') {
      out += `M${nx} ${ny}`;
      last = 'M';
    } else {
      const dx = nx - x;
      const dy = ny - y;
      if (dx === 0 && dy === 0) continue; // a vertex that rounds onto the one before
      // After M (its implied pairs are absolute) or z, say `l`; after an `l` pair the letter is implied.
      const pair = `${dx}${dy < 0 ? '' : ' '}${dy}`;
      out += last === 'l' ? `${dx < 0 ? '' : ' '}${pair}` : `l${pair}`;
      last = 'l';
    }
    x = nx;
    y = ny;
  }
  return out;
}

/** Every `d="…"` of an SVG document compacted. */
export function compactSvgPaths(svg: string): string {
  return svg.replace(/ d="([^"]*)"/g, (_, d: string) => ` d="${compactPath(d)}"`);
}
