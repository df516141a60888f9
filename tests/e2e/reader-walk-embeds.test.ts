/**
 * The reader's walk through the embed pages: an embed page of each kind of map on a phone (390 px:
 * where WeChat and news apps show them), with its live map and its state switch; axe and the CSP
 * (reader-walk.ts).
 */
import { describe, it } from 'vitest';
import { DIST } from './harness.ts';
import { nginxSite } from './nginx.ts';
import { EMBED_PATHS, walkEmbeds } from './reader-walk.ts';

const site = nginxSite(DIST);

describe('an embed page of each kind of map, on a phone (390 px: where WeChat and news apps show them)', () => {
  it(`${EMBED_PATHS.join(', ')}: with its live map and its state switch`, () => walkEmbeds(site), 180_000);
});
