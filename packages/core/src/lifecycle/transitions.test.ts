// biome-ignore lint/correctness/noNodejsModules: the test reads the package README
import { readFileSync } from 'node:fs';
import { DOSSIER_STATUS_TO_DVCQG, DOSSIER_STATUSES } from '@motcua/schemas';
import { describe, expect, it } from 'vitest';
import { CoreError, IllegalTransitionError } from '../errors.ts';
import { allowedEvents, applyEvent } from './lifecycle.ts';
import { eventAt, lifecycleIn } from './test-support.ts';
import {
  EVENT_TARGET,
  findTransition,
  LIFECYCLE_EVENT_TYPES,
  TERMINAL_STATUSES,
  TRANSITIONS,
  transitionTableMarkdown,
} from './transitions.ts';

const pairs = DOSSIER_STATUSES.flatMap((from) => LIFECYCLE_EVENT_TYPES.map((event) => ({ from, event })));
const legal = pairs.filter(({ from, event }) => findTransition(from, event) !== undefined);
const illegal = pairs.filter(({ from, event }) => findTransition(from, event) === undefined);

describe('TRANSITIONS', () => {
  it('has one row per legal move, each going where its event leads', () => {
    expect(TRANSITIONS).toHaveLength(18);
    expect(new Set(TRANSITIONS.map((t) => `${t.from}/${t.event}`)).size).toBe(TRANSITIONS.length);
    for (const t of TRANSITIONS) expect(t.to).toBe(EVENT_TARGET[t.event]);
    expect(legal).toHaveLength(TRANSITIONS.length);
  });

  it('covers the legal path and nothing leaves a terminal status', () => {
    const path = ['receive', 'start-processing', 'request-supplement', 'resubmit', 'resolve', 'return-result'] as const;
    let status: string = 'submitted';
    for (const event of path) {
      const t = TRANSITIONS.find((r) => r.from === status && r.event === event);
      expect(t, `${status} --${event}-->`).toBeDefined();
      status = t?.to ?? '';
    }
    expect(status).toBe('returned');
    for (const terminal of TERMINAL_STATUSES) expect(TRANSITIONS.some((t) => t.from === terminal)).toBe(false);
    for (const status of DOSSIER_STATUSES) {
      if (!TERMINAL_STATUSES.has(status)) expect(TRANSITIONS.some((t) => t.from === status)).toBe(true);
    }
  });

  it('maps every status one-to-one to a DVCQG TrangThaiHoSo code', () => {
    const codes = DOSSIER_STATUSES.map((s) => DOSSIER_STATUS_TO_DVCQG[s]);
    expect(new Set(codes).size).toBe(10);
    expect(codes).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
  });

  it('generates the Markdown table from the data', () => {
    const lines = transitionTableMarkdown().split('\n');
    expect(lines).toHaveLength(TRANSITIONS.length + 2);
    expect(lines.map((l) => l.replace(/ +/g, ' '))).toContain(
      '| `supplement-requested` | 5 | `resubmit` | `processing` | 4 |',
    );
  });

  it('is what the README shows', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const block = /<!-- transitions:start -->\n([\s\S]*?)\n<!-- transitions:end -->/.exec(readme)?.[1];
    expect(block).toBe(transitionTableMarkdown());
  });
});

describe('applyEvent over the table', () => {
  it.each(legal)('$from --$event--> allowed', ({ from, event }) => {
    const state = lifecycleIn(from);
    const extra = event === 'receive' ? { dueAt: '2025-07-08T17:00:00+07:00' } : {};
    const next = applyEvent(state, eventAt(event, 100, extra));
    expect(next.status).toBe(EVENT_TARGET[event]);
    expect(next.history.at(-1)).toMatchObject({ event, from, status: EVENT_TARGET[event] });
    expect(allowedEvents(state)).toContain(event);
  });

  it.each(illegal)('$from --$event--> refused with both states named', ({ from, event }) => {
    const state = lifecycleIn(from);
    let error: unknown;
    try {
      applyEvent(state, eventAt(event, 100));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(IllegalTransitionError);
    expect(error).toBeInstanceOf(CoreError);
    const e = error as IllegalTransitionError;
    expect(e.code).toBe('ILLEGAL_TRANSITION');
    expect(e.from).toBe(from);
    expect(e.to).toBe(EVENT_TARGET[event]);
    expect(e.event).toBe(event);
    expect(e.message).toContain(`"${from}"`);
    expect(e.message).toContain(`"${EVENT_TARGET[event]}"`);
    expect(allowedEvents(state)).not.toContain(event);
  });
});
