/**
 * JSON signatures (JWS, JAdES-like): `verifyJws` with an algorithm allow-list, `x5c` chain
 * validation and `exp` / `nbf` / `iat` against the validation time (signatures.md §9 check 31).
 *
 * @module
 */
export type { JwsAlgorithm, JwsVerifyOptions } from './verify-jws.ts';
export { verifyJws } from './verify-jws.ts';
