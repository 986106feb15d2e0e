// The timeline webview's script (bundled to dist/timelineView.js, loaded under a CSP that allows only
// this file and the stylesheet): draws the Gantt from the data the extension posts, with DOM nodes
// and textContent only — plan text never becomes markup — and reports back what it drew.
import type { Day, FromWebview, GanttData, RenderedBar, ToWebview } from '../src/webview/ganttModel';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const STATE_TEXT: Record<RenderedBar['state'], string> = { done: 'done', current: 'current', late: 'late', planned: 'planned', undated: 'no dates' };
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const dayNumber = (d: Day) => Math.round(Date.UTC(d.year, d.month - 1, d.day) / 86_400_000);
const short = (d: Day) => `${MONTHS[d.month - 1]} ${d.day}`;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

function render(data: GanttData | null, version: number): void {
  const root = document.getElementById('root');
  if (!root) return;
  root.replaceChildren();
  if (!data || !data.span) {
    root.append(el('p', 'empty', data ? 'No stage in this plan has dates with a year yet.' : 'This document is not a release plan.'));
    vscode.postMessage({ type: 'rendered', version, bars: [], today: false });
    return;
  }
  const first = dayNumber(data.span.start);
  const total = dayNumber(data.span.end) - first + 1;
  const pct = (d: Day) => ((dayNumber(d) - first) / total) * 100;
  const width = (a: Day, b: Day) => ((dayNumber(b) - dayNumber(a) + 1) / total) * 100;

  root.append(el('h1', 'title', data.title));
  const chart = el('div', 'chart');
  const rows = el('div', 'rows');
  chart.append(rows);
  const row = (label: string, cls: string, left: number, w: number, text: string, line: number, title: string) => {
    const r = el('div', 'row');
    r.append(el('div', 'label', label));
    const track = el('div', 'track');
    // the bar carries its state by colour; the caption beside it says it in words (a one-day bar
    // has no room for text inside it), on the left when the bar sits near the right edge
    const bar = el('button', `bar ${cls}`);
    bar.style.left = `${left}%`;
    bar.style.width = `${Math.max(w, 0.8)}%`;
    bar.title = title;
    bar.setAttribute('aria-label', `${label}: ${text}`);
    bar.addEventListener('click', () => vscode.postMessage({ type: 'reveal', line }));
    const caption = el('span', 'caption', text);
    if (left + w > 60) {
      caption.classList.add('before');
      caption.style.right = `${100 - left + 0.5}%`;
    } else {
      caption.style.left = `${left + Math.max(w, 0.8) + 0.5}%`;
    }
    caption.addEventListener('click', () => vscode.postMessage({ type: 'reveal', line }));
    track.append(bar, caption);
    r.append(track);
    rows.append(r);
    return bar;
  };
  for (const d of data.desired) row('Desired dates', 'desired', pct(d.start), width(d.start, d.end), `${short(d.start)} – ${short(d.end)}`, d.line, 'Desired date range');
  const reported: RenderedBar[] = [];
  for (const b of data.bars) {
    const text = `${b.percentage !== undefined ? `${b.percentage}% · ` : ''}${short(b.start)} – ${short(b.end)} · ${STATE_TEXT[b.state]}`;
    const bar = row(b.label, `stage state-${b.state}`, pct(b.start), width(b.start, b.end), text, b.line, `${b.name} — ${STATE_TEXT[b.state]}`);
    bar.dataset.state = b.state;
    reported.push({ label: b.label, state: b.state, text, line: b.line });
  }
  for (const c of data.checkIns) row(c.label, 'checkin', pct(c.date), 100 / total, short(c.date), c.line, c.label);

  const inside = dayNumber(data.today) >= first && dayNumber(data.today) <= first + total - 1;
  if (inside) {
    const line = el('div', 'today');
    line.style.left = `calc(var(--label-width) + (100% - var(--label-width)) * ${pct(data.today) / 100})`;
    line.append(el('span', 'today-label', `today ${short(data.today)}`));
    chart.append(line);
  }
  const axis = el('div', 'axis');
  axis.append(el('span', '', short(data.span.start)), el('span', '', short(data.span.end)));
  root.append(chart, axis);
  const legend = el('div', 'legend');
  for (const s of ['done', 'current', 'late', 'planned'] as const) {
    const item = el('span', `key state-${s}`, STATE_TEXT[s]);
    legend.append(item);
  }
  root.append(legend);
  vscode.postMessage({ type: 'rendered', version, bars: reported, today: inside });
}

window.addEventListener('message', (e: MessageEvent<ToWebview>) => {
  if (e.data?.type === 'data') render(e.data.data, e.data.version);
});
vscode.postMessage({ type: 'ready' });
