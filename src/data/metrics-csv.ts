/**
 * metrics.csv: its columns, defined once. The CSV writer (src/pages/data/metrics.csv.ts) and the
 * data page's codebook both read METRIC_CSV_COLUMNS, so the file and its documentation cannot
 * drift; every column needs a description in src/data/codebook.ts (the type checker says so).
 *
 * Written for spreadsheets as much as for code: RFC 4180 (CRLF after every record, quotes only
 * where needed), UTF-8 with a BOM, and no cell a spreadsheet would turn into a date: a fraction
 * is written as a decimal plus a text form ("1 in 7"), a range as its low and high ends.
 */
import type { Metric } from '../schema/metrics.ts';
import { placeName } from '../views/places.ts';

/** What a reader (or a type-inferring tool) should find in a column. */
/** 'date' is the one column meant to be read as a date (ISO 8601: 2019-12-31, 2020-06 or 2016). */
export type CsvCellType = 'text' | 'integer' | 'decimal' | 'code' | 'date';

export interface CsvColumn {
  readonly name: string;
  readonly type: CsvCellType;
  /** The cell of one figure; '' when the figure has none. */
  cell(m: Metric): string;
}

const num = (x: number | null | undefined): string => (x === null || x === undefined ? '' : String(x));
/** Six decimals are enough to tell any printed fraction apart; the text form carries the exact one. */
const decimal = (x: number): string => String(Number(x.toFixed(6)));

/**
 * The columns, in file order. To add a field of a metric to the CSV, add one entry here and its
 * description in src/data/codebook.ts.
 */
export const METRIC_CSV_COLUMNS = [
  { name: 'page', type: 'text', cell: (m) => m.page ?? '' },
  { name: 'draft', type: 'text', cell: (m) => (m.draft ? 'draft' : '') },
  { name: 'id', type: 'text', cell: (m) => m.id },
  { name: 'region', type: 'code', cell: (m) => m.region },
  { name: 'region_zh', type: 'text', cell: (m) => placeName(m.region, 'zh') },
  { name: 'region_en', type: 'text', cell: (m) => placeName(m.region, 'en') },
  { name: 'topic', type: 'text', cell: (m) => m.topic },
  { name: 'label_zh', type: 'text', cell: (m) => m.label.zh },
  { name: 'label_en', type: 'text', cell: (m) => m.label.en },
  { name: 'value', type: 'decimal', cell: (m) => (m.range ? '' : num(m.value)) },
  { name: 'range_low', type: 'decimal', cell: (m) => num(m.range?.low) },
  { name: 'range_high', type: 'decimal', cell: (m) => num(m.range?.high) },
  { name: 'unit', type: 'text', cell: (m) => m.unit },
  { name: 'qualifier', type: 'text', cell: (m) => m.qualifier ?? '' },
  { name: 'counted_zh', type: 'text', cell: (m) => m.counted?.zh ?? '' },
  { name: 'counted_en', type: 'text', cell: (m) => m.counted?.en ?? '' },
  { name: 'basis_per', type: 'text', cell: (m) => m.basis?.per ?? '' },
  { name: 'basis_every', type: 'text', cell: (m) => m.basis?.every ?? '' },
  { name: 'fraction_decimal', type: 'decimal', cell: (m) => (m.fraction ? decimal(m.fraction.numerator / m.fraction.denominator) : '') },
  { name: 'fraction_text', type: 'text', cell: (m) => (m.fraction ? `${m.fraction.numerator} in ${m.fraction.denominator}` : '') },
  { name: 'raw', type: 'text', cell: (m) => spreadsheetSafeText(m.raw) },
  { name: 'period', type: 'text', cell: (m) => m.period ?? '' },
  { name: 'period_en', type: 'text', cell: (m) => m.periodEn ?? '' },
  { name: 'as_of', type: 'date', cell: (m) => m.asOf ?? '' },
  { name: 'restates', type: 'text', cell: (m) => m.restates ?? '' },
  { name: 'rounded', type: 'text', cell: (m) => (m.restates ? String(m.rounded) : '') },
  { name: 'part_of', type: 'text', cell: (m) => m.partOf ?? '' },
  { name: 'change_pair', type: 'text', cell: (m) => m.change?.pair ?? '' },
  { name: 'change_role', type: 'text', cell: (m) => m.change?.role ?? '' },
  { name: 'paragraph', type: 'text', cell: (m) => m.paragraph },
  { name: 'quote', type: 'text', cell: (m) => m.quote },
] as const satisfies readonly CsvColumn[];

export type MetricCsvColumnName = (typeof METRIC_CSV_COLUMNS)[number]['name'];

/** U+2044 FRACTION SLASH: looks like the printed slash, and no spreadsheet reads it as a date separator. */
export const FRACTION_SLASH = '\u2044';

/**
 * A printed figure such as 1/7 is a date to LibreOffice and Excel (2026-01-07). Its slash is
 * written as the fraction slash, which reads the same; metrics.json keeps the ASCII slash.
 */
export function spreadsheetSafeText(raw: string): string {
  return /^\s*\d+\s*\/\s*\d+\s*$/.test(raw) ? raw.replace('/', FRACTION_SLASH) : raw;
}

/** One RFC 4180 field: quoted when it holds a quote, comma or line break, quotes doubled. */
function field(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** The whole file: BOM (so spreadsheets read the Chinese as UTF-8), header, one record per figure, CRLF after each. */
export function metricsCsv(metrics: readonly Metric[], columns: readonly CsvColumn[] = METRIC_CSV_COLUMNS): string {
  const records = [columns.map((c) => c.name), ...metrics.map((m) => columns.map((c) => c.cell(m)))];
  for (const [i, r] of records.entries()) {
    const bad = r.findIndex((s) => /[\r\n]/.test(s));
    if (bad >= 0) throw new Error(`metrics.csv: record ${i} column ${columns[bad]!.name} holds a line break; clean it in the data first`);
  }
  return `\uFEFF${records.map((r) => r.map(field).join(',')).join('\r\n')}\r\n`;
}
