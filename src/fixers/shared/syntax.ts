import { createRequire } from 'node:module';
import { Language, Parser, type Node, type Tree } from 'web-tree-sitter';

export type SyntaxLang = 'go' | 'python';

const require = createRequire(import.meta.url);
const GRAMMARS: Record<SyntaxLang, string> = {
  go: 'tree-sitter-go/tree-sitter-go.wasm',
  python: 'tree-sitter-python/tree-sitter-python.wasm',
};
let init: Promise<void> | undefined;
const parsers = new Map<SyntaxLang, Promise<Parser>>();

/** The grammars shipped in node_modules (tree-sitter wasm builds), each loaded once; no downloads. */
function parserFor(lang: SyntaxLang): Promise<Parser> {
  let p = parsers.get(lang);
  if (!p) {
    p = (async () => {
      init ??= Parser.init();
      await init;
      const parser = new Parser();
      parser.setLanguage(await Language.load(require.resolve(GRAMMARS[lang])));
      return parser;
    })();
    parsers.set(lang, p);
  }
  return p;
}

/**
 * Parses sources and hands their roots to `use`, then frees the trees (they live in wasm memory).
 * `use` is synchronous on purpose: nodes must not outlive their tree.
 */
export async function withTrees<T>(lang: SyntaxLang, texts: string[], use: (roots: Node[]) => T extends Promise<unknown> ? never : T): Promise<T> {
  const parser = await parserFor(lang);
  const trees: Tree[] = [];
  try {
    for (const text of texts) {
      const tree = parser.parse(text);
      if (!tree) throw new Error(`tree-sitter could not parse the ${lang} source`);
      trees.push(tree);
    }
    return use(trees.map((t) => t.rootNode));
  } finally {
    for (const t of trees) t.delete();
  }
}

export function withGoTrees<T>(texts: string[], use: (roots: Node[]) => T extends Promise<unknown> ? never : T): Promise<T> {
  return withTrees('go', texts, use);
}

export function withGoTree<T>(text: string, use: (root: Node) => T extends Promise<unknown> ? never : T): Promise<T> {
  return withTrees('go', [text], (roots) => use(roots[0]!));
}

export function kids(node: Node): Node[] {
  return node.namedChildren.filter((c): c is Node => c !== null);
}

export function fieldAll(node: Node, name: string): Node[] {
  return node.childrenForFieldName(name).filter((c): c is Node => c !== null);
}

/** Every descendant of the given types (including nested ones). */
export function descendants(node: Node, types: string[]): Node[] {
  return node.descendantsOfType(types).filter((c): c is Node => c !== null);
}

export type { Node };
