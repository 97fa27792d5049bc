/**
 * The zip library under exceljs stamps every entry with the time of writing, so two workbooks
 * of one recap would differ in a few bytes. This rewrites those stamps in place (local headers
 * and central directory) with one given wall-clock time; nothing else in the archive changes
 * and no checksum covers the stamps.
 */
export function stampZipEntries(zip: Uint8Array, wallClock: Date): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = findEndOfCentralDirectory(view);
  const entries = view.getUint16(end + 10, true);
  const time = (wallClock.getUTCHours() << 11) | (wallClock.getUTCMinutes() << 5) | (wallClock.getUTCSeconds() >> 1);
  const date = ((Math.max(1980, wallClock.getUTCFullYear()) - 1980) << 9) | ((wallClock.getUTCMonth() + 1) << 5) | wallClock.getUTCDate();

  let at = view.getUint32(end + 16, true);
  for (let i = 0; i < entries; i += 1) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error(`zip: no central directory header at ${at}`);
    view.setUint16(at + 12, time, true);
    view.setUint16(at + 14, date, true);
    const local = view.getUint32(at + 42, true);
    if (view.getUint32(local, true) !== 0x04034b50) throw new Error(`zip: no local header at ${local}`);
    view.setUint16(local + 10, time, true);
    view.setUint16(local + 12, date, true);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return zip;
}

function findEndOfCentralDirectory(view: DataView): number {
  // The record is 22 bytes plus a comment of at most 65535 bytes, at the very end.
  for (let at = view.byteLength - 22; at >= Math.max(0, view.byteLength - 22 - 0xffff); at -= 1) {
    if (view.getUint32(at, true) === 0x06054b50) return at;
  }
  throw new Error('zip: end of central directory not found');
}
