import { createReadStream } from 'node:fs';

/** The floor: read the file, decode UTF-8 and split into lines, nothing else. */
const path = process.argv[2] as string;
const decoder = new TextDecoder('utf-8');
let lines = 0;
let carry = '';
for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
  const text = carry + decoder.decode(chunk as Buffer, { stream: true });
  const parts = text.split('\n');
  carry = parts.pop() ?? '';
  lines += parts.length;
}
lines += carry ? 1 : 0;
console.log(JSON.stringify({ lines, maxRssKb: process.resourceUsage().maxRSS }));
