import { describe, expect, it } from 'vitest';
import type { Duty, DutyBasis, DutyBasisCell, DutyCell } from '../../model/index.js';
import { dutiesView } from './duties.js';

function duty(no: number, over: Partial<Duty> = {}): Duty {
  return { no, name: `步骤${no}`, heading: `步骤${no}责任`, text: `第${no}步的内容`, documents: [], raw: '', span: [0, 0], ...over };
}

function basis(key: string, step: number, over: Partial<DutyBasis> = {}): DutyBasis {
  return { key, step, provisions: [], text: `依据${key}`, raw: key, span: [0, 0], ...over };
}

function duties(list: Duty[]): DutyCell {
  return { text: list.map((d) => d.text).join('\n'), raw: '', flags: [], duties: list, residue: [] };
}

function bases(entries: DutyBasis[], text = ''): DutyBasisCell {
  return { text, raw: text, flags: [], entries, residue: [] };
}

function stepOf(html: string, no: number): string {
  const start = html.indexOf(`<li id="step-${no}">`);
  const next = html.indexOf('<li id="step-', start + 1);
  return html.slice(start, next < 0 ? undefined : next);
}

describe('dutiesView', () => {
  it('puts each basis entry under the step of its number', () => {
    const html = dutiesView(duties([duty(1), duty(2)]), bases([basis('1-1', 1), basis('1-2', 1), basis('2-1', 2)])).value;
    expect(stepOf(html, 1)).toContain('依据1-1');
    expect(stepOf(html, 1)).toContain('依据1-2');
    expect(stepOf(html, 1)).not.toContain('依据2-1');
    expect(stepOf(html, 2)).toContain('依据2-1');
  });

  it.each([
    ['links 同N to a step that exists', [duty(1), duty(2)], '<a href="#step-1">同第1步</a>'],
    ['writes 同N as text when step N is missing', [duty(2)], '同第1步<span class="muted">'],
  ])('%s', (_label, steps, expected) => {
    const html = dutiesView(duties(steps), bases([basis('同1', 2, { sameAs: 1 })])).value;
    expect(stepOf(html, 2)).toContain(expected);
  });

  it('says so when a step has no basis, and lists entries of missing steps after the steps', () => {
    const html = dutiesView(duties([duty(1)]), bases([basis('4', 4)])).value;
    expect(stepOf(html, 1).slice(0, stepOf(html, 1).indexOf('<h3>其他'))).toContain('未列出');
    expect(html.indexOf('<h3>其他责任事项依据</h3>')).toBeGreaterThan(html.indexOf('<li id="step-1">'));
    expect(html).toContain('依据4');
  });

  it('falls back to the cell texts when no step was recognised', () => {
    const cell: DutyCell = { text: '依法履行职责', raw: '依法履行职责', flags: [], duties: [], residue: [] };
    const html = dutiesView(cell, bases([], '《某法》第一条')).value;
    expect(html).not.toContain('<ol class="steps">');
    expect(html).toContain('依法履行职责');
    expect(html).toContain('<h3>责任事项依据</h3>');
    expect(html).toContain('《某法》第一条');
  });

  it('shows what the grammar could not place', () => {
    const cell = { ...duties([duty(1)]), residue: [{ text: '无法归位的文字', span: [0, 7] as [number, number], reason: '不是编号步骤' }] };
    expect(dutiesView(cell, undefined).value).toContain('无法归位的文字');
  });
});
