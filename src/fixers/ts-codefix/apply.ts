import ts from 'typescript';

/** Applies one file's text changes (non-overlapping spans, as the language service returns them). */
export function applyTextChanges(text: string, changes: readonly ts.TextChange[]): string {
  const sorted = [...changes].sort((a, b) => b.span.start - a.span.start);
  let out = text;
  for (const c of sorted) out = out.slice(0, c.span.start) + c.newText + out.slice(c.span.start + c.span.length);
  return out;
}

/** Formatting that follows the file: tabs or its indent width. */
export function formatSettingsFor(text: string): ts.FormatCodeSettings {
  const settings = ts.getDefaultFormatCodeSettings(text.includes('\r\n') ? '\r\n' : '\n');
  const indented = /^([ \t]+)\S/m.exec(text)?.[1];
  if (indented?.startsWith('\t')) settings.convertTabsToSpaces = false;
  else if (indented) {
    settings.indentSize = indented.length % 4 === 0 && indented.length >= 4 ? 4 : 2;
    settings.tabSize = settings.indentSize;
  }
  return settings;
}

/**
 * The project's quote style for inserted imports: the file's own import lines, else its neighbours'
 * (TypeScript's 'auto' only looks at the file, and falls back to double quotes).
 */
export function preferencesFor(text: string, neighbours: () => string[]): ts.UserPreferences {
  const quote = quoteStyle(text) ?? neighbours().map(quoteStyle).find((q) => q !== undefined);
  return quote ? { ...PREFERENCES, quotePreference: quote } : PREFERENCES;
}

function quoteStyle(text: string): 'single' | 'double' | undefined {
  const single = (text.match(/^\s*(?:import|export)\b[^\n]*\bfrom\s+'/gm) ?? []).length + (text.match(/^\s*import\s+'/gm) ?? []).length;
  const double = (text.match(/^\s*(?:import|export)\b[^\n]*\bfrom\s+"/gm) ?? []).length + (text.match(/^\s*import\s+"/gm) ?? []).length;
  if (single === double) return undefined;
  return single > double ? 'single' : 'double';
}

export const PREFERENCES: ts.UserPreferences = {
  quotePreference: 'auto',
  importModuleSpecifierPreference: 'shortest',
  importModuleSpecifierEnding: 'auto',
  includePackageJsonAutoImports: 'auto',
  allowTextChangesInNewFiles: false,
  preferTypeOnlyAutoImports: false,
};
