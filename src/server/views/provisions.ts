import type { Provision, ProvisionCell, Residue } from '../../model/index.js';
import { textBlock } from './format.js';
import { html, type SafeHtml } from '../../html/index.js';
import { sameAsTargets } from '../../parse/index.js';

/** Level tags are written 【法律】 in lists; the badge shows the bare name. */
function levelName(level: string): string {
  return level.replace(/^[【[]|[】\]]$/g, '');
}

/** One cited provision: level, 《title》, note, article references, quoted text. */
export function provisionView(p: Provision, id?: string): SafeHtml {
  const refs = p.refs.map((r) => r.raw).join('、');
  return html`<li class="provision"${id ? html` id="${id}"` : ''}>
  <p class="cite">${p.label ? html`<span class="muted">${p.label}</span> ` : ''}${p.level ? html`<span class="badge plain">${levelName(p.level)}</span>` : ''}${p.title ? `《${p.title}》` : ''}${p.note ? html`<span class="note">（${p.note}）</span>` : ''}${refs ? html` <span class="refs">${refs}</span>` : ''}</p>
  ${p.text ? html`<blockquote>${p.text}</blockquote>` : ''}
</li>`;
}

/** "2.同1。": a link to the entries it stands for, with the words as the list wrote them. */
function sameAsView(provisions: readonly Provision[], p: Provision, anchor: string | undefined): SafeHtml {
  const target = `同第${p.sameAs}项`;
  const first = sameAsTargets(provisions, p)[0];
  const link = anchor && first ? html`<a href="#${anchor}-${provisions.indexOf(first)}">${target}</a>` : target;
  return html`<li class="provision"><p class="cite">${p.label ? html`<span class="muted">${p.label}</span> ` : ''}${link}<span class="muted">（原文“${p.text}”）</span></p></li>`;
}

/** A cell's provisions; with `anchor`, each gets an id so a "同N" entry can link to N. */
export function provisionsView(provisions: readonly Provision[], anchor?: string): SafeHtml {
  if (provisions.length === 0) return html``;
  const items = provisions.map((p, i) =>
    p.sameAs !== undefined ? sameAsView(provisions, p, anchor) : provisionView(p, anchor ? `${anchor}-${i}` : undefined),
  );
  return html`<ul class="provisions">${items}</ul>`;
}

/** Text a grammar could not place, shown so nothing imported is hidden. */
export function residueView(residue: readonly Residue[]): SafeHtml {
  if (residue.length === 0) return html``;
  return html`${residue.map((r) => html`<div class="residue"><p class="muted">未能解析的文字（${r.reason}）</p><div class="text">${r.text}</div></div>`)}`;
}

/** A 实施依据 / 追责依据 cell: parsed provisions, or its text when none were found. */
export function provisionCellView(cell: ProvisionCell | undefined, anchor?: string): SafeHtml {
  if (!cell || cell.text.trim() === '') return textBlock(undefined);
  if (cell.provisions.length === 0) return html`${textBlock(cell.text)}${residueView(cell.residue)}`;
  return html`${provisionsView(cell.provisions, anchor)}${residueView(cell.residue)}`;
}
