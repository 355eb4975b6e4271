import { descendants, fieldAll, kids, type Node } from '../shared/syntax.js';

/** Public names of Python 3's builtins module (3.11), always in scope. */
export const PY_BUILTINS = (
  'ArithmeticError AssertionError AttributeError BaseException BaseExceptionGroup BlockingIOError BrokenPipeError BufferError ' +
  'BytesWarning ChildProcessError ConnectionAbortedError ConnectionError ConnectionRefusedError ConnectionResetError ' +
  'DeprecationWarning EOFError Ellipsis EncodingWarning EnvironmentError Exception ExceptionGroup False FileExistsError ' +
  'FileNotFoundError FloatingPointError FutureWarning GeneratorExit IOError ImportError ImportWarning IndentationError ' +
  'IndexError InterruptedError IsADirectoryError KeyError KeyboardInterrupt LookupError MemoryError ModuleNotFoundError ' +
  'NameError None NotADirectoryError NotImplemented NotImplementedError OSError OverflowError PendingDeprecationWarning ' +
  'PermissionError ProcessLookupError RecursionError ReferenceError ResourceWarning RuntimeError RuntimeWarning ' +
  'StopAsyncIteration StopIteration SyntaxError SyntaxWarning SystemError SystemExit TabError TimeoutError True TypeError ' +
  'UnboundLocalError UnicodeDecodeError UnicodeEncodeError UnicodeError UnicodeTranslateError UnicodeWarning UserWarning ' +
  'ValueError Warning ZeroDivisionError __name__ __file__ __doc__ abs aiter all anext any ascii bin bool breakpoint bytearray ' +
  'bytes callable chr classmethod compile complex copyright credits delattr dict dir divmod enumerate eval exec exit filter ' +
  'float format frozenset getattr globals hasattr hash help hex id input int isinstance issubclass iter len license list ' +
  'locals map max memoryview min next object oct open ord pow print property quit range repr reversed round set setattr ' +
  'slice sorted staticmethod str sum super tuple type vars zip'
).split(' ');

/** A scope whose names cannot all be known statically (`from m import *`, module `__getattr__`). */
export class OpenScope extends Error {}

function addTargets(node: Node, out: Set<string>): void {
  switch (node.type) {
    case 'identifier':
      out.add(node.text);
      return;
    case 'pattern_list':
    case 'tuple_pattern':
    case 'list_pattern':
    case 'list_splat_pattern':
    case 'as_pattern_target':
    case 'parenthesized_expression':
    case 'expression_list':
    case 'tuple':
    case 'list':
      kids(node).forEach((k) => addTargets(k, out));
      return;
    default:
      return;
  }
}

/**
 * Names bound directly in a scope body (module, class or function): assignments, loop and `with`
 * targets, `except ... as`, imports, nested def/class names, walrus, global/nonlocal. Nested function,
 * class, lambda and comprehension bodies are their own scopes and are not entered.
 */
export function bindingsIn(body: Node): Set<string> {
  const out = new Set<string>();
  const walk = (n: Node): void => {
    switch (n.type) {
      case 'function_definition':
      case 'class_definition':
        out.add(n.childForFieldName('name')!.text);
        return;
      case 'lambda':
      case 'list_comprehension':
      case 'set_comprehension':
      case 'dictionary_comprehension':
      case 'generator_expression':
        return;
      case 'assignment':
      case 'augmented_assignment':
      case 'for_statement':
      case 'for_in_clause': {
        const left = n.childForFieldName('left');
        if (left) addTargets(left, out);
        break;
      }
      case 'as_pattern_target':
        addTargets(n, out);
        return;
      case 'named_expression':
        out.add(n.childForFieldName('name')!.text);
        break;
      case 'import_statement':
        for (const name of fieldAll(n, 'name')) {
          if (name.type === 'aliased_import') out.add(name.childForFieldName('alias')!.text);
          else out.add(name.text.split('.')[0]!);
        }
        return;
      case 'import_from_statement':
        if (kids(n).some((k) => k.type === 'wildcard_import')) throw new OpenScope(`'${n.text}' imports names that are not listed`);
        for (const name of fieldAll(n, 'name')) out.add(name.type === 'aliased_import' ? name.childForFieldName('alias')!.text : name.text);
        return;
      case 'global_statement':
      case 'nonlocal_statement':
        kids(n).forEach((k) => k.type === 'identifier' && out.add(k.text));
        return;
      default:
        break;
    }
    kids(n).forEach(walk);
  };
  kids(body).forEach(walk);
  return out;
}

function parameterNames(params: Node | null): string[] {
  if (!params) return [];
  const out: string[] = [];
  for (const p of kids(params)) {
    if (p.type === 'identifier') out.push(p.text);
    else if (p.type === 'default_parameter' || p.type === 'typed_default_parameter') out.push(p.childForFieldName('name')!.text);
    else if (p.type === 'typed_parameter' || p.type === 'list_splat_pattern' || p.type === 'dictionary_splat_pattern') {
      const id = kids(p).find((k) => k.type === 'identifier');
      if (id) out.push(id.text);
    }
  }
  return out;
}

/**
 * Names visible at `at` by Python's LEGB rule: enclosing functions' parameters and locals, lambda and
 * comprehension variables, the class body only when `at` is directly in it, module globals, builtins.
 * Throws OpenScope when a star import makes the set unknowable.
 */
export function pythonNamesAt(at: Node): Set<string> {
  const names = new Set<string>(PY_BUILTINS);
  let inFunction = false;
  for (let a: Node | null = at.parent; a; a = a.parent) {
    switch (a.type) {
      case 'function_definition':
        parameterNames(a.childForFieldName('parameters')).forEach((n) => names.add(n));
        bindingsIn(a.childForFieldName('body')!).forEach((n) => names.add(n));
        inFunction = true;
        break;
      case 'lambda':
        parameterNames(a.childForFieldName('parameters')).forEach((n) => names.add(n));
        inFunction = true;
        break;
      case 'list_comprehension':
      case 'set_comprehension':
      case 'dictionary_comprehension':
      case 'generator_expression':
        for (const c of kids(a)) if (c.type === 'for_in_clause') addTargets(c.childForFieldName('left')!, names);
        break;
      case 'class_definition':
        // A class body is not an enclosing scope for the functions defined in it.
        if (!inFunction) bindingsIn(a.childForFieldName('body')!).forEach((n) => names.add(n));
        break;
      case 'module':
        bindingsIn(a).forEach((n) => names.add(n));
        break;
      default:
        break;
    }
  }
  return names;
}

/** Top-level names of a module; OpenScope when it has a star import or a module `__getattr__`. */
export function moduleNames(root: Node): Set<string> {
  const names = bindingsIn(root);
  if (names.has('__getattr__')) throw new OpenScope('the module defines __getattr__');
  return names;
}

export function findClasses(root: Node, name: string): Node[] {
  return descendants(root, ['class_definition']).filter((c) => c.childForFieldName('name')?.text === name);
}

/**
 * Attributes of a class: its body's names, `self.x = ...` assignments in its methods, and the same for
 * base classes defined in `lookup`. Throws OpenScope when the set cannot be complete: a base class from
 * elsewhere, a metaclass, or `__getattr__`.
 */
export function classAttributes(cls: Node, lookup: (base: string) => Node | undefined, depth = 0): Set<string> {
  if (depth > 8) throw new OpenScope('class hierarchy too deep');
  const body = cls.childForFieldName('body')!;
  const names = bindingsIn(body);
  if (names.has('__getattr__') || names.has('__getattribute__')) throw new OpenScope(`class ${cls.childForFieldName('name')!.text} defines __getattr__`);
  for (const fn of descendants(body, ['function_definition'])) {
    const self = parameterNames(fn.childForFieldName('parameters'))[0];
    if (!self) continue;
    for (const asg of descendants(fn, ['assignment', 'augmented_assignment'])) {
      const left = asg.childForFieldName('left');
      const targets = left?.type === 'attribute' ? [left] : left ? descendants(left, ['attribute']) : [];
      for (const t of targets) if (t.childForFieldName('object')?.text === self) names.add(t.childForFieldName('attribute')!.text);
    }
  }
  const bases = cls.childForFieldName('superclasses');
  for (const b of bases ? kids(bases) : []) {
    if (b.type === 'keyword_argument') throw new OpenScope(`class ${cls.childForFieldName('name')!.text} has ${b.text}`);
    if (b.text === 'object') continue;
    const base = b.type === 'identifier' ? lookup(b.text) : undefined;
    if (!base) throw new OpenScope(`base class ${b.text} is not defined in the repository`);
    classAttributes(base, lookup, depth + 1).forEach((n) => names.add(n));
  }
  return names;
}
