import { ROLE_LABELS, type Actor } from '@duban/domain';
import type { AuditedEvent } from './audited-event';

/** One aggregate's trail for the timeline: its title and events, and the zh/English label of each event type. */
export interface TimelineSection {
  title: string;
  events: readonly AuditedEvent[];
  labels: Readonly<Record<string, string>>;
}

const escape = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Beijing time, as the people in the record read it. */
const beijing = (iso: string): string =>
  new Date(Date.parse(iso) + 8 * 3_600_000)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d{3}Z$/, ' (北京时间)');

/** The deadlines and decisions an event names, so "by when" and "what happened" read without the raw data. */
function keyFacts(data: unknown): string {
  if (typeof data !== 'object' || data === null) return '';
  const facts = Object.entries(data as Record<string, unknown>)
    .filter(([key, value]) => /deadline|due|until|decision|approve|passed|instrument|grade|status|signOffBy/i.test(key) && typeof value !== 'object')
    .map(([key, value]) => `${key}: ${String(value)}`);
  return facts.join('; ');
}

function actorCell(actor: unknown): string {
  const a = actor as Partial<Actor> & { role?: string };
  const role = ROLE_LABELS[a.role as keyof typeof ROLE_LABELS] ?? a.role ?? '';
  return `${escape(a.name ?? '')}<br><small>${escape(role)}${a.unitId ? ` · ${escape(a.unitId)}` : ''} · ${escape(a.id ?? '')}</small>`;
}

function sectionTable(s: TimelineSection): string {
  const rows = s.events
    .map(
      (e) =>
        `<tr><td>${e.seq}</td><td>${escape(beijing(e.at))}</td><td>${escape(s.labels[e.type] ?? e.type)}</td><td>${actorCell(e.actor)}</td><td>${escape(e.reason)}</td><td>${escape(keyFacts(e.data))}</td></tr>`,
    )
    .join('\n');
  return `<table><thead><tr><th>#</th><th>时间 (when)</th><th>事项 (what)</th><th>人员 (who)</th><th>理由 (why)</th><th>期限与决定 (deadlines, decisions)</th></tr></thead><tbody>
${rows}
</tbody></table>`;
}

/**
 * The bundle's readable timeline (时间线): each aggregate's events in order — when, what (zh and
 * English), who, why, and the deadlines or decisions it names. One self-contained HTML file: no
 * script, no fetch, opens from the disk. With several aggregates (a campaign of 1,000 units) a
 * table of contents leads, and each section folds (details/summary), the first one open.
 */
export function renderTimeline(heading: string, sections: readonly TimelineSection[], footer: string): string {
  const many = sections.length > 1;
  const toc = many
    ? `<nav><h2>目录 (contents)</h2><ol>${sections.map((s, i) => `<li><a href="#s${i}">${escape(s.title)}</a> · ${s.events.length} 项 (events)</li>`).join('')}</ol></nav>`
    : '';
  const body = sections
    .map((s, i) =>
      many
        ? `<details id="s${i}"${i === 0 ? ' open' : ''}><summary><h2>${escape(s.title)}</h2> ${s.events.length} 项 (events)</summary>${sectionTable(s)}</details>`
        : `<section><h2>${escape(s.title)}</h2>${sectionTable(s)}</section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(heading)}</title>
<style>body{font-family:"WenQuanYi Micro Hei","Noto Sans CJK SC",sans-serif;margin:2em}table{border-collapse:collapse;width:100%}th,td{border:1px solid #bbb;padding:4px 6px;vertical-align:top;font-size:14px}th{background:#eee}small{color:#555}summary h2{display:inline;font-size:1.1em}details{margin:.5em 0}</style>
</head><body><h1>${escape(heading)}</h1>
${toc}
${body}
<footer><p>${escape(footer)}</p></footer></body></html>
`;
}
