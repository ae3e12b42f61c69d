export { jsonReader, readListJson } from './read.js';
