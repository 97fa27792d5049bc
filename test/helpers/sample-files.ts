import ExcelJS from 'exceljs';
import { PNG } from 'pngjs';

/** A real PNG of `width` × `height` (a diagonal gradient), as a chart the bot drew would be. */
export function samplePng(width = 64, height = 48): Uint8Array {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * 4;
      png.data[at] = (x * 255) / Math.max(1, width - 1);
      png.data[at + 1] = (y * 255) / Math.max(1, height - 1);
      png.data[at + 2] = 128;
      png.data[at + 3] = 255;
    }
  }
  return new Uint8Array(PNG.sync.write(png));
}

/** A PNG's size and its pixel at (x, y), decoded the way a recipient's client would. */
export function readPng(bytes: Uint8Array, x = 0, y = 0): { width: number; height: number; rgba: number[] } {
  const png = PNG.sync.read(Buffer.from(bytes));
  const at = (y * png.width + x) * 4;
  return { width: png.width, height: png.height, rgba: [...png.data.subarray(at, at + 4)] };
}

/** A real .xlsx workbook with one sheet of `rows`, as a recap workbook would be. */
export async function sampleWorkbook(sheet: string, rows: readonly (readonly (string | number)[])[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const worksheet = workbook.addWorksheet(sheet);
  for (const row of rows) worksheet.addRow([...row]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The first sheet's name and values of a workbook, read back from its bytes. */
export async function readWorkbook(bytes: Uint8Array): Promise<{ sheet: string; rows: (string | number)[][] }> {
  const workbook = new ExcelJS.Workbook();
  // exceljs declares its Buffer as an ArrayBuffer; a copy of exactly these bytes is one.
  await workbook.xlsx.load(bytes.slice().buffer);
  const worksheet = workbook.worksheets[0];
  if (!worksheet) throw new Error('workbook has no sheet');
  const rows: (string | number)[][] = [];
  worksheet.eachRow((row) => {
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    rows.push(values.map((v) => (typeof v === 'number' ? v : String(v))));
  });
  return { sheet: worksheet.name, rows };
}
