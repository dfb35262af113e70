/**
 * `@motcua/core/receipt`: the receipt-and-appointment slip (Giấy tiếp nhận hồ sơ và
 * hẹn trả kết quả) as a PDF with a status look-up QR code. A subpath of its own so that
 * `@motcua/core` users who never print pay nothing for pdf-lib and fontkit.
 *
 * @module
 */
export * from './receipt.ts';
