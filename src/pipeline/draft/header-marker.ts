/**
 * The page's edition marker (全国扶贫日·专刊②) and header (a slogan line), wherever the page
 * prints them and whether the extractor doubled them or not; and the check that every other line
 * carries the doubling this reader undoes.
 */
import { countiesNamedIn } from '../../geo/divisions.ts';
import { decision, lineSpan, type Decision } from './decisions.ts';
import { CITY_WORDS, CLAUSE_MARK, MARKER, TOLERANCE, type PageLine } from './page-lines.ts';
import { LayoutError } from './layout-error.ts';

export interface HeaderAndMarker {
  marker: PageLine;
  header: PageLine | null;
  found: Decision[];
  undecided: Decision[];
}

const list = (ls: PageLine[]) => ls.map((l) => `${l.n} «${l.text.slice(0, 16)}»`).join(', ');

/** A slogan: two or more phrases set apart by spaces, no punctuation, no place. */
function sloganShaped(l: PageLine): boolean {
  const phrases = l.r.printedOnce ? l.text.split(/\s+/) : l.r.pieces;
  return (
    phrases.length >= 2 &&
    phrases.every((p) => p.length >= 3) &&
    !/[，。；、：:“”"\d]/.test(l.text) &&
    countiesNamedIn(l.text).length === 0 &&
    !CITY_WORDS.test(l.text)
  );
}

export function findHeaderAndMarker(lines: PageLine[], seedFile: string): HeaderAndMarker {
  const found: Decision[] = [];
  const undecided: Decision[] = [];
  const short = lines.filter((l) => l.width < TOLERANCE.markerWidth && !CLAUSE_MARK.test(l.text));
  const markers = short.filter((l) => MARKER.test(l.text));
  const named = markers.filter((l) => /专刊/.test(l.text));
  const candidates = named.length ? named : markers;
  if (candidates.length === 0)
    throw new LayoutError(
      seedFile,
      `no edition marker found: looked for a short line naming 专刊 or a circled number (like 全国扶贫日·专刊②) among the page's short lines ${list(short.slice(0, 12))}${short.length > 12 ? '…' : ''}; name it in a manifest by hand`,
    );
  if (candidates.length > 1)
    throw new LayoutError(seedFile, `several lines could be the edition marker: ${list(candidates)}; name it in a manifest by hand`);
  const marker = candidates[0]!;
  found.push(
    decision('marker', [marker.n, marker.n], `edition marker «${marker.text}»`, [
      marker.r.printedOnce ? 'printed once' : 'doubled',
      'short line naming 专刊',
    ]),
  );

  const once = lines.filter((l) => l.r.printedOnce && l !== marker);
  const headerOnce = once.filter((l) => l.width < TOLERANCE.markerWidth + 4 && !CLAUSE_MARK.test(l.text));
  const stray = once.filter((l) => !headerOnce.includes(l) || headerOnce.length > 1);
  if (stray.length > 2 && stray.length > lines.length / 10)
    throw new LayoutError(
      seedFile,
      `${stray.length} lines are not doubled run by run (${list(stray.slice(0, 6))}…): this text is not the extraction the text draft reads (a whole line printed twice, as pdftotext -raw gives, is not undoubled here); draft from the PDF itself (npm run draft -- seeds/<name>.pdf) or name the layout in a manifest by hand`,
    );
  if (stray.length)
    throw new LayoutError(
      seedFile,
      `could not undouble line(s) ${stray.map((l) => l.n).join(', ')}: only the page header and the edition marker may be printed once; mend those lines or write the manifest by hand`,
    );
  let header = headerOnce[0] ?? null;
  if (header) found.push(decision('header', [header.n, header.n], `page header «${header.text}»`, ['the one text line printed once']));
  else {
    // A doubled header: a slogan at the page's top or bottom, or beside the marker.
    const edge = [lines[0], lines.at(-1), lines[lines.indexOf(marker) - 1], lines[lines.indexOf(marker) + 1]];
    const slogans = lines.filter((l) => l !== marker && edge.includes(l) && sloganShaped(l));
    if (slogans.length === 1) {
      header = slogans[0]!;
      found.push(
        decision('header', [header.n, header.n], `page header «${header.text}»`, [
          'doubled like the text',
          'phrases set apart by spaces, no punctuation, no place',
          lines[0] === header ? 'the page’s first line' : lines.at(-1) === header ? 'the page’s last line' : 'beside the marker',
        ]),
      );
    } else
      (slogans.length ? undecided : found).push(
        decision(
          'header',
          null,
          slogans.length ? 'no page header decided; the slogan-shaped lines are read as captions' : 'no page header',
          [
            slogans.length
              ? `${slogans.length} slogan-shaped lines (${slogans.map((l) => lineSpan([l.n, l.n])).join(', ')}), none alone`
              : 'no line printed once, no slogan-shaped line at the page’s edge',
          ],
        ),
      );
  }
  return { marker, header, found, undecided };
}
