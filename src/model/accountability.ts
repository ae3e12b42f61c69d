import { z } from 'zod';
import { Residue, TextSpan } from './provision.js';

/** One numbered situation of 追责情形: "（一）…", "1.…", "1、…". */
export const Situation = z.object({
  label: z.string(),
  text: z.string(),
  /** The body that pursues it, when the text ends with one: "（机关纪委）". */
  pursuer: z.string().optional(),
  raw: z.string(),
  span: TextSpan,
});
export type Situation = z.infer<typeof Situation>;

export const Accountability = z.object({
  preamble: z.string().optional(),
  situations: z.array(Situation),
  residue: z.array(Residue),
});
export type Accountability = z.infer<typeof Accountability>;
