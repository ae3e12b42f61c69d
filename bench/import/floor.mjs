// The floor: read the file, decode UTF-8 and split into lines, nothing else. Plain
// JavaScript, so nothing but the work itself is timed.
import { createReadStream } from 'node:fs';

const path = process.argv[2];
const decoder = new TextDecoder('utf-8');
let lines = 0;
let carry = '';
for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
  const text = carry + decoder.decode(chunk, { stream: true });
  const parts = text.split('\n');
  carry = parts.pop() ?? '';
  lines += parts.length;
}
lines += carry ? 1 : 0;
process.stdout.write(`${lines}\n`);
