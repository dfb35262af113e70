/**
 * The evidence registry: for each dossier component, which evidence may replace it (an
 * Evidence Broker in OOTS terms, once-only.md §7 item 8).
 *
 * @module
 */
import type { EvidenceKind, Procedure, ProcedureComponent, ReplacingEvidence } from '@motcua/schemas';

/**
 * One piece of evidence that may stand in for a component, with the constraints the
 * plan applies to it.
 *
 * @example
 * ```ts
 * import type { RegisteredEvidence } from '@motcua/core';
 * const e: RegisteredEvidence = { kind: 'result-code', value: 'KQ.1.001193.01', origin: 'catalogue' };
 * ```
 * @category Reuse
 */
export interface RegisteredEvidence extends ReplacingEvidence {
  /** `catalogue`: the procedure's own `replaceableBy`; `local`: added by this deployment. */
  origin: 'catalogue' | 'local';
  /** Oldest acceptable paper, in days before the plan's instant (e.g. a judicial-record extract: 180). */
  maxAgeDays?: number | undefined;
  /** Only these evidence sources (by id) may provide it; omitted: any source supporting the kind. */
  sourceIds?: readonly string[] | undefined;
}

/**
 * A deployment's own rule: evidence that may replace a component the catalogue does
 * not (yet) mark as replaceable.
 *
 * @example
 * ```ts
 * import type { EvidenceRule } from '@motcua/core';
 * const r: EvidenceRule = {
 *   procedureCode: '1.001193',
 *   componentCode: 'TP02',
 *   evidence: { kind: 'identity-fact', value: 'residence' },
 * };
 * ```
 * @category Reuse
 */
export interface EvidenceRule {
  /** The procedure (national code); omitted: every procedure with this component code. */
  procedureCode?: string | undefined;
  /** The component (MAGIAYTO). */
  componentCode: string;
  /** What may replace it. */
  evidence: ReplacingEvidence;
  /** Oldest acceptable paper, in days. */
  maxAgeDays?: number | undefined;
  /** Only these sources may provide it. */
  sourceIds?: readonly string[] | undefined;
}

/**
 * A constraint on one evidence type wherever it is used (CCCEV `validityPeriodConstraint`).
 *
 * @example
 * ```ts
 * import type { EvidenceTypeRule } from '@motcua/core';
 * const judicialRecord: EvidenceTypeRule = { kind: 'document-type', value: 'LLTP', maxAgeDays: 180 };
 * ```
 * @category Reuse
 */
export interface EvidenceTypeRule {
  /** Evidence kind. */
  kind: EvidenceKind;
  /** Result code, document type or fact name. */
  value: string;
  /** Oldest acceptable paper, in days. */
  maxAgeDays?: number | undefined;
  /** Only these sources may provide it. */
  sourceIds?: readonly string[] | undefined;
}

/**
 * Options of {@link EvidenceRegistry}.
 *
 * @example
 * ```ts
 * import type { EvidenceRegistryOptions } from '@motcua/core';
 * const o: EvidenceRegistryOptions = { evidenceTypes: [{ kind: 'document-type', value: 'LLTP', maxAgeDays: 180 }] };
 * ```
 * @category Reuse
 */
export interface EvidenceRegistryOptions {
  /** Local rules, in addition to the catalogue's `replaceableBy`. */
  rules?: readonly EvidenceRule[] | undefined;
  /** Constraints per evidence type. */
  evidenceTypes?: readonly EvidenceTypeRule[] | undefined;
}

const typeKey = (kind: string, value: string): string => `${kind}\u0000${value}`;

/**
 * Which evidence may replace each component of a procedure: the catalogue's
 * `replaceableBy` (result codes from `KETQUATHUCHIEN`, document types, identity facts)
 * plus the deployment's own rules, each with its constraints. Duplicates are merged;
 * catalogue entries come first.
 *
 * @example
 * ```ts
 * import { EvidenceRegistry } from '@motcua/core';
 * import type { Procedure } from '@motcua/schemas';
 * declare const procedure: Procedure;
 * const registry = new EvidenceRegistry({
 *   rules: [{ procedureCode: '1.001193', componentCode: 'TP02', evidence: { kind: 'identity-fact', value: 'residence' } }],
 * });
 * for (const component of procedure.components) {
 *   console.log(component.code, registry.evidenceFor(procedure, component).map((e) => e.value));
 * }
 * ```
 * @category Reuse
 */
export class EvidenceRegistry {
  readonly #rules: EvidenceRule[];
  readonly #types = new Map<string, EvidenceTypeRule>();

  constructor(options: EvidenceRegistryOptions = {}) {
    this.#rules = [...(options.rules ?? [])];
    for (const t of options.evidenceTypes ?? []) this.#types.set(typeKey(t.kind, t.value), t);
  }

  /** Add a local rule; returns the registry for chaining. */
  addRule(rule: EvidenceRule): this {
    this.#rules.push(rule);
    return this;
  }

  /** Set the constraints of an evidence type; returns the registry for chaining. */
  setEvidenceType(rule: EvidenceTypeRule): this {
    this.#types.set(typeKey(rule.kind, rule.value), rule);
    return this;
  }

  /** The evidence that may replace `component` of `procedure`, catalogue entries first. */
  evidenceFor(procedure: Procedure, component: ProcedureComponent): RegisteredEvidence[] {
    const out = new Map<string, RegisteredEvidence>();
    const add = (evidence: ReplacingEvidence, origin: RegisteredEvidence['origin'], rule?: EvidenceRule) => {
      const key = typeKey(evidence.kind, evidence.value);
      if (out.has(key)) return;
      const type = this.#types.get(key);
      const entry: RegisteredEvidence = { kind: evidence.kind, value: evidence.value, origin };
      const maxAgeDays = rule?.maxAgeDays ?? type?.maxAgeDays;
      if (maxAgeDays !== undefined) entry.maxAgeDays = maxAgeDays;
      const sourceIds = rule?.sourceIds ?? type?.sourceIds;
      if (sourceIds !== undefined) entry.sourceIds = sourceIds;
      out.set(key, entry);
    };
    for (const evidence of component.replaceableBy) add(evidence, 'catalogue');
    for (const rule of this.#rules) {
      if (rule.componentCode !== component.code) continue;
      if (rule.procedureCode !== undefined && rule.procedureCode !== procedure.code) continue;
      add(rule.evidence, 'local', rule);
    }
    return [...out.values()];
  }
}
