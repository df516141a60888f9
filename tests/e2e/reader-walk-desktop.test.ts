/**
 * The reader's walk at 1440 px: axe (WCAG 2.2 AA) and the CSP on the story in both languages
 * (English walked through its share of the maps), the data page, the reading view and the
 * gallery. The walk and its gates: reader-walk.ts.
 */
import { describe, it } from 'vitest';
import { DIST } from './harness.ts';
import { nginxSite } from './nginx.ts';
import { DESKTOP, walkDataPages, walkStory } from './reader-walk.ts';

const site = nginxSite(DIST);
// Both languages are one component: the walk through the maps is made in one language per
// width (Chinese on the phone, English on the desktop); each page is checked whole in both.
const walked = '/en/';

describe('a reader at 1440 px: axe (WCAG 2.2 AA) and the CSP', () => {
  for (const path of ['/', '/en/'])
    it(
      `story ${path}: ${path === walked ? 'its share of the story’s maps, ' : ''}a tooltip, the Export menu and the Embed dialog`,
      () => walkStory(site, DESKTOP, path, walked),
      180_000,
    );
  it('the data page (sorted and filtered), the reading view and the gallery', () => walkDataPages(site, DESKTOP), 120_000);
});
