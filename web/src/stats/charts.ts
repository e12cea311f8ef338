import type { BarSeriesOption } from 'echarts/charts';
import type { GridComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption, EChartsType } from 'echarts/core';
import { el, uniqueId } from '../ui/dom';
import { st } from './words';

/**
 * Bar charts drawn by Apache ECharts (the parts in chart-engine.ts only).
 * Every chart is a <figure>: the drawing is one image with a text summary for
 * screen readers, and its figures are also in a table under it. A suppressed
 * value (fewer than 5 cases) is drawn as a short dashed outline and said in
 * words, never as a number.
 */

type ChartEngine = typeof import('./chart-engine');
let engine: Promise<ChartEngine> | undefined;
const loadEngine = () => (engine ??= import('./chart-engine'));
// Fetched at once, alongside the page's data; a failure shows when a chart is drawn.
loadEngine().catch(() => undefined);

export interface Bar {
  label: string;
  /** null: suppressed. */
  value: number | null;
}

export interface ChartOptions {
  title: string;
  bars: readonly Bar[];
  format: (value: number) => string;
  /** The axis maximum; defaults to the largest value. */
  max?: number;
}

type ChartOption = ComposeOption<BarSeriesOption | GridComponentOption | TooltipComponentOption>;
type Kind = 'horizontal' | 'columns';

const valueText = (bar: Bar, format: (value: number) => string) => (bar.value === null ? st('fewerThanFive') : format(bar.value));

function dataTable(options: ChartOptions): HTMLElement {
  return el(
    'details',
    { class: 'chart-data' },
    el('summary', {}, st('showData')),
    el(
      'table',
      {},
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, st('columnName')), el('th', { scope: 'col' }, st('columnValue')))),
      el('tbody', {}, ...options.bars.map((bar) => el('tr', {}, el('th', { scope: 'row' }, bar.label), el('td', {}, valueText(bar, options.format))))),
    ),
  );
}

function axisMax(options: ChartOptions): number {
  return options.max ?? Math.max(1, ...options.bars.map((bar) => bar.value ?? 0));
}

/** The page's own colours and fonts (styles.css), so the charts match the rest of the page. */
function pageLook(area: HTMLElement) {
  const root = getComputedStyle(document.documentElement);
  const colour = (name: string, fallback: string) => root.getPropertyValue(name).trim() || fallback;
  return {
    ink: colour('--ink', '#1f2933'),
    muted: colour('--muted', '#52606d'),
    line: colour('--line', '#cbd2d9'),
    primary: colour('--primary', '#0b5394'),
    fontFamily: getComputedStyle(area).fontFamily || 'sans-serif',
  };
}

/**
 * The ECharts option for a chart `width` pixels wide. Narrow screens get
 * narrower category labels (cut with an ellipsis; the full name is in the
 * tooltip and the table) and smaller text.
 */
function chartOption(options: ChartOptions, kind: Kind, width: number, area: HTMLElement): ChartOption {
  const look = pageLook(area);
  const narrow = width < 480;
  const fontSize = narrow ? 11 : 13;
  const max = axisMax(options);
  const labelWidth = Math.round(Math.min(240, width * 0.38));
  const rightMargin = narrow ? 72 : 96;
  // A suppressed bar has no value to draw: an outline about 20 px long (12 px tall in columns) stands in for it.
  const placeholder = kind === 'horizontal' ? (max * 20) / Math.max(60, width - labelWidth - rightMargin) : max * 0.06;
  const data = options.bars.map((bar) =>
    bar.value === null
      ? { value: placeholder, itemStyle: { color: 'transparent', borderColor: look.muted, borderType: 'dashed' as const, borderWidth: 1.5 } }
      : { value: bar.value },
  );
  const labels = options.bars.map((bar) => bar.label);
  const shownValue = (index: number) => {
    const bar = options.bars[index];
    return bar ? (bar.value === null && kind === 'columns' ? '<5' : valueText(bar, options.format)) : '';
  };
  const categoryAxis = {
    type: 'category' as const,
    data: labels,
    axisTick: { show: false },
    axisLine: { lineStyle: { color: look.line } },
    axisLabel: { color: look.ink, fontSize, interval: 0 },
  };
  const valueAxis = { type: 'value' as const, min: 0, max, show: false };
  const series: BarSeriesOption = {
    type: 'bar',
    data,
    itemStyle: { color: look.primary, borderRadius: kind === 'horizontal' ? [0, 3, 3, 0] : [3, 3, 0, 0] },
    barMaxWidth: kind === 'horizontal' ? 20 : 36,
    label: {
      show: true,
      position: kind === 'horizontal' ? 'right' : 'top',
      color: look.ink,
      fontSize,
      fontWeight: 600,
      formatter: (params) => shownValue(params.dataIndex),
    },
    emphasis: { disabled: true },
  };
  return {
    animation: false,
    textStyle: { fontFamily: look.fontFamily },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (params) => {
        const index = Array.isArray(params) ? (params[0]?.dataIndex ?? 0) : params.dataIndex;
        // ECharts puts the tooltip text in as HTML: escape the label.
        const text = `${labels[index] ?? ''}: ${options.bars[index] ? valueText(options.bars[index], options.format) : ''}`;
        return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
      },
    },
    grid:
      kind === 'horizontal'
        ? { left: 4, right: rightMargin, top: 4, bottom: 4, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' }
        : { left: 4, right: 4, top: 24, bottom: 4, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: kind === 'horizontal' ? valueAxis : { ...categoryAxis, axisLabel: { ...categoryAxis.axisLabel, fontSize: narrow ? 10 : fontSize } },
    yAxis:
      kind === 'horizontal'
        ? {
            ...categoryAxis,
            inverse: true, // the first bar on top, as in the table
            axisLabel: { ...categoryAxis.axisLabel, width: labelWidth, overflow: 'truncate', ellipsis: '…' },
          }
        : valueAxis,
    series: [series],
  };
}

/** Teardown of each drawn chart, by its drawing area. */
const teardowns = new WeakMap<Element, () => void>();

/**
 * Draws the chart once its area is on the page and has a width, and redraws
 * it to fit whenever that width changes (window resize, rotation). When the
 * area leaves the page the chart is disposed. If ECharts cannot be loaded,
 * the data table is opened instead.
 */
function drawWhenShown(area: HTMLElement, options: ChartOptions, kind: Kind): void {
  let chart: EChartsType | undefined;
  let drawnWidth = 0;
  let disposed = false;
  const dispose = () => {
    disposed = true;
    observer.disconnect();
    chart?.dispose();
    chart = undefined;
    teardowns.delete(area);
  };
  const redraw = async () => {
    if (!area.isConnected) return dispose();
    if (area.clientWidth === 0 || area.clientWidth === drawnWidth) return;
    drawnWidth = area.clientWidth;
    let echarts: ChartEngine;
    try {
      echarts = await loadEngine();
    } catch {
      area.closest('figure')?.querySelector('details')?.setAttribute('open', '');
      return dispose();
    }
    if (disposed) return;
    chart ??= echarts.init(area, undefined, { renderer: 'svg' });
    chart.setOption(chartOption(options, kind, area.clientWidth, area), { notMerge: true });
    chart.resize();
  };
  const observer = new ResizeObserver(() => void redraw());
  teardowns.set(area, dispose);
  observer.observe(area);
}

/** Disposes the charts inside `root`; call before replacing it, so no instance outlives its drawing. */
export function disposeCharts(root: ParentNode): void {
  for (const area of root.querySelectorAll('.chart-area')) teardowns.get(area)?.();
}

function figure(options: ChartOptions, kind: Kind, height: number): HTMLElement {
  const titleId = uniqueId('chart-title');
  const summary = st('chartSummary', { title: options.title, items: options.bars.map((bar) => `${bar.label} ${valueText(bar, options.format)}`).join('; ') });
  const area = el('div', { class: `chart-area chart-${kind}`, role: 'img', 'aria-label': summary });
  // ECharts draws into a box of fixed height and the full width of the card.
  area.style.width = '100%';
  area.style.height = `${height}px`;
  drawWhenShown(area, options, kind);
  return el('figure', { class: 'chart-figure', 'aria-labelledby': titleId }, el('figcaption', { id: titleId, class: 'chart-title' }, options.title), area, dataTable(options));
}

/** One row per bar, labels on the left: categories, regions, rates. */
export function horizontalBars(options: ChartOptions): HTMLElement {
  return figure(options, 'horizontal', Math.max(1, options.bars.length) * 34 + 12);
}

/** One column per bar, labels under them: months of a year. */
export function columns(options: ChartOptions): HTMLElement {
  return figure(options, 'columns', 260);
}
