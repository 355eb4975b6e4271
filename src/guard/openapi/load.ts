import path from 'node:path';
import $RefParser from '@apidevtools/json-schema-ref-parser';
import { parse as parseYaml } from 'yaml';

/** Reads a repo-relative file on the side being loaded (base or head revision, or disk). */
export type ReadFile = (rel: string) => Promise<string | undefined>;

export type OpenApiDoc = Record<string, unknown> & { openapi?: string; swagger?: string; paths?: Record<string, unknown> };

/** Virtual root so relative `$ref`s resolve to repo paths, read through `read` (any revision), never the network. */
const VROOT = '/__suture_openapi__/';

/**
 * Loads an OpenAPI 3.0/3.1 document (YAML or JSON) and resolves every `$ref`, internal and to other
 * files, with @apidevtools/json-schema-ref-parser. Circular references stay as shared objects.
 */
export async function loadOpenApi(specPath: string, read: ReadFile): Promise<OpenApiDoc | undefined> {
  const text = await read(specPath);
  if (text === undefined) return undefined;
  const doc = parseYaml(text) as unknown;
  if (!doc || typeof doc !== 'object' || !('openapi' in doc || 'swagger' in doc)) throw new Error(`${specPath} is not an OpenAPI document (no \`openapi\` field)`);
  const toRel = (url: string): string => {
    const i = url.indexOf(VROOT);
    return decodeURIComponent(i >= 0 ? url.slice(i + VROOT.length) : url).replace(/#.*$/, '');
  };
  try {
    return await dereference(specPath, doc, read, toRel);
  } catch (err) {
    // The library names files by their virtual URL; show the repo path instead.
    throw new Error((err as Error).message.split(VROOT).join('').replace(/^Error reading file "([^"]+)"/, 'cannot read $1'));
  }
}

async function dereference(specPath: string, doc: object, read: ReadFile, toRel: (url: string) => string): Promise<OpenApiDoc> {
  return (await $RefParser.dereference(VROOT + specPath, doc as never, {
    resolve: {
      file: false,
      http: false,
      repo: {
        order: 1,
        canRead: true,
        read: async (file: { url: string }) => {
          const rel = path.posix.normalize(toRel(file.url));
          const t = await read(rel);
          if (t === undefined) throw new Error(`$ref target ${rel} not found`);
          return t;
        },
      },
    },
    dereference: { circular: true },
  } as never)) as unknown as OpenApiDoc;
}
