/**
 * The dataset's release, defined once: the data page's citation, the downloads' documentation
 * (docs/data.md) and anyone citing the figures use it. Bump it whenever a download's content
 * changes (data/ regenerated, a CSV column added or changed): minor for added columns or
 * figures, major for a changed meaning, patch for corrections.
 */
export const DATASET_RELEASE = { version: '1.0.0', date: '2026-11-30' } as const;

/**
 * Licence of what this site made: the figures as data, the codebook and the English translation.
 * The URL is only ever a link for the reader (`<a rel="license">` on the data page), never
 * fetched: the site loads nothing from another origin (the reader walk checks every request).
 */
export const DATASET_LICENCE = { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' } as const;
