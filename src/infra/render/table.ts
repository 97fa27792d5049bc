import type { Fill, Workbook, Worksheet } from 'exceljs';

export type SheetValue = string | number | Date | null;

/** One column of a sheet table: how a row becomes its cell. */
export interface Column<Row> {
  readonly header: string;
  readonly value: (row: Row) => SheetValue;
  /** Excel number format; absent means General. */
  readonly numFmt?: string;
  /** A fill (ARGB) for this cell when it needs attention; it wins over the row's fill. */
  readonly fill?: (row: Row) => string | undefined;
}

export interface TableOptions<Row> {
  /** Columns kept in view when scrolling right (the header row is always frozen). */
  readonly frozenColumns?: number;
  readonly rowFill?: (row: Row) => string | undefined;
  /** Rows below the table (totals): bold, and outside the filter so sorting leaves them last. */
  readonly footer?: readonly (readonly SheetValue[])[];
}

export const integer = '0';
export const oneDecimal = '0.0';
export const percent = '0%';
export const dayFormat = 'dd/mm/yyyy';
export const minuteFormat = 'dd/mm/yyyy hh:mm';

const maxWidth = 50;
const minWidth = 6;
const headerFill = 'FFD9E1F2';
/** Points per header line (Calibri 11), so wrapped headers show whole without relying on autofit. */
const lineHeight = 15;

/** One shared fill object per colour: thousands of marked cells need not carry a copy each. */
const fills = new Map<string, Fill>();
export function solidFill(argb: string): Fill {
  let fill = fills.get(argb);
  if (!fill) {
    fill = { type: 'pattern', pattern: 'solid', fgColor: { argb } };
    fills.set(argb, fill);
  }
  return fill;
}

/** What a cell shows, to size its column. */
function shownLength(value: SheetValue, numFmt: string | undefined): number {
  if (value === null) return 0;
  if (value instanceof Date) return (numFmt ?? minuteFormat).length;
  if (typeof value === 'string') return value.length;
  if (numFmt === percent) return `${Math.round(value * 100)}%`.length;
  if (numFmt === oneDecimal) return value.toFixed(1).length;
  if (numFmt === integer) return value.toFixed(0).length;
  return String(value).length;
}

/** Wide enough for the content and the header's longest word, the header in at most three lines, capped. */
function columnWidth(header: string, longestValue: number): number {
  const longestWord = Math.max(...header.split(/\s+/).map((w) => w.length));
  return Math.min(maxWidth, Math.max(minWidth, longestWord, Math.ceil(header.length / 3), longestValue) + 2);
}

/** How many lines `text` takes when wrapped at word boundaries into `width` characters. */
function wrappedLines(text: string, width: number): number {
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/)) {
    if (used > 0 && used + 1 + word.length > width) {
      lines += 1;
      used = word.length;
    } else {
      used += (used > 0 ? 1 : 0) + word.length;
    }
  }
  return lines;
}

/** Adds a sheet holding one table: bold frozen header row, filter, number formats, fitted widths. */
export function addTable<Row>(
  workbook: Workbook,
  name: string,
  columns: readonly Column<Row>[],
  rows: readonly Row[],
  options: TableOptions<Row> = {},
): Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', xSplit: options.frozenColumns ?? 0, ySplit: 1 }] });
  const body = rows.map((row) => columns.map((c) => c.value(row)));
  const footer = options.footer ?? [];

  const widths = columns.map((column, i) => {
    let longest = 0;
    for (const values of [...body, ...footer]) longest = Math.max(longest, shownLength(values[i] ?? null, column.numFmt));
    return columnWidth(column.header, longest);
  });
  columns.forEach((column, i) => {
    const sheetColumn = sheet.getColumn(i + 1);
    sheetColumn.width = widths[i] ?? minWidth;
    // A column style reaches every cell created later, instead of one style object per cell.
    if (column.numFmt) sheetColumn.numFmt = column.numFmt;
  });

  const header = sheet.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.fill = solidFill(headerFill);
  header.height = lineHeight * Math.max(...columns.map((c, i) => wrappedLines(c.header, (widths[i] ?? minWidth) - 1)));

  rows.forEach((row, r) => {
    const sheetRow = sheet.addRow(body[r] ?? []);
    const rowFill = options.rowFill?.(row);
    columns.forEach((column, i) => {
      const fill = column.fill?.(row) ?? rowFill;
      if (fill) sheetRow.getCell(i + 1).fill = solidFill(fill);
    });
  });
  for (const values of footer) sheet.addRow([...values]).font = { bold: true };

  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + rows.length, column: columns.length } };
  return sheet;
}
