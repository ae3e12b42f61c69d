export function printTable(title: string, rows: readonly Record<string, string | number>[]): void {
  console.log(`\n== ${title}`);
  console.table(rows);
}

export function fmt(value: number, digits = 1): string {
  return value.toFixed(digits);
}
