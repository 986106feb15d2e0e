// The shapes the timeline webview receives and reports (shared by the extension side and the
// webview script, which are bundled separately). Dates are plain {year, month, day}.
export interface Day {
  year: number;
  month: number;
  day: number;
}

export type BarState = 'done' | 'current' | 'late' | 'planned' | 'undated';

export interface GanttData {
  title: string;
  today: Day;
  desired: Array<{ start: Day; end: Day; line: number }>;
  bars: Array<{ label: string; name: string; percentage?: number; start: Day; end: Day; state: BarState; line: number }>;
  checkIns: Array<{ label: string; date: Day; line: number }>;
  span?: { start: Day; end: Day };
}

/** Extension → webview. */
export type ToWebview = { type: 'data'; data: GanttData | null; version: number };

/** What the webview drew, reported back (the extension-host tests read it). */
export interface RenderedBar {
  label: string;
  state: BarState;
  /** The text the bar carries (state in words, not only colour). */
  text: string;
  line: number;
}

/** Webview → extension. */
export type FromWebview = { type: 'ready' } | { type: 'reveal'; line: number } | { type: 'rendered'; version: number; bars: RenderedBar[]; today: boolean };
