/**
 * GFM pipe tables for turndown. turndown-plugin-gfm converts only a table whose first row is
 * all <th>, and keeps every other one as raw HTML; news sites mostly write their header row in
 * <td>. Here any table a pipe table can hold becomes one: its first row is the header (the
 * <thead> row, a row of <th>, or else simply the first row, which in an article's table almost
 * always names the columns). A table a pipe table cannot hold (a nested table, a cell spanning
 * rows) stays HTML, as before.
 */
import type TurndownService from 'turndown';

// turndown hands rules DOM nodes; the few members read here.
interface TableNode {
  nodeName: string;
  parentNode: TableNode | null;
  childNodes: ArrayLike<TableNode>;
  textContent: string | null;
  outerHTML?: string;
  getAttribute?(name: string): string | null;
  getElementsByTagName?(name: string): ArrayLike<TableNode>;
}

const span = (cell: TableNode, name: string): number => {
  const n = Number.parseInt(cell.getAttribute?.(name) ?? '1', 10);
  return Number.isFinite(n) && n > 1 ? Math.min(n, 100) : 1;
};

const closest = (node: TableNode, name: string): TableNode | null => {
  for (let p = node.parentNode; p; p = p.parentNode) if (p.nodeName === name) return p;
  return null;
};

const cellsOf = (row: TableNode): TableNode[] =>
  Array.from(row.childNodes).filter((c) => c.nodeName === 'TD' || c.nodeName === 'TH');

const rowsOf = (table: TableNode): TableNode[] =>
  Array.from(table.getElementsByTagName?.('tr') ?? []).filter((r) => closest(r, 'TABLE') === table);

/** True when a pipe table can say what the table says. */
export function isPipeTable(table: TableNode): boolean {
  if ((table.getElementsByTagName?.('table').length ?? 0) > 0) return false;
  const rows = rowsOf(table);
  if (rows.length === 0) return false;
  return rows.every((r) => cellsOf(r).every((c) => span(c, 'rowspan') === 1));
}

/** Number of columns: the widest row, counting column spans. */
const widthOf = (table: TableNode): number =>
  Math.max(1, ...rowsOf(table).map((r) => cellsOf(r).reduce((n, c) => n + span(c, 'colspan'), 0)));

// A cell is one line: line breaks become <br> (GFM renders it), and "|" would end the cell.
const cellText = (content: string): string =>
  content
    .trim()
    .replace(/\n+/g, '<br>')
    .replace(/\|/g, '\\|')
    .replace(/(<br>\s*)+$/, '');

/** Adds the table rules to a turndown service (after turndown-plugin-gfm, whose table rules these
 * replace). */
export function pipeTables(service: TurndownService): void {
  service.addRule('pipeTableCell', {
    filter: (node) => node.nodeName === 'TD' || node.nodeName === 'TH',
    replacement: (content, node) => {
      const cell = node as unknown as TableNode;
      const text = cellText(content);
      // A cell spanning columns is followed by empty ones, so the columns stay aligned.
      return `${text} |${'  |'.repeat(span(cell, 'colspan') - 1)} `;
    },
  });
  service.addRule('pipeTableRow', {
    filter: 'tr',
    replacement: (content, node) => {
      const row = node as unknown as TableNode;
      const table = closest(row, 'TABLE');
      if (!table || !isPipeTable(table)) return content;
      const width = widthOf(table);
      const filled = cellsOf(row).reduce((n, c) => n + span(c, 'colspan'), 0);
      const line = `| ${content.trim()}${'  |'.repeat(Math.max(0, width - filled))}`;
      const isFirst = rowsOf(table)[0] === row;
      return `\n${line}${isFirst ? `\n|${' --- |'.repeat(width)}` : ''}`;
    },
  });
  service.addRule('pipeTableCaption', {
    filter: 'caption',
    replacement: () => '',
  });
  service.addRule('pipeTable', {
    filter: 'table',
    replacement: (content, node) => {
      const table = node as unknown as TableNode;
      if (!isPipeTable(table)) return `\n\n${table.outerHTML ?? ''}\n\n`;
      const caption = Array.from(table.childNodes).find((c) => c.nodeName === 'CAPTION');
      const title = caption?.textContent?.replace(/\s+/g, ' ').trim();
      const body = content.replace(/\n{2,}/g, '\n').trim();
      return `\n\n${title ? `*${title.replace(/([*_])/g, '\\$1')}*\n\n` : ''}${body}\n\n`;
    },
  });
  // Row groups add nothing of their own.
  service.addRule('pipeTableSection', {
    filter: ['thead', 'tbody', 'tfoot'],
    replacement: (content) => content,
  });
}
