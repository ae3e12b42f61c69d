/**
 * Characters a flowchart reader reads as structure rather than content: the labels of
 * the head ("项目类别："), the colon after a phone label (the label itself is kept in
 * Phone.label), list numbers ("1."), the ；/。 that ends a list entry, a chart heading's
 * number. [start, end) are offsets into the file's text.
 */
export interface SyntaxPiece {
  kind: 'label' | 'colon' | 'enumerator' | 'terminator';
  start: number;
  end: number;
}

/** What each kind of piece may contain: a test holds every recorded piece to this. */
export const SYNTAX_SHAPES: Readonly<Record<SyntaxPiece['kind'], RegExp>> = {
  label: /^[\u4e00-\u9fff]{2,6}[\s\u3000]*[：:]$/,
  colon: /^[\s\u3000]*[：:]$/,
  enumerator: /^[0-9０-９]{1,3}[.．、]$/,
  terminator: /^[；;。]$/,
};
