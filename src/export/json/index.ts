export { writeJson } from './write.js';
