// Reports: {"name", "summary", "tables": [{key, title, columns, rows, notes}]}. The CLI's JSON
// ({"report", "summary", <key>: rows}) is accepted too, so both shapes read the same.

import type { Report, ReportTable } from './types';

export function normaliseReport(raw: any): Report {
  if (!raw || typeof raw !== 'object') return { name: '', summary: {}, tables: [] };
  const summary = raw.summary && typeof raw.summary === 'object' ? raw.summary : {};
  if (Array.isArray(raw.tables)) {
    const tables = raw.tables.map((t: any): ReportTable => {
      const columns: string[] = Array.isArray(t.columns) ? t.columns : [];
      const rows = (Array.isArray(t.rows) ? t.rows : []).map((row: any) => {
        if (!Array.isArray(row)) return row ?? {};
        const keyed: Record<string, unknown> = {};
        columns.forEach((c, i) => (keyed[c] = row[i]));
        return keyed;
      });
      return { key: t.key ?? '', title: t.title ?? t.key ?? '', columns, rows, notes: t.notes ?? [] };
    });
    return { name: raw.name ?? raw.report ?? '', summary, tables };
  }
  const tables: ReportTable[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (!Array.isArray(value)) continue;
    const rows = value as Record<string, unknown>[];
    const columns = rows.length ? Object.keys(rows[0]) : [];
    tables.push({ key, title: key.replace(/_/g, ' '), columns, rows, notes: [] });
  }
  return { name: raw.name ?? raw.report ?? '', summary, tables };
}

/** The table `key` of a report; an empty one when missing. */
export function table(report: Report | undefined | null, key: string): ReportTable {
  return report?.tables.find((t) => t.key === key) ?? { key, title: key, columns: [], rows: [], notes: [] };
}
