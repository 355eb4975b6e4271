import type ts from 'typescript';

/**
 * The TypeScript code fixes suture applies, by `fixName`, highest preference first. Everything else is
 * refused (default deny). Each of these only adds what the checker proved missing or corrects a name
 * the checker resolved; none silences a diagnostic or invents behaviour.
 */
export const SAFE_FIXES: ReadonlyArray<{ fixName: string; why: string }> = [
  { fixName: 'import', why: 'imports a name another module of the project exports (only when exactly one module offers it)' },
  { fixName: 'spelling', why: "the checker's own spelling suggestion for an unknown name or member" },
  { fixName: 'forgottenThisPropertyAccess', why: 'a class member used without this.' },
  { fixName: 'fixImportNonExportedMember', why: 'exports a declaration another module already imports' },
  { fixName: 'addMissingAwaitToInitializer', why: 'awaits the Promise a variable is initialised with, where it is used as a value' },
  { fixName: 'addMissingAwait', why: 'awaits a Promise that is used as its value' },
  { fixName: 'fixAwaitInSyncFunction', why: 'marks the function that uses await as async' },
  { fixName: 'addMissingNewOperator', why: 'adds new to a class that is called' },
  { fixName: 'addMissingConst', why: 'declares an undeclared loop/assignment variable with const' },
  { fixName: 'fixMissingCallParentheses', why: 'calls a function the condition tested for truthiness' },
  { fixName: 'fixNaNEquality', why: 'x === NaN is always false; uses Number.isNaN' },
  { fixName: 'fixOverrideModifier', why: 'adds or removes the override modifier (noImplicitOverride)' },
  { fixName: 'addMissingDeclareProperty', why: 'adds declare to a redeclared property (useDefineForClassFields)' },
  { fixName: 'fixReturnTypeInAsyncFunction', why: 'wraps an async function return type in Promise<>' },
  { fixName: 'addVoidToPromise', why: 'new Promise<void> for a resolve() called without a value' },
  { fixName: 'useBigintLiteral', why: 'a numeric literal too large for a number' },
  { fixName: 'fixUnusedLabel', why: 'removes an unused label (the statement stays)' },
  { fixName: 'convertToTypeOnlyImport', why: 'type-only import under verbatimModuleSyntax/isolatedModules' },
  { fixName: 'convertToTypeOnlyExport', why: 'type-only re-export under isolatedModules' },
  { fixName: 'splitTypeOnlyImport', why: 'splits a type-only import that has a default and named bindings' },
  { fixName: 'fixMissingTypeAnnotationOnExports', why: 'annotates an export with its inferred type (isolatedDeclarations)' },
  // Conditionally safe: see `refusal` below.
  { fixName: 'unusedIdentifier', why: 'removes an unused import (only the "Remove import" variant)' },
  { fixName: 'fixMissingMember', why: 'declares a property assigned in the class (only with a concrete inferred type)' },
];

/** Fixes never applied, with why (documented in docs/fixers.md). */
export const NEVER_FIXES: Readonly<Record<string, string>> = {
  disableJsDiagnostics: 'adds // @ts-ignore or // @ts-nocheck: silences the error instead of fixing it',
  fixCannotFindModule: 'installs an @types package (a side effect outside the worktree)',
  strictClassInitialization: "adds '!' or '| undefined': hides a missing initialisation",
  addConvertToUnknownForNonOverlappingTypes: "casts through unknown: hides a type error",
  fixClassIncorrectlyImplementsInterface: "adds members that throw 'Not implemented'",
  fixClassDoesntImplementInheritedAbstractMember: "adds members that throw 'Not implemented'",
  fixMissingFunctionDeclaration: "adds a function that throws 'Not implemented'",
  fixMissingProperties: 'fills an object literal with undefined values',
  fixMissingAttributes: 'fills JSX attributes with undefined values',
  inferFromUsage: 'guesses types from usage',
  fixUnreachableCode: 'deletes code; unreachable code is usually a misplaced return, not dead code',
  fixConvertConstToLet: 'makes a constant reassignable; the assignment is as likely the bug',
  fixAddMissingConstraint: 'adds a generic constraint that changes a public signature',
  fixTargetOption: 'edits compiler options',
  fixModuleOption: 'edits compiler options',
  fixEnableJsxFlag: 'edits compiler options',
};

const PRIORITY = new Map(SAFE_FIXES.map((f, i) => [f.fixName, i]));

export function priorityOf(fixName: string): number | undefined {
  return PRIORITY.get(fixName);
}

const SILENCING = /@ts-(ignore|expect-error|nocheck)|eslint-disable/;
const STUB = /Not implemented|Method not implemented|throw new Error\(/;

/**
 * Why a fix offered by the language service is not applied, or undefined when it is acceptable.
 * `sourceAfter` is the text right after the diagnostic span (for the assignment check).
 */
export function refusal(fix: ts.CodeFixAction, isInWorktree: (file: string) => boolean, sourceAfter: string): string | undefined {
  if (NEVER_FIXES[fix.fixName]) return `${fix.fixName}: ${NEVER_FIXES[fix.fixName]}`;
  if (priorityOf(fix.fixName) === undefined) return `${fix.fixName} ('${fix.description}') is not on the safe list`;
  if (fix.commands?.length) return `${fix.fixName} needs a side effect (${fix.commands.length} command(s))`;
  for (const c of fix.changes) {
    if (c.isNewFile) return `${fix.fixName} creates a new file ${c.fileName}`;
    if (!isInWorktree(c.fileName)) return `${fix.fixName} edits ${c.fileName}, outside the worktree or in dependencies`;
    for (const t of c.textChanges) {
      if (SILENCING.test(t.newText)) return `${fix.fixName} inserts a suppression comment`;
      if (STUB.test(t.newText)) return `${fix.fixName} inserts a stub that throws`;
    }
  }
  if (fix.fixName === 'unusedIdentifier' && !/^Remove import/.test(fix.description)) return `unusedIdentifier ('${fix.description}') deletes or renames code`;
  if (fix.fixName === 'fixMissingMember') {
    if (!/^Declare property/.test(fix.description)) return `fixMissingMember ('${fix.description}') is not a plain property declaration`;
    if (!/^\s*=[^=]/.test(sourceAfter)) return `fixMissingMember: the member is read, not assigned; declaring it would hide a misspelling`;
    if (fix.changes.some((c) => c.textChanges.some((t) => /:\s*(any|unknown)\b/.test(t.newText)))) return 'fixMissingMember would declare the property as any/unknown';
  }
  return undefined;
}
