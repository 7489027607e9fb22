import type { ProcessorCase } from './processor.js';
export const errorCases: ProcessorCase[] = [];
