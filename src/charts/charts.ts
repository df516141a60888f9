/** The story's charts by the id a chapter names them with (chapter-schema.ts). */
import type { Metric } from '../schema/metrics.ts';
import type { Lang } from '../i18n/lang.ts';
import type { Chart } from './chart.ts';
import { incidenceFallChart } from './incidence-fall.ts';
import { trainingChart } from './training.ts';

export const CHARTS = {
  'incidence-fall': incidenceFallChart,
  training: trainingChart,
} as const satisfies Record<string, (metrics: Map<string, Metric>, lang: Lang) => Chart>;

export type ChartId = keyof typeof CHARTS;
export const CHART_IDS = Object.keys(CHARTS) as ChartId[];
