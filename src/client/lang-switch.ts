/**
 * The language switch keeps the reader's place: its link to the other language's page carries
 * the place being read — a story chapter (`/en/#lanxian`), a section or article of the data page
 * (`/en/data/#fulltext`): the elements marked `data-lang-place`. Both languages give places,
 * paragraphs, captions and table rows the same ids, so the fragment lands on the same text.
 *
 * The switch sits in the masthead, so a reader scrolls back up to reach it, passing through
 * the chapters above (and the story client rewrites the address's #chapter as they go). The
 * place is therefore the chapter the reader last STOPPED on below the masthead (or the
 * #fragment the page was opened at, or a chapter link followed), not the one under the
 * reading line at the moment of the click, unless the masthead is out of view then (a
 * switch that stays on screen). Without JavaScript the link leads to the top of the other page.
 */

/**
 * Where on the screen a place counts as the one being read: the story's trigger line
 * (`--story-trigger`, as scroll-steps.ts reads it), 0.55 elsewhere. Read here, not imported: an
 * import would split the story's first script into a chain of files, a round trip each on a
 * slow network (the bench's LCP figure).
 */
const READING_LINE = 0.55;
function readingLine(main: Element | null): number {
  const css = main ? parseFloat(getComputedStyle(main).getPropertyValue('--story-trigger')) : NaN;
  return (css > 0 && css < 1 ? css : READING_LINE) * window.innerHeight;
}

/** How long the page must rest before the chapter under the reading line counts as read. */
const SETTLE_MS = 500;

const links = [...document.querySelectorAll<HTMLAnchorElement>('a[data-lang-switch]')];
const places = [...document.querySelectorAll<HTMLElement>('[data-lang-place][id]')];
// The bar the switch sits in at the top of the page (story masthead, data page's nav).
const masthead = document.querySelector<HTMLElement>('.story-masthead, .data-nav');
// The story's layout sets its reading line (`--story-trigger`); other pages use the default.
const main = document.querySelector('main.story');

/** The place (chapter, section) under the reading line, if the masthead is out of view (else the reader is at the top). */
function placeInView(): string | null {
  if (masthead && masthead.getBoundingClientRect().bottom > 0) return null;
  const line = readingLine(main);
  let current: HTMLElement | null = null;
  for (const place of places) if (place.getBoundingClientRect().top <= line) current = place;
  return current?.id ?? null;
}

/** A #fragment, if it names an element of the page (the other language has the same ids). */
function fragment(hash = location.hash): string | null {
  const id = decodeURIComponent(hash.slice(1));
  return id && document.getElementById(id) ? id : null;
}

/**
 * Makes the switch links keep the reader's place. `openedHash`: the address's #fragment as the
 * page was opened, read by the caller before the load event — from then on the story client
 * rewrites it to the active chapter (#opening even at the very top, on a desktop).
 */
export function keepPlaceOnSwitch(openedHash: string): void {
  if (!links.length) return;
  const bases = new Map(links.map((a) => [a, (a.getAttribute('href') ?? '/').replace(/#.*$/, '')]));
  let place: string | null = null;
  const write = (id: string | null) => {
    for (const [a, base] of bases) a.setAttribute('href', id ? `${base}#${encodeURIComponent(id)}` : base);
  };
  const remember = (id: string | null) => {
    if (id === null) return;
    place = id;
    write(place);
  };

  // Opened at a #fragment (the browser scrolls there by the load event), or mid-page on reload.
  let target: HTMLElement | null = null;
  const opened = () => {
    const id = fragment(openedHash);
    target = id ? document.getElementById(id) : null;
    remember(id ?? placeInView());
  };
  if (document.readyState === 'complete') opened();
  else addEventListener('load', opened, { once: true });
  /**
   * The element the page was opened at, while its start is still on screen: the browser's own
   * scrolling (to the fragment, or keeping the text in place as late content lays out) is no
   * reader moving on, and a figure's sentence is a finer place than the section around it.
   */
  const openedTargetInView = (): string | null => {
    const top = target?.getBoundingClientRect().top;
    // Scrolled to, an element's top can sit a fraction of a pixel above the screen's (the page
    // scrolls by whole pixels, the text lays out in fractions): still its start on screen.
    if (top === undefined || top <= -1 || top >= innerHeight) target = null;
    return target?.id ?? null;
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  addEventListener(
    'scroll',
    () => {
      clearTimeout(timer);
      timer = setTimeout(() => remember(openedTargetInView() ?? placeInView()), SETTLE_MS);
    },
    { passive: true },
  );
  // A chapter link of the masthead, or a #fragment typed in.
  addEventListener('hashchange', () => remember(fragment()));
  // Followed by click, tap, keyboard or middle click: a switch still on screen mid-chapter goes there.
  const now = () => write(placeInView() ?? place);
  for (const a of links) for (const type of ['pointerdown', 'click'] as const) a.addEventListener(type, now);
}
