/**
 * `@motcua/schemas/dvcqg`: the exact wire shapes exchanged with Cổng DVCQG (Cổng Dịch vụ
 * công quốc gia) — strict where the portal would reject the data, lenient where real
 * systems differ, with warnings for what hurts the Decision 766 indicators.
 *
 * @module
 */
export * from './code-lists.ts';
export * from './dan-cu.ts';
export * from './dong-bo-ho-so.ts';
export * from './envelope.ts';
export * from './file-link.ts';
export * from './json-schemas.ts';
export * from './kho-so-hoa.ts';
export * from './kinds.ts';
export * from './login.ts';
export * from './messages.ts';
export * from './thanh-toan.ts';
export * from './thu-tuc.ts';
export * from './tien-do.ts';
export * from './wire-amount.ts';
export * from './wire-bool.ts';
export * from './wire-date.ts';
