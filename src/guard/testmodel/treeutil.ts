import type { Node } from '../syntax/treesitter.js';

/** The anonymous (operator/keyword) children of a node, e.g. `==` or `is not`. */
export function operatorOf(node: Node): string {
  const ops: string[] = [];
  for (let i = 0; i < node.childCount; i++) {
    const c = node.child(i);
    if (c && !c.isNamed) ops.push(c.type);
  }
  return ops.join(' ');
}

/** Statements of a block (tree-sitter-go wraps them in a statement_list). */
export function statementsOf(block: Node | undefined | null): Node[] {
  if (!block) return [];
  const out: Node[] = [];
  for (let i = 0; i < block.namedChildCount; i++) {
    const c = block.namedChild(i);
    if (!c || c.type === 'comment') continue;
    if (c.type === 'statement_list') out.push(...statementsOf(c));
    else out.push(c);
  }
  return out;
}

export const row1 = (n: Node): number => n.startPosition.row + 1;
