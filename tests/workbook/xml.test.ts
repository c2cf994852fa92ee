/**
 * The XML tag scanner of the workbook layer (workbook/xml.ts) against XML 1.0 (Fifth
 * Edition) and the SpreadsheetML string rules of ECMA-376 Part 1:
 *   - element names are compared by local name: `<x:c>` is `<c>` (Namespaces in XML 1.0 §4);
 *   - comments (§2.5), processing instructions (§2.6), CDATA sections (§2.7) and the
 *     document type declaration (§2.8) are not elements;
 *   - a quoted attribute value may hold ">" and "/>" (§3.1, AttValue);
 *   - character and entity references (§4.1, §4.6) are decoded, numeric ones in decimal and hex;
 *   - ST_Xstring `_xHHHH_` escapes (ECMA-376 Part 1, §22.9.2.19) are decoded, `_x005F_`
 *     escaping a literal underscore;
 *   - a string item's text is its `<t>` runs; phonetic runs `<rPh>` annotate it and are not
 *     part of it (§18.4.6 rPh, §18.4.8 si).
 */
import {
  attribute,
  attributes,
  decodeEntities,
  decodeXstring,
  elementBody,
  elements,
  escapeAttribute,
  escapeText,
  nextTag,
  rawAttribute,
  stringItemText,
} from '../../workbook/xml';

/** Local names of every tag the scanner finds, closers as "/name". */
function tagNames(xml: string): string[] {
  const out: string[] = [];
  for (let tag = nextTag(xml, 0); tag; tag = nextTag(xml, tag.end)) out.push(`${tag.closing ? '/' : ''}${tag.name}${tag.selfClosing ? '/' : ''}`);
  return out;
}

describe('nextTag: element tags only, by local name', () => {
  it('a prefixed element is found by its local name (<x:c> is c), with its attributes text', () => {
    const tag = nextTag('<x:c r="A1" t="s"><x:v>0</x:v></x:c>', 0)!;
    expect(tag).toMatchObject({ name: 'c', closing: false, selfClosing: false, start: 0, attributesText: ' r="A1" t="s"' });
    expect(tagNames('<x:c r="A1" t="s"><x:v>0</x:v></x:c>')).toEqual(['c', 'v', '/v', '/c']);
  });

  it('start, end and self-closing tags; names end at whitespace of any kind (S ::= #x20 | #x9 | #xD | #xA)', () => {
    expect(tagNames('<row\tr="1"><c\nr="A1"/><c\r\nr="B1" /></row>')).toEqual(['row', 'c/', 'c/', '/row']);
    const tag = nextTag('<c r="A1" />', 0)!;
    expect(tag.selfClosing).toBe(true);
    expect(tag.end).toBe('<c r="A1" />'.length);
  });

  it('the XML declaration, processing instructions, the DOCTYPE, comments and CDATA sections are skipped', () => {
    const xml = '<?xml version="1.0"?><!DOCTYPE sst><?mso-application progid="Excel.Sheet"?><!-- <c r="Z9"/> --><![CDATA[<c r="Y9"/>]]><c r="A1"/>';
    expect(tagNames(xml)).toEqual(['c/']);
    expect(attribute(nextTag(xml, 0)!.attributesText, 'r')).toBe('A1');
  });

  it('a comment holding "--" runs and tags ends only at "-->"', () => {
    expect(tagNames('<a><!-- x <b> -- </b> y --><c/></a>')).toEqual(['a', 'c/', '/a']);
  });

  it('quoted attribute values may hold ">" and "/>" (double or single quotes)', () => {
    const tag = nextTag('<cfRule operator="greaterThan" text="a>b" note=\'ends />\'><formula>1</formula></cfRule>', 0)!;
    expect(tag.name).toBe('cfRule');
    expect(tag.selfClosing).toBe(false);
    expect(attributes(tag.attributesText)).toEqual({ operator: 'greaterThan', text: 'a>b', note: 'ends />' });
    expect(tagNames('<a t="x>y"/><b/>')).toEqual(['a/', 'b/']);
  });

  it('null when there is no further tag, or when the last tag is not closed', () => {
    expect(nextTag('just text', 0)).toBeNull();
    expect(nextTag('<c r="A1"', 0)).toBeNull();
    expect(nextTag('<!-- never closed <c/>', 0)).toBeNull();
  });
});

describe('attributes', () => {
  it('by local name, values decoded; xmlns declarations keep their prefix', () => {
    expect(attributes(' xmlns:r="http://r" r:id="rId1" name="R&amp;D &lt;2025&gt;" sheetId=\'3\'')).toEqual({ 'xmlns:r': 'http://r', id: 'rId1', name: 'R&D <2025>', sheetId: '3' });
  });

  it('whitespace around "=" is allowed (Eq ::= S? "=" S?)', () => {
    expect(attributes(' r = "A1"  t\t=\t"s"')).toEqual({ r: 'A1', t: 's' });
    expect(attribute(' r = "A1"', 'r')).toBe('A1');
  });

  it('one attribute by name, not by a longer name containing it (r is not ref, id is not sheetId)', () => {
    const text = ' ref="A1:B2" sheetId="4" r="A1" r:id="rId7"';
    expect(attribute(text, 'r')).toBe('A1');
    expect(attribute(text, 'ref')).toBe('A1:B2');
    expect(attribute(text, 'id')).toBe('rId7');
    expect(attribute(text, 'missing')).toBeUndefined();
  });

  it('rawAttribute keeps the escaped text; attribute decodes it', () => {
    expect(rawAttribute(' v="a&amp;b"', 'v')).toBe('a&amp;b');
    expect(attribute(' v="a&amp;b"', 'v')).toBe('a&b');
  });
});

describe('entities and character references (XML 1.0 §4.1, §4.6)', () => {
  it('escapeText and escapeAttribute produce text that decodes back', () => {
    const text = 'a < b & c > "d"';
    expect(escapeText(text)).toBe('a &lt; b &amp; c &gt; "d"');
    expect(escapeAttribute(text)).toBe('a &lt; b &amp; c &gt; &quot;d&quot;');
    expect(decodeEntities(escapeAttribute(text))).toBe(text);
  });
});

/**
 * The three text decoders on worked examples: what each is given and the text it gives back,
 * grouped by the rule each example shows.
 */
describe.each([
  {
    title: 'entities and character references (XML 1.0 §4.1, §4.6)',
    decode: decodeEntities,
    cases: [
      // the five predefined entities
      ['&lt;&gt;&amp;&quot;&apos;', '<>&"\''],
      // decimal and hexadecimal character references, astral planes included
      ['&#10;&#x41;&#x1F600;&#20013;', '\nA😀中'],
      // decoding is one pass: &amp;lt; is the text "&lt;", not "<"
      ['&amp;lt;', '&lt;'],
      // what is not a reference stays as it is (unknown names, bad digits, "&#X" — CharRef [66] takes a lower-case x only —, beyond U+10FFFF, a lone &)
      ['&nbsp; &#xZZ; &#X42; &#1114112; a & b', '&nbsp; &#xZZ; &#X42; &#1114112; a & b'],
    ],
  },
  {
    title: 'ST_Xstring escapes _xHHHH_ (ECMA-376 Part 1, §22.9.2.19)',
    decode: decodeXstring,
    cases: [
      // control characters and any UTF-16 code unit
      ['line_x000D__x000A_next', 'line\r\nnext'],
      ['tab_x0009_bell_x0007_', 'tab\tbell\u0007'],
      ['_x4E2D_', '中'],
      // lower-case hex digits are accepted
      ['_x000a_', '\n'],
      // _x005F_ escapes the underscore of a literal "_xHHHH_": _x005F_x0041_ is the text "_x0041_"
      ['_x005F_x0041_', '_x0041_'],
      // what does not have four hex digits between _x and _ is literal text
      ['_x41_ _xGGGG_ _x00410_ x_y', '_x41_ _xGGGG_ _x00410_ x_y'],
    ],
  },
  {
    title: 'stringItemText: the text of a shared string item or an inline string',
    decode: stringItemText,
    cases: [
      // a plain <t>
      ['<t>Sales</t>', 'Sales'],
      // rich text: the <t> of every run <r>, in order, formatting (<rPr>) ignored
      ['<r><rPr><b/><sz val="11"/></rPr><t>Total </t></r><r><rPr><i/></rPr><t xml:space="preserve">payout </t></r><r><t>2025</t></r>', 'Total payout 2025'],
      // phonetic runs <rPh> and phonetic properties are not part of the text
      ['<t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1" type="noConversion"/>', '東京'],
      ['<r><t>a</t></r><rPh sb="0" eb="1"><t>PH</t></rPh><r><t xml:space="preserve"> b </t></r>', 'a b '],
      // prefixed elements (<x:t>), entities, character references and _xHHHH_ escapes are decoded, in that order
      ['<x:t>R&amp;D&#10;&#x1F600;_x000D_ _x005F_x0041_</x:t>', 'R&D\n😀\r _x0041_'],
      // XML decoding first: "_x0026_amp;" is the text "&amp;", not "&".
      ['<t>_x0026_amp;</t>', '&amp;'],
      // an empty <t/> is the empty string
      ['<t/>', ''],
      ['<r><t>x</t></r><r><t/></r>', 'x'],
      // whitespace inside <t> is kept as written
      ['<t xml:space="preserve">  two  spaces  </t>', '  two  spaces  '],
      // a CDATA section inside <t> is its character data
      ['<t><![CDATA[a<b & c]]></t>', 'a<b & c'],
    ],
  },
])('$title', ({ decode, cases }) => {
  it.each(cases)('%j is %j', (given, text) => {
    expect(decode(given)).toBe(text);
  });
});

describe('elements and elementBody', () => {
  it('every element of a name at any depth, each with its body; nested same-name elements are bodies of the outer one', () => {
    const found = [...elements('<sst><si><t>a</t></si><si><r><t>b</t></r></si><si/></sst>', 'si')].map((e) => e.body);
    expect(found).toEqual(['<t>a</t>', '<r><t>b</t></r>', '']);
    expect([...elements('<a><b><b>x</b></b><b/></a>', 'b')].map((e) => e.body)).toEqual(['<b>x</b>', '']);
  });

  it('matches prefixed and unprefixed names alike', () => {
    expect([...elements('<x:sheets><x:sheet name="A"/><sheet name="B"/></x:sheets>', 'sheet')].map((e) => attributes(e.tag.attributesText).name)).toEqual(['A', 'B']);
  });

  it('elementBody of a self-closing tag is empty; an unclosed element is an error', () => {
    const xml = '<c r="A1"/><d>';
    expect(elementBody(xml, nextTag(xml, 0)!)).toEqual({ bodyStart: 11, bodyEnd: 11, end: 11 });
    expect(() => elementBody(xml, nextTag(xml, 11)!)).toThrow('unclosed <d> element');
  });

  it('a comment or CDATA holding a closing tag does not close the element', () => {
    const xml = '<f>1<!-- </f> --><![CDATA[</f>]]>2</f><g/>';
    const body = elementBody(xml, nextTag(xml, 0)!);
    expect(xml.slice(body.end)).toBe('<g/>');
  });
});
