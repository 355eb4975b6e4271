/** One step of schema history. Statements run in order inside one transaction; never edit a shipped one. */
export interface Migration {
  version: number;
  name: string;
  statements: readonly string[];
}
