/** `value` when it is a finite number; else an error that names `what` ("The pool must be a number (got x)"), as the writers check their specs. */
export function finite(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`${what} must be a number (got ${String(value)})`);
  return value;
}
