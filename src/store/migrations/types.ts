export type Dialect = 'sqlite' | 'postgres';

/**
 * One step of schema history. Statements run in order inside one transaction; never edit a shipped one.
 * A statement is portable SQL, or a function of the dialect for the rare storage hint one engine lacks.
 */
// A function may return '' when the step does not apply to that dialect.
export interface Migration {
  version: number;
  name: string;
  statements: ReadonlyArray<string | ((dialect: Dialect) => string)>;
}
