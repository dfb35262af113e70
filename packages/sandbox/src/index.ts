/**
 * `@motcua/sandbox`: a local Cổng DVCQG on loopback. It speaks the portal's adapter
 * protocol, the digitization store, the population database, the payment platform and
 * LGSP; keeps its state in SQLite; validates what it receives with the wire schemas of
 * `@motcua/schemas/dvcqg`; and injects faults (latency, errors, 5xx, timeouts, dropped
 * connections, session expiry, 429) so sync code can be tested against the failures the
 * real portal produces.
 *
 * @packageDocumentation
 */
export { congDanSoap } from './dan-cu.ts';
export {
  FAULT_PRESETS,
  type FaultConfig,
  type FaultDecision,
  type FaultKind,
  FaultPlan,
  type LatencyFault,
  parseFaults,
  type ResolvedFaults,
  resolveFaults,
  type SessionExpiryFault,
  seededRandom,
} from './faults.ts';
export { type PaymentChecksumKind, paymentChecksum } from './payment.ts';
export {
  DEFAULT_SEED,
  type SandboxAgency,
  type SandboxCitizen,
  type SandboxField,
  type SandboxSeed,
  type SandboxStoredPaper,
} from './seed.ts';
export {
  SANDBOX_PATHS,
  type Sandbox,
  type SandboxDvcqgConfig,
  type SandboxOutcome,
  type SandboxRequestRecord,
  type SandboxState,
  type SandboxStats,
  type StartSandboxOptions,
  startSandbox,
} from './server.ts';
export {
  type SandboxDossier,
  type SandboxDossierWrite,
  type SandboxPayment,
  type SandboxProgressRow,
  writeDigest,
} from './state.ts';
