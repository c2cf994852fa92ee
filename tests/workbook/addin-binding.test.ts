/**
 * The parts that tie a workbook to the add-in (workbook/addin-binding.ts), checked against
 * the layout Excel 365 saved for an add-in's custom functions (tests/fixtures/excel-saved/
 * README.md) and [MS-OWEXML] (Office Web Extensions File Format):
 *   - xl/webextensions/webextension1.xml: <we:webextension> with
 *     <we:reference id="{manifest Id}" version store="developer" storeType="Registry"/>, the
 *     properties (Office.AutoShowTaskpaneWithDocument = true, Microsoft's "Automatically open
 *     a task pane with a document"), and in an extension with uri
 *     {7C84B067-C214-45C3-A712-C9D94CD141B2} one <we:customFunctionIds> per function used;
 *   - xl/webextensions/taskpanes.xml: <wetp:taskpanes><wetp:taskpane …><wetp:webextensionref r:id/>.
 * Parsed here with fast-xml-parser (an independent, namespace-unaware parser: prefixes are
 * part of the names, which is exactly what a layout check wants).
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { repositoryAddinIdentity } from '../../addin/manifest/identity';
import {
  AUTO_SHOW_PROPERTY,
  CUSTOM_FUNCTION_LIST_URI,
  TASKPANES_CONTENT_TYPE,
  WEBEXTENSION_CONTENT_TYPE,
  WEBEXTENSION_RELATIONSHIP,
  WEBEXTENSION_TASKPANES_RELATIONSHIP,
  customFunctionIdsIn,
  taskpanesXml,
  webextensionXml,
} from '../../workbook/addin-binding';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['we:customFunctionIds', 'we:property', 'a:ext', 'wetp:taskpane'].includes(name) });

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Node = Record<string, any>;

function parse(xml: string): Node {
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml);
}

const IDENTITY = { id: '{6F1D1C7B-1234-4ABC-9DEF-0123456789AB}', version: '1.2.3.0' };

describe('webextension1.xml', () => {
  const root = () => parse(webextensionXml(IDENTITY, ['_xldudf_PERF_TIERED', '_xldudf_PERF_SCORECARD']))['we:webextension'];

  it('is a well-formed <we:webextension> in the 2010/11 web extension namespace, with an instance id', () => {
    const webextension = root();
    expect(webextension['@xmlns:we']).toBe('http://schemas.microsoft.com/office/webextensions/webextension/2010/11');
    expect(webextension['@id']).toMatch(/^\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}$/);
  });

  it('names the add-in by its manifest Id and Version, sideloaded: store="developer" storeType="Registry"', () => {
    expect(root()['we:reference']).toEqual({ '@id': IDENTITY.id, '@version': IDENTITY.version, '@store': 'developer', '@storeType': 'Registry' });
  });

  it('another store and store type are written when given', () => {
    const xml = webextensionXml({ ...IDENTITY, store: 'en-US', storeType: 'OMEX' }, []);
    expect(parse(xml)['we:webextension']['we:reference']).toMatchObject({ '@store': 'en-US', '@storeType': 'OMEX' });
  });

  it('has the property Office.AutoShowTaskpaneWithDocument = true', () => {
    expect(AUTO_SHOW_PROPERTY).toBe('Office.AutoShowTaskpaneWithDocument');
    expect(root()['we:properties']['we:property']).toEqual([{ '@name': 'Office.AutoShowTaskpaneWithDocument', '@value': 'true' }]);
  });

  it('the children come in [MS-OWEXML] CT_OsfWebExtension order: reference, alternateReferences, properties, bindings, snapshot, extLst', () => {
    const xml = webextensionXml(IDENTITY, ['_xldudf_PERF_TIERED']);
    const order = ['<we:reference ', '<we:alternateReferences', '<we:properties>', '<we:bindings', '<we:snapshot', '<we:extLst>'].map((tag) => xml.indexOf(tag));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('lists the custom functions in the extension {7C84B067-C214-45C3-A712-C9D94CD141B2}, one customFunctionIds each, sorted', () => {
    expect(CUSTOM_FUNCTION_LIST_URI).toBe('{7C84B067-C214-45C3-A712-C9D94CD141B2}');
    const extensions = root()['we:extLst']['a:ext'];
    expect(extensions).toHaveLength(1);
    expect(extensions[0]['@uri']).toBe(CUSTOM_FUNCTION_LIST_URI);
    expect(extensions[0]['we:customFunctionIdList']['we:customFunctionIds']).toEqual(['_xldudf_PERF_SCORECARD', '_xldudf_PERF_TIERED']);
  });

  it('each function is listed once however often it is given', () => {
    const xml = webextensionXml(IDENTITY, ['_xldudf_PERF_TIERED', '_xldudf_PERF_TIERED', '_xldudf_PERF_CURVE']);
    expect(xml.match(/<we:customFunctionIds>_xldudf_PERF_TIERED<\/we:customFunctionIds>/g)).toHaveLength(1);
  });

  it('reproduces the README\'s sample: <we:customFunctionIds>_xldudf_CONTOSO_ADD</we:customFunctionIds> for a workbook calling CONTOSO.ADD', () => {
    const ids = customFunctionIdsIn(['_xldudf_CONTOSO_ADD(1,2)'], ['CONTOSO']);
    expect(webextensionXml(IDENTITY, ids)).toContain('<we:customFunctionIds>_xldudf_CONTOSO_ADD</we:customFunctionIds>');
  });

  it('without functions there is no function list', () => {
    const xml = webextensionXml(IDENTITY, []);
    expect(xml).not.toContain('customFunctionIds');
    expect(parse(xml)['we:webextension']['we:extLst']).toBeUndefined();
  });

  it('markup characters in the identity are escaped, and parse back to the identity', () => {
    const xml = webextensionXml({ id: 'a"b<c&d', version: '1' }, []);
    expect(parse(xml)['we:webextension']['we:reference']['@id']).toBe('a"b<c&d');
    expect(xml).toContain('id="a&quot;b&lt;c&amp;d"');
  });

  it('the same identity and functions give the same bytes (templates keep a stable digest)', () => {
    expect(webextensionXml(IDENTITY, ['_xldudf_PERF_B', '_xldudf_PERF_A'])).toBe(webextensionXml(IDENTITY, ['_xldudf_PERF_A', '_xldudf_PERF_B']));
  });

  it('the repository manifest\'s Id and Version are what a template binds to', () => {
    const identity = repositoryAddinIdentity();
    expect(identity.id).toMatch(/^\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}?$/);
    expect(identity.version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(parse(webextensionXml(identity, []))['we:webextension']['we:reference']['@id']).toBe(identity.id);
  });
});

describe('taskpanes.xml', () => {
  it('one docked, visible task pane whose webextensionref is rId1 (the relationship to webextension1.xml)', () => {
    const root = parse(taskpanesXml())['wetp:taskpanes'];
    expect(root['@xmlns:wetp']).toBe('http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11');
    expect(root['wetp:taskpane']).toHaveLength(1);
    const pane = root['wetp:taskpane'][0];
    expect(pane).toMatchObject({ '@dockstate': 'right', '@visibility': '1' });
    expect(Number(pane['@width'])).toBeGreaterThan(0);
    expect(pane['wetp:webextensionref']).toEqual({ '@xmlns:r': 'http://schemas.openxmlformats.org/officeDocument/2006/relationships', '@r:id': 'rId1' });
  });
});

describe('relationship and content types (Office 2011 web extension relationships)', () => {
  it('are the ones Excel writes', () => {
    expect(WEBEXTENSION_TASKPANES_RELATIONSHIP).toBe('http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes');
    expect(WEBEXTENSION_RELATIONSHIP).toBe('http://schemas.microsoft.com/office/2011/relationships/webextension');
    expect(TASKPANES_CONTENT_TYPE).toBe('application/vnd.ms-office.webextensiontaskpanes+xml');
    expect(WEBEXTENSION_CONTENT_TYPE).toBe('application/vnd.ms-office.webextension+xml');
  });
});

describe('customFunctionIdsIn: the functions a workbook\'s stored formulas call', () => {
  it('every _xldudf_NS_NAME( of the namespaces, each once, sorted', () => {
    const formulas = ['_xldudf_PERF_TIERED(B2:B4,Tiers!A2:B4)', 'SUM(_xldudf_PERF_TIERED(1,T))+_xldudf_PERF_CURVE(A1)', 'IF(A1,_xldudf_PERF_SCORECARD(A1:C3,D1:F1,G1:I1),0)'];
    expect(customFunctionIdsIn(formulas, ['PERF'])).toEqual(['_xldudf_PERF_CURVE', '_xldudf_PERF_SCORECARD', '_xldudf_PERF_TIERED']);
  });

  it('ids are written with the function name in upper case, whatever case the formula has', () => {
    expect(customFunctionIdsIn(['_XLDUDF_perf_tiered(1,2)', '_xldudf_Perf_Curve(1)'], ['PERF'])).toEqual(['_xldudf_PERF_CURVE', '_xldudf_PERF_TIERED']);
  });

  it('calls inside string literals (with "" escapes) are not calls', () => {
    expect(customFunctionIdsIn(['"_xldudf_PERF_A(" & "say ""_xldudf_PERF_B("""', 'CONCAT("x",_xldudf_PERF_C(1))'], ['PERF'])).toEqual(['_xldudf_PERF_C']);
  });

  it('only the given namespaces; several may be given', () => {
    const formulas = ['_xldudf_CONTOSO_ADD(1,2)+_xldudf_PERF_TIERED(1,2)'];
    expect(customFunctionIdsIn(formulas, ['PERF'])).toEqual(['_xldudf_PERF_TIERED']);
    expect(customFunctionIdsIn(formulas, ['PERF', 'CONTOSO'])).toEqual(['_xldudf_CONTOSO_ADD', '_xldudf_PERF_TIERED']);
  });

  it('a name without "(" is not a call, and a longer name that only contains the prefix is not one', () => {
    expect(customFunctionIdsIn(['_xldudf_PERF_TIERED', 'X_xldudf_PERF_A(1)', 'my_xldudf_PERF_B(1)'], ['PERF'])).toEqual([]);
  });

  it('names with digits and dots are kept whole; spaces before "(" are allowed', () => {
    expect(customFunctionIdsIn(['_xldudf_PERF_SIM2 (1)', '_xldudf_PERF_X.Y(1)'], ['PERF'])).toEqual(['_xldudf_PERF_SIM2', '_xldudf_PERF_X.Y']);
  });
});
