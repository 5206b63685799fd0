// Charts drawn as inline SVG: grouped bars, a line, horizontal bars. Scales round to readable ticks.
import { h, svg } from './dom.js';

const WIDTH = 640;
const PALETTE = ['#1f5fae', '#5aa469', '#e0a526', '#d66a4f', '#8e6cc2'];

/** The top of an axis: the value rounded up to 1, 2, 2.5 or 5 times a power of ten. */
export function niceMax(value) {
  if (!(value > 0)) return 1;
  const exponent = Math.floor(Math.log10(value));
  const base = 10 ** exponent;
  const fraction = value / base;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
  return nice * base;
}

function legend(series) {
  return h('div.legend', {}, series.map((s, i) => h('span.legend-item', {},
    h('span.swatch', { style: `background:${s.color ?? PALETTE[i % PALETTE.length]}` }), s.name)));
}

function axis(max, format, top, plotHeight, left, width) {
  const ticks = 5;
  const nodes = [];
  for (let i = 0; i <= ticks; i += 1) {
    const value = (max / ticks) * i;
    const y = top + plotHeight - (plotHeight * i) / ticks;
    nodes.push(svg('line', { x1: left, x2: left + width, y1: y, y2: y, class: 'grid' }));
    nodes.push(svg('text', { x: left - 6, y: y + 4, 'text-anchor': 'end', class: 'tick' }, format(value)));
  }
  return nodes;
}

/** Vertical grouped bars: categories along x, one bar per series in each group. */
export function barChart({ categories, series, format = String, height = 260, testid, minMax = 5 }) {
  const top = 16;
  const bottom = 44;
  const left = 64;
  const plotWidth = WIDTH - left - 12;
  const plotHeight = height - top - bottom;
  // minMax keeps an empty or tiny series from drawing fractional ticks
  const max = niceMax(Math.max(minMax, ...series.flatMap((s) => s.values)));
  const group = plotWidth / Math.max(1, categories.length);
  const barWidth = Math.max(3, Math.min(28, (group * 0.75) / Math.max(1, series.length)));
  const bars = [];
  categories.forEach((category, ci) => {
    const groupStart = left + ci * group + (group - barWidth * series.length) / 2;
    series.forEach((s, si) => {
      const value = s.values[ci] ?? 0;
      const barHeight = (plotHeight * value) / max;
      bars.push(svg('rect', {
        x: groupStart + si * barWidth, y: top + plotHeight - barHeight, width: barWidth - 1, height: Math.max(0, barHeight),
        fill: s.color ?? PALETTE[si % PALETTE.length], 'data-value': value, 'data-category': category,
      }, svg('title', {}, `${category} · ${s.name}: ${format(value)}`)));
    });
    bars.push(svg('text', {
      x: left + ci * group + group / 2, y: top + plotHeight + 16, 'text-anchor': 'middle', class: 'label',
    }, shorten(category, categories.length > 8 ? 5 : 10)));
  });
  return h('figure.chart', { testid },
    svg('svg', { viewBox: `0 0 ${WIDTH} ${height}`, role: 'img', class: 'chart-svg' },
      axis(max, format, top, plotHeight, left, plotWidth), bars,
      svg('line', { x1: left, x2: left + plotWidth, y1: top + plotHeight, y2: top + plotHeight, class: 'axis' })),
    series.length > 1 ? legend(series) : null);
}

/** A line per series over the categories, with a dot at each value. */
export function lineChart({ categories, series, format = String, height = 240, testid, minMax = 5 }) {
  const top = 16;
  const bottom = 44;
  const left = 84;
  const plotWidth = WIDTH - left - 16;
  const plotHeight = height - top - bottom;
  // minMax keeps an empty or tiny series from drawing fractional ticks
  const max = niceMax(Math.max(minMax, ...series.flatMap((s) => s.values)));
  const step = categories.length > 1 ? plotWidth / (categories.length - 1) : 0;
  const x = (i) => (categories.length > 1 ? left + i * step : left + plotWidth / 2);
  const y = (v) => top + plotHeight - (plotHeight * v) / max;
  const nodes = [];
  series.forEach((s, si) => {
    const color = s.color ?? PALETTE[si % PALETTE.length];
    const points = s.values.map((v, i) => `${x(i).toFixed(1)},${y(v ?? 0).toFixed(1)}`).join(' ');
    nodes.push(svg('polyline', { points, fill: 'none', stroke: color, 'stroke-width': 2.5 }));
    s.values.forEach((v, i) => nodes.push(svg('circle', { cx: x(i), cy: y(v ?? 0), r: 3.5, fill: color, 'data-value': v },
      svg('title', {}, `${categories[i]} · ${s.name}: ${format(v ?? 0)}`))));
  });
  categories.forEach((category, i) => {
    nodes.push(svg('text', { x: x(i), y: top + plotHeight + 16, 'text-anchor': 'middle', class: 'label' }, shorten(category, 8)));
  });
  return h('figure.chart', { testid },
    svg('svg', { viewBox: `0 0 ${WIDTH} ${height}`, role: 'img', class: 'chart-svg' },
      axis(max, format, top, plotHeight, left, plotWidth), nodes,
      svg('line', { x1: left, x2: left + plotWidth, y1: top + plotHeight, y2: top + plotHeight, class: 'axis' })),
    series.length > 1 ? legend(series) : null);
}

/** One horizontal bar per category, longest first is up to the caller. */
export function horizontalBarChart({ categories, values, format = String, color = PALETTE[0], testid, minMax = 5 }) {
  const rowHeight = 26;
  const left = 150;
  const right = 110;
  const height = Math.max(1, categories.length) * rowHeight + 8;
  const plotWidth = WIDTH - left - right;
  const max = niceMax(Math.max(minMax, ...values));
  const nodes = [];
  categories.forEach((category, i) => {
    const yTop = 4 + i * rowHeight;
    const width = (plotWidth * (values[i] ?? 0)) / max;
    nodes.push(svg('text', { x: left - 8, y: yTop + 16, 'text-anchor': 'end', class: 'label' }, shorten(category, 10)));
    nodes.push(svg('rect', { x: left, y: yTop + 4, width: plotWidth, height: rowHeight - 10, fill: '#eef2f7', rx: 3 }));
    nodes.push(svg('rect', { x: left, y: yTop + 4, width: Math.max(0, width), height: rowHeight - 10, fill: color, rx: 3, 'data-value': values[i] },
      svg('title', {}, `${category}: ${format(values[i] ?? 0)}`)));
    nodes.push(svg('text', { x: left + Math.max(0, width) + 6, y: yTop + 16, class: 'value' }, format(values[i] ?? 0)));
  });
  return h('figure.chart', { testid },
    svg('svg', { viewBox: `0 0 ${WIDTH} ${height}`, role: 'img', class: 'chart-svg' }, nodes));
}

/** A label cut to a length, with … where it was cut. */
export function shorten(text, length) {
  const value = String(text ?? '');
  return value.length > length ? `${value.slice(0, length - 1)}…` : value;
}
