/**
 * What the draft decided about a page, as data: each decision names its lines and the evidence
 * it weighed, so an editor (in the terminal or at the desk) can check it where it stands. A
 * decision it could not make with confidence goes to `undecided` with the same shape.
 */
export type DecisionKind =
  'header' | 'marker' | 'deck' | 'article' | 'split' | 'headline' | 'caption' | 'paragraph' | 'place' | 'damage' | 'figure' | 'layout';

export interface Decision {
  kind: DecisionKind;
  /** 1-based seed lines, inclusive; null where the decision is about no line (a page-wide count). */
  lines: [number, number] | null;
  message: string;
  evidence: string[];
}

export const decision = (kind: DecisionKind, lines: [number, number] | null, message: string, evidence: string[] = []): Decision => ({
  kind,
  lines,
  message,
  evidence,
});

/** A finding said in words only, with no lines to point at. */
export const fromText = (message: string): Decision => decision('layout', null, message);

export const lineSpan = (lines: [number, number] | null): string =>
  !lines ? '' : lines[0] === lines[1] ? `line ${lines[0]}` : `lines ${lines[0]}–${lines[1]}`;

/** One line for the terminal: where, what, and (in brackets) why. */
export const describeDecision = (d: Decision): string =>
  `${d.lines ? `${lineSpan(d.lines)}: ` : ''}${d.message}${d.evidence.length ? ` [${d.evidence.join('; ')}]` : ''}`;
