import type { OpenApiDoc } from './load.js';

export interface ApiChange {
  breaking: boolean;
  /** Where, e.g. `GET /pets 200 response .items[].name`. */
  where: string;
  message: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'];

/** Direction of data: in requests the server must accept what clients send; in responses clients must understand it. */
type Dir = 'request' | 'response';

function typesOf(s: Obj): string[] {
  const t = s.type;
  const list = Array.isArray(t) ? t.map(String) : typeof t === 'string' ? [t] : [];
  if (s.nullable === true) list.push('null');
  return list.filter((x) => x !== 'null').sort();
}

/** allOf members merged, so a property moved into a shared base schema is not "removed". */
function flatten(s: Obj, seen = new Set<Obj>()): { props: Obj; required: Set<string> } {
  const props: Obj = {};
  const required = new Set<string>();
  if (seen.has(s)) return { props, required };
  seen.add(s);
  for (const part of Array.isArray(s.allOf) ? s.allOf : []) {
    if (!isObj(part)) continue;
    const f = flatten(part, seen);
    Object.assign(props, f.props);
    f.required.forEach((r) => required.add(r));
  }
  if (isObj(s.properties)) Object.assign(props, s.properties);
  if (Array.isArray(s.required)) s.required.forEach((r) => required.add(String(r)));
  return { props, required };
}

function compareSchema(a: unknown, b: unknown, dir: Dir, where: string, out: ApiChange[], seen: Set<unknown>): void {
  if (!isObj(a) || !isObj(b) || seen.has(a)) return;
  seen.add(a);
  const ta = typesOf(a);
  const tb = typesOf(b);
  if (ta.length > 0 && tb.length > 0 && ta.join('|') !== tb.join('|')) {
    const widened = ta.every((t) => tb.includes(t) || (t === 'integer' && tb.includes('number')));
    const breaking = dir === 'request' ? !widened : true;
    out.push({ breaking, where, message: `type changed ${ta.join('|')} → ${tb.join('|')}` });
  }
  if (Array.isArray(a.enum) && Array.isArray(b.enum)) {
    const [ea, eb] = [(a.enum as unknown[]).map((v) => JSON.stringify(v)), (b.enum as unknown[]).map((v) => JSON.stringify(v))];
    const removed = ea.filter((v) => !eb.includes(v));
    const added = eb.filter((v) => !ea.includes(v));
    if (removed.length > 0) out.push({ breaking: dir === 'request', where, message: `enum narrowed: removed ${removed.join(', ')}` });
    if (added.length > 0) out.push({ breaking: false, where, message: `enum widened: added ${added.join(', ')}` });
  } else if (!Array.isArray(a.enum) && Array.isArray(b.enum) && dir === 'request') {
    out.push({ breaking: true, where, message: `values restricted to enum ${JSON.stringify(b.enum)}` });
  }
  const fa = flatten(a);
  const fb = flatten(b);
  for (const [name, sa] of Object.entries(fa.props)) {
    const w = `${where}.${name}`;
    if (!(name in fb.props)) {
      out.push({ breaking: dir === 'response', where: w, message: `property removed` });
      continue;
    }
    if (dir === 'response' && fa.required.has(name) && !fb.required.has(name)) out.push({ breaking: true, where: w, message: 'property no longer required in the response (clients may not get it)' });
    compareSchema(sa, fb.props[name], dir, w, out, seen);
  }
  for (const name of Object.keys(fb.props)) {
    if (name in fa.props) {
      if (dir === 'request' && fb.required.has(name) && !fa.required.has(name)) out.push({ breaking: true, where: `${where}.${name}`, message: 'property became required' });
      continue;
    }
    const req = fb.required.has(name);
    out.push({ breaking: dir === 'request' && req, where: `${where}.${name}`, message: req ? 'new required property' : 'new optional property' });
  }
  if (isObj(a.items) && isObj(b.items)) compareSchema(a.items, b.items, dir, `${where}[]`, out, seen);
}

function params(pathItem: Obj, op: Obj): Map<string, Obj> {
  const m = new Map<string, Obj>();
  for (const list of [pathItem.parameters, op.parameters]) {
    for (const p of Array.isArray(list) ? list : []) if (isObj(p)) m.set(`${String(p.in)}:${String(p.name)}`, p);
  }
  return m;
}

function mediaSchemas(x: unknown): Map<string, unknown> {
  const m = new Map<string, unknown>();
  if (isObj(x) && isObj(x.content)) for (const [type, media] of Object.entries(x.content)) if (isObj(media)) m.set(type, media.schema);
  return m;
}

function compareOperation(pa: Obj, a: Obj, pb: Obj, b: Obj, where: string, out: ApiChange[]): void {
  const seen = new Set<unknown>();
  const [qa, qb] = [params(pa, a), params(pb, b)];
  for (const [key, p] of qb) {
    const old = qa.get(key);
    const name = key.replace(':', ' parameter ');
    if (!old) out.push({ breaking: p.required === true, where, message: `${p.required === true ? 'new required' : 'new optional'} ${name}` });
    else {
      if (p.required === true && old.required !== true) out.push({ breaking: true, where, message: `${name} became required` });
      compareSchema(old.schema, p.schema, 'request', `${where} ${name}`, out, seen);
    }
  }
  for (const key of qa.keys()) if (!qb.has(key)) out.push({ breaking: false, where, message: `${key.replace(':', ' parameter ')} removed` });
  const [ra, rb] = [a.requestBody, b.requestBody];
  if (isObj(rb) && rb.required === true && !(isObj(ra) && ra.required === true)) out.push({ breaking: true, where, message: 'request body became required' });
  const [ma, mb] = [mediaSchemas(ra), mediaSchemas(rb)];
  for (const [type, s] of ma) {
    if (!mb.has(type)) out.push({ breaking: true, where, message: `request body type ${type} no longer accepted` });
    else compareSchema(s, mb.get(type), 'request', `${where} request`, out, seen);
  }
  const [resA, resB] = [isObj(a.responses) ? a.responses : {}, isObj(b.responses) ? b.responses : {}];
  for (const [code, r] of Object.entries(resA)) {
    if (!(code in resB)) {
      out.push({ breaking: /^2/.test(code), where, message: `response ${code} removed` });
      continue;
    }
    const [sa, sb] = [mediaSchemas(r), mediaSchemas(resB[code])];
    for (const [type, s] of sa) {
      if (!sb.has(type)) out.push({ breaking: true, where, message: `response ${code} no longer returns ${type}` });
      else compareSchema(s, sb.get(type), 'response', `${where} ${code} response`, out, seen);
    }
  }
  for (const code of Object.keys(resB)) if (!(code in resA)) out.push({ breaking: false, where, message: `response ${code} added` });
}

/** Classifies every difference between two dereferenced OpenAPI documents as breaking or not. */
export function diffOpenApi(a: OpenApiDoc, b: OpenApiDoc): ApiChange[] {
  const out: ApiChange[] = [];
  const [pa, pb] = [isObj(a.paths) ? a.paths : {}, isObj(b.paths) ? b.paths : {}];
  for (const [p, itemA] of Object.entries(pa)) {
    if (!isObj(itemA)) continue;
    const itemB = pb[p];
    if (!isObj(itemB)) {
      out.push({ breaking: true, where: p, message: 'path removed' });
      continue;
    }
    for (const m of METHODS) {
      const [oa, ob] = [itemA[m], itemB[m]];
      if (!isObj(oa)) continue;
      const where = `${m.toUpperCase()} ${p}`;
      if (!isObj(ob)) out.push({ breaking: true, where, message: 'operation removed' });
      else compareOperation(itemA, oa, itemB, ob, where, out);
    }
    for (const m of METHODS) if (!isObj(itemA[m]) && isObj(itemB[m])) out.push({ breaking: false, where: `${m.toUpperCase()} ${p}`, message: 'operation added' });
  }
  for (const p of Object.keys(pb)) if (!(p in pa)) out.push({ breaking: false, where: p, message: 'path added' });
  return out;
}
