import chineseDays from 'chinese-days';
import { type Calendar, fromDayNumber, toDayNumber } from '../../src/workflow/calendar/index.js';
import { seeded } from '../../src/store/testing/random.js';
import { computeDeadline } from '../../src/workflow/periods/index.js';

export interface DeadlineInput {
  from: string;
  days: number;
}

/** Deterministic inputs: start dates across 2020–2026 (the years both calendars hold), 1–60 working days. */
export function deadlineInputs(count: number, seed = 20251009): DeadlineInput[] {
  const next = seeded(seed);
  const first = toDayNumber('2020-01-01');
  const last = toDayNumber('2026-10-31');
  return Array.from({ length: count }, () => ({ from: fromDayNumber(first + Math.floor(next() * (last - first))), days: 1 + Math.floor(next() * 60) }));
}

export interface Contender {
  name: string;
  note: string;
  run(input: DeadlineInput): string;
}

export function contenders(calendar: Calendar): Contender[] {
  return [
    {
      name: 'chinese-days findWorkday',
      note: '逐日前进，每天查一次节假日表',
      run: ({ from, days }) => chineseDays.findWorkday(days, from),
    },
    {
      name: 'quanze calendar.addWorkdays',
      note: '前缀和索引上的二分查找',
      run: ({ from, days }) => calendar.addWorkdays(from, days),
    },
    {
      name: 'quanze computeDeadline',
      note: '完整计算：请求校验、规则、说明文字和依据',
      run: ({ from, days }) => computeDeadline({ from, amount: days, unit: 'workday' }, calendar).due,
    },
  ];
}

export interface Throughput {
  name: string;
  note: string;
  opsPerSecond: number;
  ops: number;
}

/** Runs the inputs through each contender, round after round, until `seconds` have passed for it. */
export function measure(contender: Contender, inputs: readonly DeadlineInput[], seconds: number): Throughput {
  let sink = 0;
  for (const input of inputs.slice(0, 200)) sink += contender.run(input).length;
  let ops = 0;
  const started = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < seconds) {
    for (const input of inputs) sink += contender.run(input).length;
    ops += inputs.length;
    elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  }
  if (sink === 0) throw new Error('unreachable');
  return { name: contender.name, note: contender.note, opsPerSecond: ops / elapsed, ops };
}

/** Where the two libraries' answers differ: their holiday data, not their arithmetic, should explain every one. */
export function disagreements(calendar: Calendar, inputs: readonly DeadlineInput[]): { count: number; examples: string[] } {
  const examples: string[] = [];
  let count = 0;
  for (const input of inputs) {
    const ours = calendar.addWorkdays(input.from, input.days);
    const theirs = chineseDays.findWorkday(input.days, input.from);
    if (ours !== theirs) {
      count += 1;
      if (examples.length < 5) examples.push(`${input.from} + ${input.days} 个工作日：quanze ${ours}，chinese-days ${theirs}`);
    }
  }
  return { count, examples };
}
