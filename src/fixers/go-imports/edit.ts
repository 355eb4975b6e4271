import { kids, withGoTree } from '../shared/syntax.js';

/** Where a file's imports are: line numbers are 0-based rows of the source. */
interface ImportLayout {
  packageRow: number;
  /** Each import declaration: its first and last row, and whether it is a parenthesised block. */
  decls: Array<{ start: number; end: number; block: boolean }>;
}

async function layout(text: string): Promise<ImportLayout | undefined> {
  return withGoTree(text, (root) => {
    const clause = kids(root).find((n) => n.type === 'package_clause');
    if (!clause) return undefined;
    const decls = kids(root)
      .filter((n) => n.type === 'import_declaration')
      .map((d) => ({ start: d.startPosition.row, end: d.endPosition.row, block: kids(d).some((c) => c.type === 'import_spec_list') }));
    return { packageRow: clause.endPosition.row, decls };
  });
}

/**
 * The file with `import "<path>"` added: into the first parenthesised import block (the standard
 * library's group, at its top; a module package at the end of the block's last group), else into a
 * block made of the last one-line import, else after the package clause. gofmt then sorts and
 * aligns it (see index.ts); the text is valid Go either way.
 */
export async function addImport(text: string, importPath: string, std: boolean): Promise<string | undefined> {
  const where = await layout(text);
  if (!where) return undefined;
  const lines = text.split('\n');
  const spec = `"${importPath}"`;
  const block = where.decls.find((d) => d.block);
  if (block) {
    const indent = /^(\s+)\S/.exec(lines[block.start + 1] ?? '')?.[1] ?? '\t';
    // `import (` opens the block on its first row; `)` closes it on its last.
    if (std) lines.splice(block.start + 1, 0, `${indent}${spec}`);
    else lines.splice(block.end, 0, `${indent}${spec}`);
  } else if (where.decls.length > 0) {
    // `import "sort"` becomes a block holding both (gofmt sorts it).
    const last = where.decls[where.decls.length - 1]!;
    const single = last.start === last.end ? /^import\s+(.+?)\s*$/.exec(lines[last.start]!) : null;
    if (single && !single[1]!.includes('//') && !single[1]!.includes('/*')) lines.splice(last.start, 1, 'import (', `\t${single[1]}`, `\t${spec}`, ')');
    else lines.splice(last.end + 1, 0, `import ${spec}`);
  } else {
    lines.splice(where.packageRow + 1, 0, '', `import ${spec}`);
  }
  return lines.join('\n');
}
