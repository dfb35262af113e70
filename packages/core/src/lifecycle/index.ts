/**
 * The dossier lifecycle: the canonical statuses (one-to-one with DVCQG `TrangThaiHoSo`
 * 1–10), the transition table as data, event-sourced state with the deadline clock,
 * supplement rounds and due-date shifts, and inter-agency legs.
 *
 * @module
 */
export * from './legs.ts';
export * from './lifecycle.ts';
export * from './transitions.ts';
