/** Tables for people, CSV and JSON for programs. */

export type Format = 'table' | 'json' | 'csv';

export interface Column<T> {
  header: string;
  value: (row: T) => string | number;
  align?: 'left' | 'right';
}

export function render<T>(rows: T[], columns: Column<T>[], format: Exclude<Format, 'json'>): string {
  const cells = rows.map((row) => columns.map((column) => String(column.value(row))));
  if (format === 'csv') {
    return [columns.map((c) => csvCell(c.header)), ...cells.map((line) => line.map(csvCell))].map((line) => line.join(',')).join('\n');
  }
  const widths = columns.map((column, i) => Math.max(column.header.length, ...cells.map((line) => line[i].length)));
  const pad = (text: string, i: number) => (columns[i].align === 'right' ? text.padStart(widths[i]) : text.padEnd(widths[i]));
  const lines = [columns.map((c, i) => pad(c.header, i)), columns.map((_, i) => '-'.repeat(widths[i])), ...cells.map((line) => line.map(pad))];
  return lines.map((line) => line.join('  ').trimEnd()).join('\n');
}

function csvCell(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

export function decimal(value: number): string {
  return value.toFixed(4);
}
