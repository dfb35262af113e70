/**
 * `@motcua/adapters`: how the data of Vietnamese administrative procedures travels —
 * the Cổng DVCQG client and codecs, the digitization store, the population database,
 * the payment platform, VietQR, LGSP and edXML. Each part is also a subpath export
 * (`@motcua/adapters/dvcqg`, `/payment`, `/vietqr`, `/edxml`, `/lgsp`, `/population`,
 * `/digitization`).
 *
 * @packageDocumentation
 */
export * from './digitization/index.ts';
export * from './dvcqg/index.ts';
export * from './edxml/index.ts';
export * from './errors.ts';
export * from './http/index.ts';
export * from './lgsp/index.ts';
export * from './payment/index.ts';
export * from './population/index.ts';
export * from './vietqr/index.ts';
export * from './xml/index.ts';
