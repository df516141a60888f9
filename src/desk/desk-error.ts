/**
 * A request the desk refuses, with what to do about it; nothing is written. `kind` says which:
 * a split that cannot be made, a value the schemas refuse, a page changed since it was shown,
 * a request from elsewhere, a path outside the desk's folders.
 */
export type DeskErrorKind = 'split' | 'value' | 'stale' | 'build' | 'forbidden' | 'not-found' | 'bad-request';

export class DeskError extends Error {
  constructor(
    readonly kind: DeskErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'DeskError';
  }

  /** The HTTP status the desk answers with. */
  get status(): number {
    return { forbidden: 403, 'not-found': 404, stale: 409, 'bad-request': 400 }[this.kind as string] ?? 422;
  }
}
