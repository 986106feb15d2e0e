// Phase 5 of parsePlan: toggles named in prose — a Flipper link anywhere (its text is the name), and a
// backticked name on a line that talks about toggles, flags or Flipper. Table cells that already gave
// toggles are skipped.
import type { Toggle } from './model';
import { spanFinder } from './spanFinder';
import type { ParseState } from './state';
import { flipperFeatureName, looksLikeCodeToggle } from './toggles';

export function proseToggles({ text, lines, scan }: ParseState, toggleCells: ReadonlyArray<{ start: number; end: number }>): Toggle[] {
  const toggles: Toggle[] = [];
  const tableCellAt = spanFinder(toggleCells);
  const inTable = (o: number) => tableCellAt(o) !== undefined;
  const mentionsToggle = (o: number) => /toggle|flag|flipper/i.test(lines.lineText(lines.positionAt(o).line));
  const seenProse = new Set<number>();
  for (const l of scan.links) {
    const feature = flipperFeatureName(l.url);
    if (!feature || inTable(l.start)) continue;
    let ns = l.textStart;
    let ne = l.textEnd;
    if (text[ns] === '`' && text[ne - 1] === '`') {
      ns++;
      ne--;
    }
    const name = text.slice(ns, ne).trim();
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name)) continue;
    const targetStart = text.indexOf(l.url, ne);
    toggles.push({
      name,
      range: lines.range(ns, ns + name.length),
      source: 'prose',
      backticked: text[l.textStart] === '`',
      link: { target: l.url, range: targetStart >= 0 ? lines.range(targetStart, targetStart + l.url.length) : lines.range(l.start, l.end), featureName: feature },
    });
    seenProse.add(ns - (text[l.textStart] === '`' ? 1 : 0));
  }
  for (const c of scan.inlineCode) {
    if (inTable(c.start) || seenProse.has(c.start) || !looksLikeCodeToggle(c.value.trim()) || !mentionsToggle(c.start)) continue;
    const name = c.value.trim();
    const s = text.indexOf(name, c.start);
    toggles.push({ name, range: lines.range(s, s + name.length), source: 'prose', backticked: true });
  }
  return toggles;
}
