import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { en } from '../../../src/app/messages/en.ts';
import { id } from '../../../src/app/messages/id.ts';
import { createRecapRenderer } from '../../../src/infra/render/recap-renderer.ts';
import { opdColumns, opdColumnsFor } from '../../../src/infra/render/opd-columns.ts';
import { recapFixture } from '../../helpers/recap-fixture.ts';

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return workbook;
}

/** Every cell of a sheet, row by row. */
function cells(ws: ExcelJS.Worksheet): ExcelJS.CellValue[][] {
  const rows: ExcelJS.CellValue[][] = [];
  ws.eachRow({ includeEmpty: true }, (row) => rows.push(Array.from({ length: ws.columnCount }, (_, i) => row.getCell(i + 1).value ?? null)));
  return rows;
}

const isNumberOrDate = (v: ExcelJS.CellValue) => typeof v === 'number' || v instanceof Date;

describe('recap files in English (APP_LOCALE=en)', () => {
  const recap = recapFixture();
  const english = createRecapRenderer(en);
  const indonesian = createRecapRenderer(id);

  it('the workbook has English sheet names and headers and the same numbers as the Indonesian one', async () => {
    const [enBook, idBook] = await Promise.all([english.workbook(recap).then(load), indonesian.workbook(recap).then(load)]);
    expect(enBook.worksheets.map((w) => w.name)).toEqual(['By OPD', 'By Platform', 'By Day', 'Directives', 'Notes']);
    expect(idBook.worksheets.map((w) => w.name)).toEqual(['Per OPD', 'Per Platform', 'Per Hari', 'Arahan', 'Keterangan']);

    const byOpd = enBook.getWorksheet('By OPD');
    if (!byOpd) throw new Error('no By OPD sheet');
    const header = cells(byOpd)[0] ?? [];
    expect(header.slice(0, 6)).toEqual(['Rank', 'Code', 'OPD name', 'Type', 'Posts', 'Post target']);
    expect(header).toContain('Points: active days');
    expect(header).toContain('KPI score');
    expect(header.at(-1)).toBe('Status');
    expect(cells(byOpd).slice(1).map((row) => row.at(-1))).toEqual(recap.opds.map((o) => en.recap.status[o.status]));
    expect(cells(enBook.getWorksheet('By Platform')!)[0]?.[0]).toBe('Platform');
    expect(cells(enBook.getWorksheet('By Day')!)[0]?.slice(0, 3)).toEqual(['Date', 'Day', 'Working day']);
    expect(cells(enBook.getWorksheet('Directives')!)[0]?.slice(0, 3)).toEqual(['ID', 'Title', 'Priority']);
    expect(cells(enBook.getWorksheet('Notes')!).map((row) => row[0])).toEqual(expect.arrayContaining(['Period', 'Time zone', 'How to read', 'KPI score']));

    // Sheet by sheet, the same shape and the same numbers and dates; only the words differ.
    enBook.worksheets.forEach((enSheet, i) => {
      const idCells = cells(idBook.worksheets[i]!);
      const enCells = cells(enSheet);
      expect(enCells.length).toBe(idCells.length);
      enCells.forEach((row, r) =>
        row.forEach((value, c) => {
          const other = idCells[r]?.[c] ?? null;
          if (isNumberOrDate(value) || isNumberOrDate(other)) expect([enSheet.name, r, c, value]).toEqual([enSheet.name, r, c, other]);
        }),
      );
    });
  });

  it('the CSV has an English header row and the Indonesian CSV\'s values', () => {
    const [enHeader, ...enRows] = parse(english.csv(recap)) as string[][];
    const [idHeader, ...idRows] = parse(indonesian.csv(recap)) as string[][];
    expect(enHeader).toEqual(opdColumnsFor(en).map((c) => c.header));
    expect(enHeader?.slice(0, 3)).toEqual(['Rank', 'Code', 'OPD name']);
    expect(idHeader).toEqual(opdColumns.map((c) => c.header));
    expect(enHeader).not.toEqual(idHeader);
    expect(enRows.length).toBe(idRows.length);
    const statusColumn = (enHeader?.length ?? 0) - 1;
    enRows.forEach((row, r) => expect(row.slice(0, statusColumn)).toEqual(idRows[r]?.slice(0, statusColumn)));
    expect(enRows.map((row) => row[statusColumn])).toEqual(recap.opds.map((o) => en.recap.status[o.status]));
  });

  it('the chart renders with the English catalogue (the PNG decodes)', async () => {
    const png = PNG.sync.read(Buffer.from(await english.chart(recap)));
    const indonesianPng = PNG.sync.read(Buffer.from(await indonesian.chart(recap)));
    expect([png.width, png.height]).toEqual([indonesianPng.width, indonesianPng.height]);
    expect(png.width).toBeGreaterThan(0);
  });

  it('the chart subtitle counts in each language\'s words and digits; the Indonesian columns are the default', () => {
    expect(en.recapFile.sheet).not.toEqual(id.recapFile.sheet);
    expect(opdColumnsFor(id)).toBe(opdColumns);
    expect(en.recapFile.chart.subtitle(1, 2, 'x', '')).toBe('1 OPD · 2 posts · target x');
    expect(id.recapFile.chart.subtitle(1_234, 2, 'x', '')).toBe('1.234 OPD · 2 unggahan · target x');
  });
});
