/**
 * The dossier-code sequencer: `AGENCY-YYMMDD-NNNN` per TT 01/2018/TT-VPCP Điều 19.
 *
 * @module
 */
import { formatDossierCode } from '@motcua/schemas/ids';
import { formatLocalDate } from '../calendar/index.ts';
import { CoreError } from '../errors.ts';
import { instantMs, vietnamDate } from '../lifecycle/instant.ts';
import type { Clock, SequenceStore } from '../ports.ts';

/**
 * The most dossiers one agency can number in one day: the sequence part of the code
 * has 4 digits (TT 01/2018/TT-VPCP Điều 19).
 *
 * @example
 * ```ts
 * import { MAX_DAILY_SEQUENCE } from '@motcua/core';
 * MAX_DAILY_SEQUENCE; // 9999
 * ```
 * @category Codes
 */
export const MAX_DAILY_SEQUENCE = 9999;

/**
 * What {@link createDossierCodeSequencer} needs: an atomic counter store and a clock
 * (used when `next` is called without a reception instant).
 *
 * @example
 * ```ts
 * import { fixedClock, InMemorySequenceStore, type DossierCodeSequencerOptions } from '@motcua/core';
 * const options: DossierCodeSequencerOptions = {
 *   store: new InMemorySequenceStore(),
 *   clock: fixedClock('2025-07-01T08:00:00+07:00'),
 * };
 * ```
 * @category Codes
 */
export interface DossierCodeSequencerOptions {
  /** Per-agency, per-day atomic counters (`@motcua/store` for SQLite / PostgreSQL). */
  store: SequenceStore;
  /** "Now", for calls without `receivedAt`. */
  clock: Clock;
}

/**
 * Issues dossier codes (mã số hồ sơ). See {@link createDossierCodeSequencer}.
 *
 * @example
 * ```ts
 * import { createDossierCodeSequencer, fixedClock, InMemorySequenceStore, type DossierCodeSequencer } from '@motcua/core';
 * const sequencer: DossierCodeSequencer = createDossierCodeSequencer({
 *   store: new InMemorySequenceStore(),
 *   clock: fixedClock('2025-07-01T08:00:00+07:00'),
 * });
 * ```
 * @category Codes
 */
export interface DossierCodeSequencer {
  /**
   * The next code of `agencyCode` for the Vietnam-time day of `receivedAt` (default:
   * the clock's now). Throws `CoreError` `INVALID_AGENCY_CODE` for an agency code
   * without the QCVN 102:2016 shape and `SEQUENCE_EXHAUSTED` past 9,999 in a day.
   */
  next(agencyCode: string, receivedAt?: string | Date): Promise<string>;
}

/**
 * Create a dossier-code sequencer. Codes have the legal shape
 * `V1V2V3.Z1Z2.Y1Y2.MX1X2-YYMMDD-XXXX` (TT 01/2018/TT-VPCP Điều 19; NĐ 61/2018/NĐ-CP
 * Điều 26): the receiving agency's QCVN 102:2016 code, the receiving date in Vietnam
 * time (Asia/Ho_Chi_Minh, UTC+07:00, the time zone of every DVCQG date) and that day's
 * sequence number, padded to 4 digits. Atomicity comes from the {@link SequenceStore};
 * the sequencer itself keeps no state, so any number of sequencers (in any number of
 * processes) may share one store.
 *
 * A dossier received at 23:30 UTC on 30 June is received on 1 July in Vietnam and
 * numbered in 1 July's sequence.
 *
 * @example
 * ```ts
 * import { createDossierCodeSequencer, fixedClock, InMemorySequenceStore } from '@motcua/core';
 * const sequencer = createDossierCodeSequencer({
 *   store: new InMemorySequenceStore(),
 *   clock: fixedClock('2025-07-01T08:00:00+07:00'),
 * });
 * await sequencer.next('000.00.00.H56'); // '000.00.00.H56-250701-0001'
 * await sequencer.next('000.00.00.H56', '2025-06-30T23:30:00Z'); // '000.00.00.H56-250701-0002'
 * ```
 * @category Codes
 */
export function createDossierCodeSequencer(options: DossierCodeSequencerOptions): DossierCodeSequencer {
  const { store, clock } = options;
  return {
    async next(agencyCode: string, receivedAt?: string | Date): Promise<string> {
      const at = receivedAt === undefined ? instantMs(clock.now(), 'clock.now()') : instantMs(receivedAt, 'receivedAt');
      const date = vietnamDate(at);
      const day = formatLocalDate(date);
      // Validate before taking a number, so a bad agency code burns no sequence.
      try {
        formatDossierCode(agencyCode, date, 1);
      } catch (cause) {
        const badAgency = cause instanceof Error && cause.message.includes('agencyCode');
        throw new CoreError(
          badAgency ? 'INVALID_AGENCY_CODE' : 'INVALID_ARGUMENT',
          badAgency
            ? `agency code ${JSON.stringify(agencyCode)} does not have the QCVN 102:2016 shape NNN.NN.NN.ANN that a dossier code needs (TT 01/2018/TT-VPCP Điều 19)`
            : `cannot number a dossier received on ${day}: ${cause instanceof Error ? cause.message : String(cause)}`,
          { cause },
        );
      }
      const sequence = await store.next(agencyCode, day);
      if (!Number.isSafeInteger(sequence) || sequence < 1) {
        throw new CoreError('INVALID_SEQUENCE', `SequenceStore returned ${String(sequence)}; expected an integer ≥ 1`);
      }
      if (sequence > MAX_DAILY_SEQUENCE) {
        throw new CoreError(
          'SEQUENCE_EXHAUSTED',
          `agency ${agencyCode} has numbered ${MAX_DAILY_SEQUENCE} dossiers on ${day}; the 4-digit sequence of TT 01/2018/TT-VPCP Điều 19 is exhausted`,
        );
      }
      return formatDossierCode(agencyCode, date, sequence);
    },
  };
}
