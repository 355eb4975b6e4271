import type { Node } from './syntax.js';
import { descendants, fieldAll, kids } from './syntax.js';

/** Predeclared identifiers of the universe block (go/types universe.go). */
export const GO_UNIVERSE = [
  'bool', 'byte', 'complex64', 'complex128', 'error', 'float32', 'float64', 'int', 'int8', 'int16', 'int32', 'int64',
  'rune', 'string', 'uint', 'uint8', 'uint16', 'uint32', 'uint64', 'uintptr', 'any', 'comparable',
  'true', 'false', 'iota', 'nil',
  'append', 'cap', 'clear', 'close', 'complex', 'copy', 'delete', 'imag', 'len', 'make', 'max', 'min', 'new', 'panic',
  'print', 'println', 'real', 'recover',
];

/** Names a declaration statement introduces (short var, var, const, type). */
export function declaredBy(stmt: Node): string[] {
  switch (stmt.type) {
    case 'short_var_declaration':
      return kids(stmt.childForFieldName('left')!).filter((n) => n.type === 'identifier').map((n) => n.text);
    case 'var_declaration':
    case 'const_declaration':
      return descendants(stmt, ['var_spec', 'const_spec']).flatMap((s) => fieldAll(s, 'name').map((n) => n.text));
    case 'type_declaration':
      return descendants(stmt, ['type_spec', 'type_alias']).flatMap((s) => fieldAll(s, 'name').map((n) => n.text));
    case 'range_clause': {
      const left = stmt.childForFieldName('left');
      return left ? kids(left).filter((n) => n.type === 'identifier').map((n) => n.text) : [];
    }
    default:
      return [];
  }
}

function paramNames(list: Node | null): string[] {
  if (!list) return [];
  return descendants(list, ['parameter_declaration', 'variadic_parameter_declaration', 'type_parameter_declaration']).flatMap((p) =>
    fieldAll(p, 'name').map((n) => n.text),
  );
}

/**
 * Local names visible at `at`: walking outwards, each enclosing function's parameters, receiver and
 * results, each enclosing statement's initializer (if/for/switch), and every declaration statement of an
 * enclosing block that ends before `at`. Package-level names are added by the caller (all files).
 */
export function localNamesAt(at: Node): Set<string> {
  const names = new Set<string>();
  let prev: Node = at;
  for (let a: Node | null = at.parent; a; prev = a, a = a.parent) {
    switch (a.type) {
      case 'function_declaration':
      case 'method_declaration':
      case 'func_literal':
        for (const f of ['parameters', 'receiver', 'result', 'type_parameters']) paramNames(a.childForFieldName(f)).forEach((n) => names.add(n));
        break;
      case 'block':
      case 'statement_list':
        for (const s of kids(a)) if (s.endIndex <= prev.startIndex) declaredBy(s).forEach((n) => names.add(n));
        break;
      case 'for_statement':
      case 'if_statement':
      case 'expression_switch_statement':
      case 'type_switch_statement':
        for (const c of kids(a)) {
          if (c.type === 'range_clause') declaredBy(c).forEach((n) => names.add(n));
          if (c.type === 'for_clause') {
            const init = c.childForFieldName('initializer');
            if (init) declaredBy(init).forEach((n) => names.add(n));
          }
          if (c.type === 'short_var_declaration') declaredBy(c).forEach((n) => names.add(n));
        }
        fieldAll(a, 'initializer').forEach((i) => declaredBy(i).forEach((n) => names.add(n)));
        fieldAll(a, 'alias').forEach((i) => kids(i).forEach((n) => n.type === 'identifier' && names.add(n.text)));
        break;
      default:
        break;
    }
  }
  return names;
}

/** Top-level names of one file: functions, types, vars, consts (methods are not in scope by name). */
export function packageNames(root: Node): string[] {
  const out: string[] = [];
  for (const d of kids(root)) {
    if (d.type === 'function_declaration') out.push(d.childForFieldName('name')!.text);
    else out.push(...declaredBy(d));
  }
  return out;
}

/** The package name from `package x`. */
export function packageClause(root: Node): string | undefined {
  const clause = kids(root).find((n) => n.type === 'package_clause');
  return clause ? kids(clause)[0]?.text : undefined;
}

/** Imported package names of a file, mapped to import paths (alias, else the path's last element). */
export function importNames(root: Node): Map<string, string> {
  const out = new Map<string, string>();
  for (const spec of descendants(root, ['import_spec'])) {
    const pathNode = spec.childForFieldName('path');
    if (!pathNode) continue;
    const importPath = pathNode.text.replace(/^["`]|["`]$/g, '');
    const alias = spec.childForFieldName('name')?.text;
    if (alias === '_' || alias === '.') continue;
    out.set(alias ?? defaultImportName(importPath), importPath);
  }
  return out;
}

/** `gopkg.in/yaml.v3` -> yaml, `github.com/x/y/v2` -> y, `net/http` -> http. */
export function defaultImportName(importPath: string): string {
  const parts = importPath.split('/');
  let last = parts[parts.length - 1]!;
  if (/^v\d+$/.test(last) && parts.length > 1) last = parts[parts.length - 2]!;
  return last.replace(/\.v\d+$/, '').replace(/^go-/, '').replace(/[^\w]/g, '_');
}

/**
 * Fields and methods of a type declared in the package, or undefined when the set cannot be complete
 * (embedded fields promote members we do not see, or the type is not a local struct/interface).
 */
export function membersOf(roots: Node[], typeName: string): string[] | undefined {
  let found = false;
  const members: string[] = [];
  for (const root of roots) {
    for (const spec of descendants(root, ['type_spec'])) {
      if (spec.childForFieldName('name')?.text !== typeName) continue;
      found = true;
      const t = spec.childForFieldName('type');
      if (t?.type === 'struct_type') {
        for (const f of descendants(t, ['field_declaration'])) {
          const names = fieldAll(f, 'name');
          if (names.length === 0) return undefined;
          members.push(...names.map((n) => n.text));
        }
      } else if (t?.type === 'interface_type') {
        for (const m of kids(t)) {
          if (m.type === 'method_elem' || m.type === 'method_spec') members.push(m.childForFieldName('name')!.text);
          else return undefined;
        }
      }
    }
    for (const m of descendants(root, ['method_declaration'])) {
      const recv = m.childForFieldName('receiver');
      const typeNode = recv ? descendants(recv, ['type_identifier'])[0] : undefined;
      if (typeNode?.text === typeName) members.push(m.childForFieldName('name')!.text);
    }
  }
  return found ? members : undefined;
}

/** Is this identifier the `x` of `x.Sel` (an expression) or of `x.T` (a type)? Only a package, a variable or a type can be. */
export function isQualifier(node: Node): boolean {
  const parent = node.parent;
  if (!parent) return false;
  if (parent.type === 'selector_expression') return parent.childForFieldName('operand')?.id === node.id;
  if (parent.type === 'qualified_type') return parent.childForFieldName('package')?.id === node.id;
  return false;
}
