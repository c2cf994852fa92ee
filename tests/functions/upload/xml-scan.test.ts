/**
 * The streaming XML scanner behind the upload checks: what it reports must not depend on
 * where the inflated chunks of a part happen to split it (an attacker chooses the deflate
 * blocks), and comments, CDATA and quoted `>` must not fool it.
 */
import { XmlScanner, XmlTextDecoder } from '../../../functions/src/templates/xml-scan';

interface Seen {
  declarations: number;
  elements: string[];
  texts: string[];
  attributes: Record<string, string>[];
}

function scan(chunks: string[], textOf = ['f']): Seen & { isXml: boolean } {
  const seen: Seen = { declarations: 0, elements: [], texts: [], attributes: [] };
  const scanner = new XmlScanner({
    textOf: new Set(textOf),
    onDeclaration: () => seen.declarations++,
    onElement: (name, attributes) => {
      seen.elements.push(name);
      seen.attributes.push(attributes());
    },
    onText: (_name, text) => seen.texts.push(text),
  });
  for (const chunk of chunks) scanner.write(chunk);
  scanner.end();
  return { ...seen, isXml: scanner.isXml };
}

/** Every way of cutting `text` into two chunks, plus one chunk per character. */
function splits(text: string): string[][] {
  const out: string[][] = [[text], [...text]];
  for (let i = 1; i < text.length; i++) out.push([text.slice(0, i), text.slice(i)]);
  return out;
}

describe('XmlScanner', () => {
  it('finds a DOCTYPE (and the entities in it) wherever the chunks split it', () => {
    const xml = '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY e SYSTEM "file:///etc/passwd">]><r>&e;</r>';
    for (const chunks of splits(xml)) expect(scan(chunks).declarations).toBeGreaterThan(0);
  });

  it('does not take comments, CDATA or processing instructions for declarations', () => {
    const xml = '<?xml version="1.0"?><!-- <!DOCTYPE no> --><r><f><![CDATA[<!ENTITY no>]]></f><?pi <!DOCTYPE no>?></r>';
    for (const chunks of splits(xml)) {
      const seen = scan(chunks);
      expect(seen.declarations).toBe(0);
      expect(seen.texts).toEqual(['<!ENTITY no>']);
    }
  });

  it('collects formula text with entities decoded, also when a chunk boundary cuts an entity', () => {
    const xml = '<x:worksheet><x:c r="A1"><x:f t="shared">cmd&#124;\'/c calc\'!A0&amp;&quot;x&quot;</x:f></x:c></x:worksheet>';
    for (const chunks of splits(xml)) {
      expect(scan(chunks).texts).toEqual(['cmd|\'/c calc\'!A0&"x"']);
    }
  });

  it('reads attributes with quoted ">" and prefixes, entity-decoded', () => {
    const seen = scan(['<Relationships><Relationship Id="r1" Type="a/b>c" r:Target=\'\\\\host\\share&amp;x\' TargetMode="External"/></Relationships>']);
    expect(seen.elements).toEqual(['Relationships', 'Relationship']);
    expect(seen.attributes[1]).toEqual({ Id: 'r1', Type: 'a/b>c', Target: '\\\\host\\share&x', TargetMode: 'External' });
  });

  it('treats content whose first character is not "<" as not XML and scans nothing more', () => {
    const seen = scan(['\x89PNG\r\n<!DOCTYPE x>']);
    expect(seen.isXml).toBe(false);
    expect(seen.declarations).toBe(0);
    expect(scan(['   \n', '  <a/>']).isXml).toBe(true);
  });

  it('refuses a construct that never ends past 1 MiB instead of holding it', () => {
    const scanner = new XmlScanner({ textOf: new Set(), onDeclaration: () => undefined, onElement: () => undefined, onText: () => undefined });
    scanner.write('<a b="');
    expect(() => {
      for (let i = 0; i < 20; i++) scanner.write('x'.repeat(64 * 1024));
    }).toThrow(/longer than 1 MiB/);
  });
});

describe('XmlTextDecoder', () => {
  it.each([
    ['UTF-8 with a BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<a>é</a>')])],
    ['UTF-16LE with a BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<a>é</a>', 'utf16le')])],
    ['UTF-16LE without a BOM', Buffer.from('<a>é</a>', 'utf16le')],
    ['UTF-16BE with a BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('<a>é</a>', 'utf16le').swap16()])],
    ['UTF-16BE without a BOM', Buffer.from('<a>é</a>', 'utf16le').swap16()],
  ])('%s, fed one byte at a time', (_name, bytes) => {
    const decoder = new XmlTextDecoder();
    let text = '';
    for (const byte of bytes) text += decoder.write(Buffer.from([byte]));
    text += decoder.end();
    expect(text).toBe('<a>é</a>');
  });
});
