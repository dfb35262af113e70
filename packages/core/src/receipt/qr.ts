/**
 * QR modules for the receipt, from `qrcode-generator` (MIT, no dependencies).
 *
 * @module
 */
import qrcode from 'qrcode-generator';

/**
 * The dark/light modules of a QR code for `text`, row by row, without the quiet zone.
 * Error correction level M (15%): enough for a printed slip that gets folded, while
 * keeping a typical status-page URL at version 4–6.
 */
export function qrModules(text: string): boolean[][] {
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const size = qr.getModuleCount();
  const rows: boolean[][] = [];
  for (let r = 0; r < size; r++) {
    const row: boolean[] = [];
    for (let c = 0; c < size; c++) row.push(qr.isDark(r, c));
    rows.push(row);
  }
  return rows;
}
