/**
 * A test double of Excel's custom-functions runtime (Error class, ErrorCode values as Office
 * defines them, associate), so tests can call the functions the Excel adapter registers.
 */
export const ERROR_CODES = {
  invalidValue: '#VALUE!',
  notAvailable: '#N/A',
  divisionByZero: '#DIV/0!',
  invalidNumber: '#NUM!',
  nullReference: '#NULL!',
  invalidName: '#NAME?',
  invalidReference: '#REF!',
} as const;

export class TestCustomFunctionsError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message ?? '');
    this.name = 'CustomFunctions.Error';
  }
}

export function installCustomFunctionsRuntime(): void {
  const g = globalThis as unknown as { CustomFunctions?: unknown };
  if (g.CustomFunctions) return;
  g.CustomFunctions = {
    Error: TestCustomFunctionsError,
    ErrorCode: ERROR_CODES,
    associate: () => undefined,
  };
}
