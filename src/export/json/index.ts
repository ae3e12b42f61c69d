export { writeJson } from './write.js';
export { jsonReader, readListJson } from './read.js';
