import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Two projects (docs/quality-gates.md, "How the suite runs"):
 * - `unit` (tests/unit/): plain Node, no browser, no built site;
 * - `browser` (tests/e2e/): its globalSetup builds the site once and starts one Chromium that
 *   every browser test file connects to (harness.ts `launchBrowser()`).
 * All share one pool of MAX_WORKERS test files at a time, longest first (vitest orders files by
 * the durations of the last run), so unit files fill the gaps beside the long browser files.
 * `npx vitest run --project 'unit*'` runs the unit tests alone (no build, no Chromium);
 * `npx vitest run tests/e2e/story.test.ts` one file.
 */
// Two files at a time: the suite is CPU-bound on this 2-core machine (one browser file alone
// keeps both cores 80 % busy, most of it Chromium's GPU process drawing live maps in software),
// so a third only makes each Chromium page slower. VITEST_MAX_WORKERS overrides.
const MAX_WORKERS = Number(process.env.VITEST_MAX_WORKERS ?? 2);

/**
 * The files that take longest, longest first. Vitest starts files by the durations it recorded
 * last time, but a fresh clone has none and it falls back to file size, which would start the
 * short-to-read, long-to-run reader walk last and leave one worker idle at the end. An outdated
 * list only changes the order.
 */
const LONGEST = [
  'tests/e2e/story.test.ts',
  'tests/e2e/phone.test.ts',
  'tests/e2e/security.test.ts',
  'tests/e2e/embed-page.test.ts',
  'tests/e2e/reader-walk-desktop.test.ts',
  'tests/unit/data-cli.test.ts',
  'tests/e2e/export.test.ts',
  'tests/e2e/reader-walk-phone.test.ts',
  'tests/e2e/chrome-overlap.test.ts',
  'tests/e2e/reader-walk-embeds.test.ts',
  'tests/e2e/language.test.ts',
  'tests/e2e/print-ink.test.ts',
  'tests/e2e/keyboard.test.ts',
  'tests/e2e/desk.test.ts',
];

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (f: TestSpecification) => {
      const i = LONGEST.findIndex((name) => f.moduleId.endsWith(name));
      return i < 0 ? LONGEST.length : i;
    };
    return sorted
      .map((f, i) => ({ f, i }))
      .sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i)
      .map((x) => x.f);
  }
}

export default defineConfig({
  test: {
    // expect.poll's default (1 s) is a timing assumption a busy machine breaks; a state that
    // never comes still fails, after 10 s.
    expect: { poll: { timeout: 10_000 } },
    sequence: { sequencer: LongestFirst },
    // Both projects inherit these (extends: true): hooks build scratch copies, pack npm tarballs
    // and start servers, which takes long on a busy machine.
    testTimeout: 60_000,
    hookTimeout: 180_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          maxWorkers: MAX_WORKERS,
          // As the browser files: a worker keeps what it has imported (19 s → 11 s for the unit
          // files on 2 cores). No unit file mocks a module, and loadSiteData keeps each project
          // folder's data apart (the scratch projects of series*.test.ts and bench-scale.test.ts).
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/e2e/**/*.test.ts'],
          maxWorkers: MAX_WORKERS,
          // A worker keeps the modules it has imported from one browser file to the next
          // (playwright-core, the harness, src/): importing them afresh for each of ~30 files cost
          // about a second a file while the other worker waited. No browser test mocks a module
          // or keeps state between files (each starts its own servers in its hooks).
          isolate: false,
          globalSetup: ['tests/e2e/global-setup.ts'],
          // A failing test leaves its pages' screenshot, console and state in test-results/failures/.
          setupFiles: ['tests/e2e/failure-record.ts'],
        },
      },
    ],
  },
});
