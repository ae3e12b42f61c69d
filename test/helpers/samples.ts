import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SAMPLES = {
  mima: '000_02bf2a8e6665d46e.txt',
  baomi: '001_7632346c82027c4f.txt',
  flowchart: '002_0a622c9ed900c315.txt',
  liuzhou: '003_1a02e0d312fedcb4.txt',
  liangzhou: '004_a6a5239ed012e120.txt',
} as const;

export type SampleName = keyof typeof SAMPLES;

export function samplePath(name: SampleName): string {
  return fileURLToPath(new URL(`../../data/samples/${SAMPLES[name]}`, import.meta.url));
}

export function sampleText(name: SampleName): string {
  return readFileSync(samplePath(name), 'utf8');
}

/** A reader input for a sample, as the pipeline would build it. */
export function sampleInput(name: SampleName) {
  const text = sampleText(name);
  return { file: SAMPLES[name], bytes: new TextEncoder().encode(text), text };
}
