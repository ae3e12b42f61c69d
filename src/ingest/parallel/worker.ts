import { parentPort } from 'node:worker_threads';
import type { Finding } from '../../model/index.js';
import { toPowerItem } from '../../parse/power-item.js';
import type { ListMetaSample } from '../list-meta.js';
import { LineBytes } from './line-bytes.js';
import { type ParseDone, type ParseJob, ndjsonItemLine } from './protocol.js';

const ndjson = new LineBytes();

/** Runs the parse stage for pieces of a large file, so the grammars use every core. */
parentPort?.on('message', (job: ParseJob) => {
  const fields = new Map(job.columns.map((c) => [c.header, c.field] as const));
  const fieldOf = (header: string) => fields.get(header) ?? null;
  const findings: Finding[][] = [];
  const sample: ListMetaSample[] = [];
  for (const record of job.records) {
    const { item, findings: itemFindings } = toPowerItem(record, { file: job.file, fieldOf });
    ndjson.add(ndjsonItemLine(job.file, item));
    findings.push(itemFindings);
    // Only what the head reads: whole items would be kept and copied for two fields.
    if (sample.length < job.sample) sample.push({ subject: item.subject, serviceLevel: item.serviceLevel });
  }
  const done: ParseDone = { id: job.id, ndjson: ndjson.take(), findings, sample };
  // The bytes move to the reading thread instead of being copied.
  parentPort?.postMessage(done, [done.ndjson.buffer as ArrayBuffer]);
});
