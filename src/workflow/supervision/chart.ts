import type { MonthOnTime } from '../cases/index.js';

const esc = (text: string) => text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string);

/** On-time rate of the cases rated (closed with a statutory deadline); null when none were. */
export function onTimeRate(month: Pick<MonthOnTime, 'onTime' | 'late'>): number | null {
  const rated = month.onTime + month.late;
  return rated === 0 ? null : month.onTime / rated;
}

const W = 640;
const H = 240;
const LEFT = 44;
const BOTTOM = 40;
const TOP = 28;

/**
 * The on-time rate by month of closing as a bar chart, drawn server-side as inline SVG:
 * one bar per month (height = on time ÷ rated), its count under it, and a 100% scale.
 * Months with nothing rated show a dash instead of a bar.
 */
export function onTimeChartSvg(months: readonly MonthOnTime[], title = '按期办结率（按办结月份）'): string {
  const shown = months.slice(-12);
  const plotW = W - LEFT - 12;
  const plotH = H - TOP - BOTTOM;
  const slot = shown.length > 0 ? plotW / shown.length : plotW;
  const barW = Math.min(40, slot * 0.6);
  const grid = [0, 0.5, 1]
    .map((v) => {
      const y = TOP + plotH * (1 - v);
      return `<line x1="${LEFT}" y1="${y}" x2="${W - 12}" y2="${y}" stroke="#d5dae3"/><text x="${LEFT - 6}" y="${y + 4}" font-size="11" text-anchor="end" fill="#5b6577">${v * 100}%</text>`;
    })
    .join('');
  const bars = shown
    .map((m, i) => {
      const x = LEFT + slot * i + (slot - barW) / 2;
      const cx = x + barW / 2;
      const rate = onTimeRate(m);
      const label = `<text x="${cx}" y="${H - BOTTOM + 16}" font-size="11" text-anchor="middle" fill="#1b2433">${esc(m.month)}</text><text x="${cx}" y="${H - BOTTOM + 30}" font-size="10" text-anchor="middle" fill="#5b6577">${m.onTime}/${m.onTime + m.late}</text>`;
      if (rate === null) return `<g><title>${esc(m.month)}：办结${m.closed}件，均无法定时限</title><text x="${cx}" y="${TOP + plotH - 4}" font-size="12" text-anchor="middle" fill="#5b6577">—</text>${label}</g>`;
      const h = Math.round(plotH * rate * 10) / 10;
      const pct = Math.round(rate * 1000) / 10;
      const color = rate >= 0.95 ? '#2e7d4f' : rate >= 0.8 ? '#b7791f' : '#c0392b';
      return `<g><title>${esc(m.month)}：按期${m.onTime}件，逾期${m.late}件，按期率${pct}%</title><rect x="${Math.round(x * 10) / 10}" y="${Math.round((TOP + plotH - h) * 10) / 10}" width="${Math.round(barW * 10) / 10}" height="${h}" fill="${color}"/><text x="${cx}" y="${Math.round((TOP + plotH - h - 4) * 10) / 10}" font-size="11" text-anchor="middle" fill="#1b2433">${pct}%</text>${label}</g>`;
    })
    .join('');
  const empty = shown.length === 0 ? `<text x="${W / 2}" y="${TOP + plotH / 2}" font-size="13" text-anchor="middle" fill="#5b6577">尚无办结案件</text>` : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-labelledby="ontime-title"><title id="ontime-title">${esc(title)}</title><text x="${LEFT}" y="16" font-size="13" fill="#1b2433">${esc(title)}</text>${grid}${bars}${empty}</svg>`;
}
