import { createRequire } from 'node:module';
import { Language, Parser, type Node, type Tree } from 'web-tree-sitter';

const require = createRequire(import.meta.url);
let parserReady: Promise<Parser> | undefined;

/** The Go grammar shipped in node_modules (tree-sitter-go's wasm build), loaded once. */
function goParser(): Promise<Parser> {
  parserReady ??= (async () => {
    await Parser.init();
    const language = await Language.load(require.resolve('tree-sitter-go/tree-sitter-go.wasm'));
    const p = new Parser();
    p.setLanguage(language);
    return p;
  })();
  return parserReady;
}

/**
 * Parses Go sources and hands their roots to `use`, then frees the trees (they live in wasm memory).
 * `use` is synchronous on purpose: nodes must not outlive their tree.
 */
export async function withGoTrees<T>(texts: string[], use: (roots: Node[]) => T extends Promise<unknown> ? never : T): Promise<T> {
  const parser = await goParser();
  const trees: Tree[] = [];
  try {
    for (const text of texts) {
      const tree = parser.parse(text);
      if (!tree) throw new Error('tree-sitter could not parse the Go source');
      trees.push(tree);
    }
    return use(trees.map((t) => t.rootNode));
  } finally {
    for (const t of trees) t.delete();
  }
}

export function withGoTree<T>(text: string, use: (root: Node) => T extends Promise<unknown> ? never : T): Promise<T> {
  return withGoTrees([text], (roots) => use(roots[0]!));
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
