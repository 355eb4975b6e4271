import type { BuildLogExtractor } from './types.js';
import { tscExtractor } from './tsc.js';
import { eslintStylishExtractor } from './eslint-stylish.js';
import { eslintJsonExtractor } from './eslint-json.js';
import { npmExtractor } from './npm.js';
import { pythonExtractor } from './python.js';
import { pytestCollectionExtractor } from './pytest-collection.js';

/** Every build/typecheck/lint output suture reads, in the order they are tried when the tool is unknown. */
export const extractors: BuildLogExtractor[] = [tscExtractor, eslintJsonExtractor, eslintStylishExtractor, npmExtractor, pytestCollectionExtractor, pythonExtractor];

export type { BuildLogExtractor } from './types.js';
export { cleanLines } from './text.js';
