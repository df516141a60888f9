import type { Metric } from '../schema/metrics.ts';

export interface MarkedPart {
  text: string;
  /** The metric this piece of text is the printed figure of. */
  metric?: string;
  /** Anchor id for the figure (the metric's own place, or a repeat of it). */
  anchor?: string;
  unreadable?: boolean;
}
export interface MarkedSentence {
  parts: MarkedPart[];
}

interface Span {
  start: number;
  end: number;
  metric?: string;
  anchor?: string;
  unreadable?: boolean;
}

/**
 * Splits a paragraph into sentences and marks every extracted figure in it, found through
 * its quote, so a reader can see what was and wasn't read as data.
 */
export function markFigures(
  paragraphId: string,
  text: string,
  metrics: Metric[],
  unreadable: Array<{ paragraph: string; raw: string; quote: string }>,
): MarkedSentence[] {
  const spans: Span[] = [];
  const locate = (quote: string, raw: string) => {
    const q = text.indexOf(quote);
    if (q < 0) throw new Error(`${paragraphId}: quote "${quote}" not found`);
    let from = q;
    for (;;) {
      const r = text.indexOf(raw, from);
      if (r < 0 || r > q + quote.length) throw new Error(`${paragraphId}: "${raw}" not in its quote`);
      if (!spans.some((s) => s.start < r + raw.length && r < s.end)) return r;
      from = r + 1;
    }
  };
  for (const m of metrics) {
    if (m.paragraph === paragraphId) {
      const r = locate(m.quote, m.raw);
      spans.push({ start: r, end: r + m.raw.length, metric: m.id, anchor: `fig-${m.id}` });
    }
    m.mentions.forEach((x, i) => {
      if (x.paragraph !== paragraphId) return;
      const r = locate(x.quote, m.raw);
      spans.push({ start: r, end: r + m.raw.length, metric: m.id, anchor: `fig-${m.id}-again-${i + 1}` });
    });
  }
  for (const u of unreadable.filter((x) => x.paragraph === paragraphId)) {
    const r = locate(u.quote, u.raw);
    spans.push({ start: r, end: r + u.raw.length, unreadable: true });
  }
  spans.sort((a, b) => a.start - b.start);

  const sentences: MarkedSentence[] = [];
  let current: MarkedPart[] = [];
  let i = 0;
  const pushText = (t: string) => {
    // A sentence ends after 。！？ (and a closing quote that follows it).
    for (const piece of t.split(/(?<=[。！？][”’]?)/)) {
      if (!piece) continue;
      current.push({ text: piece });
      if (/[。！？][”’]?$/.test(piece)) {
        sentences.push({ parts: current });
        current = [];
      }
    }
  };
  for (const s of spans) {
    pushText(text.slice(i, s.start));
    current.push({ text: text.slice(s.start, s.end), metric: s.metric, anchor: s.anchor, unreadable: s.unreadable });
    i = s.end;
  }
  pushText(text.slice(i));
  if (current.length) sentences.push({ parts: current });
  return sentences;
}
