/**
 * Compile-time proof that a zod schema and the interface it is annotated with describe
 * exactly the same shape. Internal to `canonical/`.
 *
 * `z.ZodType<Dossier>` alone only proves that every parsed value is a `Dossier`; an
 * optional field added to the interface but forgotten in the schema would slip through.
 * `Assert<Equal<z.output<typeof raw>, Dossier>>` fails to compile in that case too.
 *
 * @module
 */

/**
 * `true` when `A` and `B` are identical types, else `false`.
 *
 * @internal
 */
export type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/**
 * Compiles only when its argument is `true`.
 *
 * @internal
 */
export type Assert<T extends true> = T;
