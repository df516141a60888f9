/** An input problem: names the file and what is wrong with it. */
export class SeedError extends Error {
  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'SeedError';
  }
}
