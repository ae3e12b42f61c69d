/** A straight, axis-aligned piece of a drawn path (a table rule), in page coordinates. */
export interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** pdfjs's path operators inside constructPath (DrawOPS). */
const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const QUADRATIC = 3;
const CLOSE = 4;
/** Points each DrawOPS operator consumes. */
const ARITY: Readonly<Record<number, number>> = { [MOVE]: 2, [LINE]: 2, [CURVE]: 6, [QUADRATIC]: 4, [CLOSE]: 0 };

/**
 * The axis-aligned segments a page paints (stroked lines, rectangle edges, thin filled bars
 * that Word uses for borders), with the current transformation applied, plus the number of
 * images painted. Curves (arrows, rounded boxes) are skipped: tables are drawn with straight rules.
 */
export function pathSegments(
  ops: Readonly<Record<string, number>>,
  fnArray: readonly number[],
  argsArray: readonly unknown[],
): { segments: Segment[]; images: number } {
  const paint = new Set(
    ['stroke', 'closeStroke', 'fill', 'eoFill', 'fillStroke', 'eoFillStroke', 'closeFillStroke', 'closeEOFillStroke'].map((name) => ops[name]),
  );
  const imageOps = new Set(['paintImageXObject', 'paintInlineImageXObject', 'paintImageMaskXObject'].map((name) => ops[name]));
  const segments: Segment[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = IDENTITY;
  let images = 0;
  fnArray.forEach((fn, i) => {
    const args = argsArray[i] as unknown[] | null;
    if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore) ctm = stack.pop() ?? IDENTITY;
    else if (fn === ops.transform) ctm = multiply(ctm, args as Matrix);
    else if (fn === ops.paintFormXObjectBegin) {
      stack.push(ctm);
      const matrix = args?.[0] as Matrix | null;
      if (matrix && matrix.length === 6) ctm = multiply(ctm, matrix);
    } else if (fn === ops.paintFormXObjectEnd) ctm = stack.pop() ?? IDENTITY;
    else if (imageOps.has(fn)) images++;
    else if (fn === ops.constructPath && args && paint.has(args[0] as number)) {
      const data = (args[1] as ArrayLike<number>[] | undefined)?.[0];
      if (data) segments.push(...drawSegments(data, ctm));
    }
  });
  return { segments, images };
}

function drawSegments(data: ArrayLike<number>, ctm: Matrix): Segment[] {
  const out: Segment[] = [];
  let start: [number, number] | null = null;
  let at: [number, number] | null = null;
  const line = (from: [number, number], to: [number, number]) => {
    const [x1, y1] = from;
    const [x2, y2] = to;
    const horizontal = Math.abs(y1 - y2) < 0.5 && Math.abs(x1 - x2) >= 2;
    const vertical = Math.abs(x1 - x2) < 0.5 && Math.abs(y1 - y2) >= 2;
    if (horizontal || vertical) out.push({ x1, y1, x2, y2 });
  };
  for (let i = 0; i < data.length; ) {
    const op = data[i++] as number;
    const arity = ARITY[op];
    if (arity === undefined) break;
    if (op === MOVE || op === LINE) {
      const point = apply(ctm, data[i] as number, data[i + 1] as number);
      if (op === LINE && at) line(at, point);
      if (op === MOVE) start = point;
      at = point;
    } else if (op === CLOSE) {
      if (at && start) line(at, start);
      at = start;
    } else {
      at = apply(ctm, data[i + arity - 2] as number, data[i + arity - 1] as number);
    }
    i += arity;
  }
  return out;
}
