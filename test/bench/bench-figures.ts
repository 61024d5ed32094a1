import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

/** One figure of a benchmark: the product's number, the raw baseline measured in the same run, their ratio and the goal. */
export interface BenchFigure {
  bench: string;
  figure: string;
  unit: string;
  product: number;
  baseline: number;
  /** product ÷ baseline, in the sense the goal states (e.g. "≤ 1.25"). */
  ratio: number;
  goal?: string;
}

/** Where figures are appended (JSON lines, one run after another, so a later run compares with an earlier one). */
export const BENCH_FIGURES_FILE = process.env.DUBAN_BENCH_FIGURES ?? path.resolve(__dirname, '../../dist/bench/figures.jsonl');

const round = (n: number) => Math.round(n * 100) / 100;

/** Prints `figure` as one line and appends it, stamped with the run's time, to BENCH_FIGURES_FILE. */
export function reportFigure(figure: BenchFigure): void {
  console.log(
    `${figure.bench} · ${figure.figure}: product ${round(figure.product)} ${figure.unit}, baseline ${round(figure.baseline)} ${figure.unit}, ` +
      `ratio ${figure.ratio.toFixed(2)}×${figure.goal ? ` (goal ${figure.goal})` : ''}`,
  );
  mkdirSync(path.dirname(BENCH_FIGURES_FILE), { recursive: true });
  appendFileSync(BENCH_FIGURES_FILE, `${JSON.stringify({ at: new Date().toISOString(), ...figure })}\n`);
}

/** The `q` quantile (0–1) of `samples`, nearest rank. */
export function quantile(samples: readonly number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
}
