import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { renderCsv } from '../../../src/infra/render/csv.ts';
import { renderWorkbook } from '../../../src/infra/render/workbook.ts';
import { largeRecapFixture, recapFixture } from '../../helpers/recap-fixture.ts';

/** The "Per OPD" sheet as the text of its cells: what a CSV of it must say. */
async function opdSheetAsText(bytes: Uint8Array): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const sheet = workbook.getWorksheet('Per OPD');
  if (!sheet) throw new Error('no Per OPD sheet');
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    rows.push(Array.from({ length: sheet.columnCount }, (_, i) => {
      const value = row.getCell(i + 1).value;
      return value === null || value === undefined ? '' : String(value);
    }));
  });
  return rows;
}

describe('recap CSV', () => {
  it.each([
    ['the hand-made month', recapFixture()],
    ['500 generated OPDs', largeRecapFixture(500)],
  ])('has the rows of the workbook\'s Per OPD sheet (%s)', async (_, recap) => {
    const csv = parse(renderCsv(recap)) as string[][];
    expect(csv).toHaveLength(1 + recap.opds.length);
    expect(csv).toEqual(await opdSheetAsText(await renderWorkbook(recap)));
  });

  it('shows a fractional target to one decimal in both forms', async () => {
    const recap = recapFixture();
    const [first, ...rest] = recap.opds;
    if (!first) throw new Error('empty fixture');
    // 2 posts a week, 6 working days a week, 13 working days: 26 ÷ 6 ≈ 4.33.
    const weekly = { ...recap, opds: [{ ...first, expectedPosts: (2 * 13) / 6 }, ...rest] };
    const csv = parse(renderCsv(weekly)) as string[][];
    expect(csv[1]?.[5]).toBe('4.3');
    expect((await opdSheetAsText(await renderWorkbook(weekly)))[1]?.[5]).toBe('4.3');
  });

  it('quotes commas and keeps a name that looks like a formula inert', () => {
    const recap = recapFixture();
    const [first, ...rest] = recap.opds;
    if (!first) throw new Error('empty fixture');
    const csv = renderCsv({ ...recap, opds: [{ ...first, name: '=HYPERLINK("x")' }, ...rest] });
    const rows = parse(csv) as string[][];
    expect(rows[1]?.[2]).toBe('\'=HYPERLINK("x")');
    expect(csv).toContain('"Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah"');
    expect(rows[1]?.slice(0, 2)).toEqual(['1', 'DISKOMINFO']);
  });
});
