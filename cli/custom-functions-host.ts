/**
 * Outside Excel there is no CustomFunctions runtime. `perfplan calc` installs this
 * stand-in with the same shape (Error class, ErrorCode values as Office defines them) so
 * the very same PERF.* wrappers run headless.
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

export class HeadlessCustomFunctionsError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message ?? '');
    this.name = 'CustomFunctions.Error';
  }
}

export function installCustomFunctionsHost(): void {
  const g = globalThis as unknown as { CustomFunctions?: unknown };
  if (g.CustomFunctions) return;
  g.CustomFunctions = {
    Error: HeadlessCustomFunctionsError,
    ErrorCode: ERROR_CODES,
    associate: () => undefined,
  };
}
