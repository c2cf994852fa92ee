/**
 * HyperFormula's own error messages (perfplan calc computes Excel's functions with it), in
 * en-US and zh-CN side by side: they reach the `message` of the JSON's error cells and
 * perfplan explain's output, so a zh-CN user reads them in Chinese. The keys are the names of
 * HyperFormula's ErrorMessage constants; the en-US texts are its messages exactly as it writes
 * them (tests/i18n/hyperformula.test.ts holds every ErrorMessage of the installed HyperFormula
 * against this table, builders included, and fails on one without a text).
 *
 * HyperFormula does not export ErrorMessage from its entry point (package.json "exports"), so
 * a message is recognised by its exact English: fixed messages by the whole string, the four it
 * builds around a name (FunctionName, NamedExpressionName, LicenseKey, LicenseCapability) by
 * the fixed words its builder puts before and after that name — the en-US template here,
 * which the test checks against the builder. Anything else (our own messages, already in the
 * user's language) passes through unchanged. No HyperFormula import here: i18n/ serves every
 * face, and HyperFormula (GPL-3.0) is perfplan calc's alone.
 */
import type { Locale } from './locale';
import { Params, Phrase, Text, placeholders, render } from './text';

export const HYPERFORMULA = {
  DistinctSigns: { 'en-US': 'Distinct signs.', 'zh-CN': '参数的正负号不一致' },
  WrongArgNumber: { 'en-US': 'Wrong number of arguments.', 'zh-CN': '参数个数不正确' },
  EmptyArg: { 'en-US': 'Empty function argument.', 'zh-CN': '函数参数为空' },
  EmptyArray: { 'en-US': 'Empty array not allowed.', 'zh-CN': '不允许使用空数组' },
  ArrayDimensions: { 'en-US': 'Array dimensions are not compatible.', 'zh-CN': '数组的维度不兼容' },
  PoolDimensions: {
    'en-US': 'Range dimensions are not compatible with the window size and the stride.',
    'zh-CN': '区域的维度与窗口大小和步长不兼容',
  },
  NoSpaceForArrayResult: { 'en-US': 'No space for array result.', 'zh-CN': '没有空间放置数组结果' },
  ValueSmall: { 'en-US': 'Value too small.', 'zh-CN': '数值太小' },
  ValueLarge: { 'en-US': 'Value too large.', 'zh-CN': '数值太大' },
  BadCriterion: { 'en-US': 'Incorrect criterion.', 'zh-CN': '条件不正确' },
  RangeManySheets: { 'en-US': 'Range spans more than one sheet.', 'zh-CN': '区域跨越了多个工作表' },
  CellRangeExpected: { 'en-US': 'Cell range expected.', 'zh-CN': '此处需要单元格区域' },
  WrongDimension: { 'en-US': 'Wrong range dimension.', 'zh-CN': '区域的维度不正确' },
  ScalarExpected: { 'en-US': 'Cell range not allowed.', 'zh-CN': '此处不能使用单元格区域' },
  NumberCoercion: { 'en-US': 'Value cannot be coerced to number.', 'zh-CN': '该值无法转换为数字' },
  NumberExpected: { 'en-US': 'Number argument expected.', 'zh-CN': '此处需要数字参数' },
  IntegerExpected: { 'en-US': 'Value needs to be an integer.', 'zh-CN': '该值必须是整数' },
  BadMode: { 'en-US': 'Mode not recognized.', 'zh-CN': '无法识别的模式' },
  DateBounds: { 'en-US': 'Date outside of bounds.', 'zh-CN': '日期超出范围' },
  OutOfSheet: { 'en-US': 'Resulting reference is out of the sheet.', 'zh-CN': '得到的引用超出了工作表的范围' },
  WrongType: { 'en-US': 'Wrong type of argument.', 'zh-CN': '参数类型不正确' },
  NaN: { 'en-US': 'NaN or infinite value encountered.', 'zh-CN': '遇到了非数字或无穷大的值' },
  EqualLength: { 'en-US': 'Ranges need to be of equal length.', 'zh-CN': '各区域的长度必须相同' },
  Negative: { 'en-US': 'Value cannot be negative.', 'zh-CN': '该值不能为负' },
  NotBinary: { 'en-US': 'String does not represent a binary number.', 'zh-CN': '字符串不是二进制数' },
  NotOctal: { 'en-US': 'String does not represent an octal number.', 'zh-CN': '字符串不是八进制数' },
  NotHex: { 'en-US': 'String does not represent a hexadecimal number.', 'zh-CN': '字符串不是十六进制数' },
  EndStartPeriod: { 'en-US': 'End period needs to be at least start period.', 'zh-CN': '结束期不能早于开始期' },
  CellRefExpected: { 'en-US': 'Cell reference expected.', 'zh-CN': '此处需要单元格引用' },
  EmptyRange: { 'en-US': 'Empty range not allowed.', 'zh-CN': '不允许使用空区域' },
  BadRef: { 'en-US': 'Address is not correct.', 'zh-CN': '地址不正确' },
  NumberRange: { 'en-US': 'Number-only range expected.', 'zh-CN': '此处需要只含数字的区域' },
  ValueNotFound: { 'en-US': 'Value not found.', 'zh-CN': '未找到该值' },
  ValueBaseLarge: { 'en-US': 'Value in base too large.', 'zh-CN': '该进制下的数值太大' },
  ValueBaseSmall: { 'en-US': 'Value in base too small.', 'zh-CN': '该进制下的数值太小' },
  ValueBaseLong: { 'en-US': 'Value in base too long.', 'zh-CN': '该进制下的数值位数太多' },
  NegativeLength: { 'en-US': 'Length cannot be negative.', 'zh-CN': '长度不能为负' },
  PatternNotFound: { 'en-US': 'Pattern not found.', 'zh-CN': '未找到匹配的模式' },
  OneValue: { 'en-US': 'Needs at least one value.', 'zh-CN': '至少需要一个值' },
  TwoValues: { 'en-US': 'Range needs to contain at least two elements.', 'zh-CN': '区域至少需要包含两个元素' },
  ThreeValues: { 'en-US': 'Range needs to contain at least three elements.', 'zh-CN': '区域至少需要包含三个元素' },
  EqualXValues: { 'en-US': 'All x values are equal.', 'zh-CN': '所有 x 值都相等' },
  IndexBounds: { 'en-US': 'Index out of bounds.', 'zh-CN': '索引超出范围' },
  IndexLarge: { 'en-US': 'Index too large.', 'zh-CN': '索引太大' },
  Formula: { 'en-US': 'Expected formula.', 'zh-CN': '此处需要公式' },
  NegativeCount: { 'en-US': 'Count cannot be negative.', 'zh-CN': '个数不能为负' },
  ParseError: { 'en-US': 'Parsing error.', 'zh-CN': '公式解析错误' },
  SheetRef: { 'en-US': 'Sheet does not exist.', 'zh-CN': '工作表不存在' },
  PeriodLong: { 'en-US': 'Period number cannot exceed life length.', 'zh-CN': '期数不能超过使用寿命' },
  InvalidDate: { 'en-US': 'Invalid date.', 'zh-CN': '无效的日期' },
  BitshiftLong: { 'en-US': 'Result of bitshift is too long.', 'zh-CN': '移位的结果太长' },
  EmptyString: { 'en-US': 'Empty-string argument not allowed.', 'zh-CN': '参数不能是空字符串' },
  LengthBounds: { 'en-US': 'Length out of bounds.', 'zh-CN': '长度超出范围' },
  NegativeTime: { 'en-US': 'Time cannot be negative.', 'zh-CN': '时间不能为负' },
  NoDefault: { 'en-US': 'No default option.', 'zh-CN': '没有默认选项' },
  NoConditionMet: { 'en-US': 'None of the conditions were met.', 'zh-CN': '没有满足任何条件' },
  Selector: { 'en-US': 'Selector cannot exceed the number of arguments.', 'zh-CN': '序号不能超过参数的个数' },
  StartEndDate: { 'en-US': 'Start date needs to be earlier than end date.', 'zh-CN': '开始日期必须早于结束日期' },
  IncorrectDateTime: { 'en-US': 'String does not represent correct DateTime.', 'zh-CN': '字符串不是有效的日期时间' },
  CharacterCodeBounds: { 'en-US': 'Character code out of bounds.', 'zh-CN': '字符代码超出范围' },
  NonZero: { 'en-US': 'Argument cannot be 0.', 'zh-CN': '参数不能为 0' },
  LessThanOne: { 'en-US': 'Argument cannot be less than 1.', 'zh-CN': '参数不能小于 1' },
  WeekendString: { 'en-US': 'Incorrect weekend bitmask string.', 'zh-CN': '周末掩码字符串不正确' },
  InvalidRoman: { 'en-US': 'Invalid roman numeral.', 'zh-CN': '无效的罗马数字' },
  WrongOrder: { 'en-US': 'Wrong order of values.', 'zh-CN': '数值的顺序不正确' },
  ComplexNumberExpected: { 'en-US': 'Complex number expected.', 'zh-CN': '此处需要复数' },
  ShouldBeIorJ: { 'en-US': "Should be 'i' or 'j'.", 'zh-CN': "必须是 'i' 或 'j'" },
  SizeMismatch: { 'en-US': 'Array dimensions mismatched.', 'zh-CN': '数组的维度不匹配' },
  ResultTooLong: { 'en-US': 'Result exceeds the maximum allowed length.', 'zh-CN': '结果超出了允许的最大长度' },
  // ---- Built around a name (ErrorMessage.FunctionName(arg) and its kind) ----------------------
  /** A function as the formula names it. */
  FunctionName: { 'en-US': 'Function name {name} not recognized.', 'zh-CN': '无法识别函数名 {name}' },
  /** A defined name as the formula uses it. */
  NamedExpressionName: { 'en-US': 'Named expression {name} not recognized.', 'zh-CN': '无法识别名称 {name}' },
  /** The license key's state: one of LICENSE_KEY_STATES. */
  LicenseKey: { 'en-US': 'License key is {state}.', 'zh-CN': '许可证密钥{state}' },
  LicenseCapability: { 'en-US': 'Function {name} is not included in your license.', 'zh-CN': '您的许可证不包含函数 {name}' },
} as const satisfies Record<string, Text>;

export type HyperFormulaMessage = keyof typeof HYPERFORMULA;

/** The states HyperFormula names in ErrorMessage.LicenseKey (its LicenseKeyValidityState). */
export const LICENSE_KEY_STATES = {
  valid: { 'en-US': 'valid', 'zh-CN': '有效' },
  invalid: { 'en-US': 'invalid', 'zh-CN': '无效' },
  expired: { 'en-US': 'expired', 'zh-CN': '已过期' },
  missing: { 'en-US': 'missing', 'zh-CN': '缺失' },
} as const satisfies Record<string, Text>;

/** A built message: the words before and after its one parameter, from the en-US template. */
interface Built {
  text: Text;
  name: string;
  before: string;
  after: string;
  /** How the parameter's value is passed on: a name as it is, a license state as its text. */
  value: (raw: string) => Params[string];
}

const FIXED = new Map<string, Text>();
const BUILT: Built[] = [];
for (const text of Object.values(HYPERFORMULA) as Text[]) {
  const template = text['en-US'];
  const [name, ...more] = placeholders(template);
  if (name === undefined) FIXED.set(template, text);
  else if (more.length === 0) {
    const [before, after] = template.split(`{${name}}`);
    const states = LICENSE_KEY_STATES as Record<string, Text>;
    const value = name === 'state' ? (raw: string) => (Object.prototype.hasOwnProperty.call(states, raw) ? states[raw] : raw) : (raw: string) => raw;
    BUILT.push({ text, name, before, after, value });
  }
}

/**
 * HyperFormula's message as a phrase of this table (parameters as HyperFormula filled them),
 * or undefined for a message that is not HyperFormula's (ours, already rendered).
 */
export function hyperFormulaPhrase(message: string): Phrase | undefined {
  const fixed = FIXED.get(message);
  if (fixed) return { text: fixed };
  for (const built of BUILT) {
    const { before, after } = built;
    if (message.length > before.length + after.length && message.startsWith(before) && message.endsWith(after)) {
      return { text: built.text, params: { [built.name]: built.value(message.slice(before.length, message.length - after.length)) } };
    }
  }
  return undefined;
}

/** A cell error's message in `locale`: HyperFormula's translated, any other unchanged. */
export function localizeHyperFormulaMessage(message: string, locale: Locale): string {
  const known = hyperFormulaPhrase(message);
  return known ? render(known.text, locale, known.params) : message;
}
