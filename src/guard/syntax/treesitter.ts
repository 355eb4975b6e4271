import { createRequire } from 'node:module';
import { Language, Parser, type Node, type Tree } from 'web-tree-sitter';

export type TreeLang = 'python' | 'go';

const require = createRequire(import.meta.url);
const GRAMMARS: Record<TreeLang, string> = {
  python: 'tree-sitter-python/tree-sitter-python.wasm',
  go: 'tree-sitter-go/tree-sitter-go.wasm',
};

let ready: Promise<Map<TreeLang, Parser>> | undefined;

/** Loads web-tree-sitter and the grammars shipped in node_modules once (no downloads at runtime). */
function parsers(): Promise<Map<TreeLang, Parser>> {
  ready ??= (async () => {
    await Parser.init();
    const map = new Map<TreeLang, Parser>();
    for (const [lang, file] of Object.entries(GRAMMARS) as Array<[TreeLang, string]>) {
      const language = await Language.load(require.resolve(file));
      const p = new Parser();
      p.setLanguage(language);
      map.set(lang, p);
    }
    return map;
  })();
  return ready;
}

/** Parses `text`; the caller must `delete()` the tree when done (it lives in wasm memory). */
export async function parseTree(lang: TreeLang, text: string): Promise<Tree> {
  const tree = (await parsers()).get(lang)!.parse(text);
  if (!tree) throw new Error(`tree-sitter could not parse ${lang} text`);
  return tree;
}

/** Depth-first visit of named nodes; return false from `visit` to skip a node's children. */
export function walkTree(node: Node, visit: (n: Node) => boolean | void): void {
  if (visit(node) === false) return;
  for (let i = 0; i < node.namedChildCount; i++) {
    const c = node.namedChild(i);
    if (c) walkTree(c, visit);
  }
}

export function field(node: Node, name: string): Node | undefined {
  return node.childForFieldName(name) ?? undefined;
}

export function namedChildren(node: Node): Node[] {
  const out: Node[] = [];
  for (let i = 0; i < node.namedChildCount; i++) {
    const c = node.namedChild(i);
    if (c) out.push(c);
  }
  return out;
}

export type { Node, Tree };
