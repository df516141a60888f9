/**
 * Every tolerance the PDF reader decides by, in one place. Lengths are in ems of the text's own
 * size (a 9 pt line's em is 9 pt) unless named `_PT`; ratios compare a size with the page's body
 * size (the size that carries the most characters).
 */
export const TOLERANCES = {
  /** Two drawings of one string closer than this (both ways) are one run printed twice: a fake bold. */
  FAKE_BOLD_OFFSET_EM: 0.15,
  /** Runs whose baselines differ by less than this share a line. */
  BASELINE_EM: 0.3,
  /** A horizontal gap wider than this between runs on one baseline separates two columns' lines. */
  COLUMN_GAP_EM: 0.7,
  /** A gap wider than this between two ASCII letters or digits is a word space. */
  WORD_SPACE_EM: 0.2,
  /** Lines whose left edges are this close share an edge (a column's). */
  EDGE_PT: 2,
  /** A first line indented by more than this (and at most PARAGRAPH_INDENT_MAX_EM) opens a paragraph. */
  PARAGRAPH_INDENT_MIN_EM: 0.8,
  PARAGRAPH_INDENT_MAX_EM: 4,
  /** A line whose right edge stops further than this before its column's is not full (a paragraph's last line). */
  SHORT_LINE_EM: 1.0,
  /** Text this much larger than the body (or bold and HEADLINE_BOLD_RATIO larger) is a headline or figures block. */
  HEADLINE_RATIO: 1.25,
  HEADLINE_BOLD_RATIO: 1.1,
  /** Text this much smaller than the body is a caption (or another small line). */
  CAPTION_RATIO: 0.93,
  /** Lines of one block are at most this many of their own line heights apart. */
  BLOCK_GAP_LINES: 1.0,
  /** Reading order cuts the page where a gap this wide (across) or tall (down), in body ems, parts its blocks. */
  FLOW_GAP_X_EM: 0.5,
  FLOW_GAP_Y_EM: 0.3,
  /** A gap above a caption this many body lines tall is a picture's place. */
  PICTURE_GAP_LINES: 2,
  /** A figures block holds at least this many printed numbers and no full stop. */
  DECK_MIN_FIGURES: 3,
  /** An edition marker is a line of at most this many characters. */
  MARKER_MAX_CHARS: 16,
} as const;
