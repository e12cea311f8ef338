import { el, uniqueId } from '../ui/dom';
import { st } from './words';

/**
 * Bar charts drawn as inline SVG: the few shapes the page needs, without a
 * chart library. Every chart is a <figure> whose SVG has a text summary for
 * screen readers and whose figures are also in a table under it; a
 * suppressed value (fewer than 5 cases) is drawn as a dashed outline and
 * said in words, never as a number.
 */
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

const svgNamespace = 'http://www.w3.org/2000/svg';

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const element = document.createElementNS(svgNamespace, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

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

function figure(options: ChartOptions, drawing: SVGSVGElement, kind: string): HTMLElement {
  const titleId = uniqueId('chart-title');
  const summary = st('chartSummary', { title: options.title, items: options.bars.map((bar) => `${bar.label} ${valueText(bar, options.format)}`).join('; ') });
  drawing.setAttribute('role', 'img');
  drawing.setAttribute('aria-label', summary);
  drawing.classList.add('chart', `chart-${kind}`);
  return el('figure', { class: 'chart-figure', 'aria-labelledby': titleId }, el('figcaption', { id: titleId, class: 'chart-title' }, options.title), drawing, dataTable(options));
}

function axisMax(options: ChartOptions): number {
  return options.max ?? Math.max(1, ...options.bars.map((bar) => bar.value ?? 0));
}

/** One row per bar, labels on the left: categories, regions, rates. */
export function horizontalBars(options: ChartOptions): HTMLElement {
  const rowHeight = 30;
  const labelWidth = 240;
  const barArea = 380;
  const width = labelWidth + barArea + 90;
  const height = Math.max(1, options.bars.length) * rowHeight + 8;
  const max = axisMax(options);
  const drawing = svg('svg', { viewBox: `0 0 ${width} ${height}`, width: '100%', preserveAspectRatio: 'xMinYMin meet' });
  options.bars.forEach((bar, index) => {
    const y = 4 + index * rowHeight;
    const group = svg('g', { class: bar.value === null ? 'bar bar-suppressed' : 'bar', 'data-label': bar.label });
    group.append(svg('text', { x: labelWidth - 8, y: y + rowHeight / 2 + 5, 'text-anchor': 'end', class: 'bar-label' }, bar.label.length > 16 ? `${bar.label.slice(0, 15)}…` : bar.label));
    const length = bar.value === null ? 18 : Math.max(2, (bar.value / max) * barArea);
    group.append(svg('rect', { x: labelWidth, y: y + 5, width: length, height: rowHeight - 10, rx: 3, class: bar.value === null ? 'bar-shape bar-shape-suppressed' : 'bar-shape' }));
    group.append(svg('text', { x: labelWidth + length + 6, y: y + rowHeight / 2 + 5, class: 'bar-value' }, valueText(bar, options.format)));
    drawing.append(group);
  });
  return figure(options, drawing, 'horizontal');
}

/** One column per bar, labels under them: months of a year. */
export function columns(options: ChartOptions): HTMLElement {
  const columnWidth = 52;
  const chartHeight = 200;
  const width = options.bars.length * columnWidth + 16;
  const height = chartHeight + 48;
  const max = axisMax(options);
  const drawing = svg('svg', { viewBox: `0 0 ${width} ${height}`, width: '100%', preserveAspectRatio: 'xMinYMin meet' });
  drawing.append(svg('line', { x1: 8, x2: width - 8, y1: chartHeight + 20, y2: chartHeight + 20, class: 'axis' }));
  options.bars.forEach((bar, index) => {
    const x = 8 + index * columnWidth;
    const group = svg('g', { class: bar.value === null ? 'bar bar-suppressed' : 'bar', 'data-label': bar.label });
    const barHeight = bar.value === null ? 12 : bar.value === 0 ? 0 : Math.max(2, (bar.value / max) * chartHeight);
    const top = chartHeight + 20 - barHeight;
    group.append(svg('rect', { x: x + 8, y: top, width: columnWidth - 16, height: barHeight, rx: 3, class: bar.value === null ? 'bar-shape bar-shape-suppressed' : 'bar-shape' }));
    group.append(svg('text', { x: x + columnWidth / 2, y: top - 6, 'text-anchor': 'middle', class: 'bar-value' }, bar.value === null ? '<5' : options.format(bar.value)));
    group.append(svg('text', { x: x + columnWidth / 2, y: chartHeight + 40, 'text-anchor': 'middle', class: 'bar-label' }, bar.label));
    drawing.append(group);
  });
  return figure(options, drawing, 'columns');
}
