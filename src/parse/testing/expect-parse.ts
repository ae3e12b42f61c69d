import { expect } from 'vitest';
import type { Accountability, DutyBasisList, DutyList, Provision, Residue } from '../../model/index.js';
import type {
  ExpectedAccountability,
  ExpectedDuties,
  ExpectedDutyBasis,
  ExpectedProvision,
  ExpectedResidue,
  ExpectedText,
} from '../fixtures/types.js';
import { hasBrokenLevelTag } from '../provisions.js';

/** Test support: compares a grammar's output with a fixture's expectation, field by field. */
export function expectText(actual: string, e: ExpectedText, what: string): void {
  if (e.text !== undefined) expect(actual, what).toBe(e.text);
  if (e.textStart !== undefined) expect(actual.startsWith(e.textStart), `${what} starts with ${e.textStart}, got ${actual.slice(0, 80)}`).toBe(true);
  if (e.textEnd !== undefined) expect(actual.endsWith(e.textEnd), `${what} ends with ${e.textEnd}, got ${actual.slice(-80)}`).toBe(true);
}

export function expectProvision(actual: Provision | undefined, e: ExpectedProvision, what: string): void {
  expect(actual, what).toBeDefined();
  if (!actual) return;
  expect(actual.label, `${what} label`).toBe(e.label);
  expect(actual.sameAs, `${what} sameAs`).toBe(e.sameAs);
  expect(actual.level, `${what} level`).toBe(e.level);
  expect(actual.title, `${what} title`).toBe(e.title);
  expect(actual.note, `${what} note`).toBe(e.note);
  expect(actual.refs, `${what} refs`).toHaveLength(e.refs.length);
  e.refs.forEach((r, i) => {
      expect(actual.refs[i], `${what} ref ${i}`).toMatchObject(r);
    });
  if (e.brokenTag !== undefined) expect(hasBrokenLevelTag(actual), `${what} broken tag`).toBe(e.brokenTag);
  expect(actual.raw, `${what} raw`).toBe(actual.raw.trim());
  expectText(actual.text, e, `${what} text`);
}

export function expectResidue(actual: Residue[], expected: ExpectedResidue[] | undefined): void {
  const e = expected ?? [];
  expect(actual, 'residue').toHaveLength(e.length);
  e.forEach((r, i) => {
    expect(actual[i]?.reason).toBe(r.reason);
    expectText(actual[i]?.text ?? '', r, `residue ${i}`);
  });
}

export function expectDuties(actual: DutyList, e: ExpectedDuties): void {
  expect(actual.preamble, 'preamble').toBe(e.preamble);
  expect(actual.duties.map((d) => d.no), 'step numbers').toEqual(e.duties.map((d) => d.no));
  e.duties.forEach((d, i) => {
    const a = actual.duties[i];
    const what = `step ${d.no}`;
    expect(a?.name, `${what} name`).toBe(d.name);
    expect(a?.heading, `${what} heading`).toBe(d.heading);
    expect(a?.unit, `${what} unit`).toBe(d.unit);
    if (d.documents !== undefined) expect(a?.documents, `${what} documents`).toEqual(d.documents);
    expectText(a?.text ?? '', d, what);
  });
  expectResidue(actual.residue, e.residue);
}

export function expectDutyBasis(actual: DutyBasisList, e: ExpectedDutyBasis): void {
  expect(actual.entries.map((x) => x.key), 'keys').toEqual(e.entries.map((x) => x.key));
  e.entries.forEach((x, i) => {
    const a = actual.entries[i];
    const what = `entry ${x.key}`;
    expect(a?.step, `${what} step`).toBe(x.step);
    expect(a?.sub, `${what} sub`).toBe(x.sub);
    expect(a?.sameAs, `${what} sameAs`).toBe(x.sameAs);
    expect(a?.provisions, `${what} provisions`).toHaveLength(x.provisions.length);
    x.provisions.forEach((p, j) => {
      expectProvision(a?.provisions[j], p, `${what} provision ${j}`);
    });
    expectText(a?.text ?? '', x, what);
  });
  expectResidue(actual.residue, e.residue);
}

export function expectAccountability(actual: Accountability, e: ExpectedAccountability): void {
  expect(actual.preamble, 'preamble').toBe(e.preamble);
  expect(actual.situations.map((s) => s.label), 'labels').toEqual(e.situations.map((s) => s.label));
  e.situations.forEach((s, i) => {
    const a = actual.situations[i];
    expect(a?.pursuer, `situation ${s.label} pursuer`).toBe(s.pursuer);
    expectText(a?.text ?? '', s, `situation ${s.label}`);
  });
  expectResidue(actual.residue, e.residue);
}
