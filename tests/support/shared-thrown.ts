/**
 * The error of one class that a call throws or a promise rejects with, for tests that go on to
 * look at its fields. Fails the test when nothing is thrown; an error of another class is
 * rethrown as it is, so its own message and stack show.
 */

/** A class of errors (any constructor whose instances are `E`). */
export type ErrorClass<E> = abstract new (...args: never[]) => E;

function ofClass<E>(errorClass: ErrorClass<E>, error: unknown): E {
  if (error instanceof errorClass) return error;
  throw error;
}

function nothingThrown(errorClass: ErrorClass<unknown>): Error {
  return new Error(`expected a ${errorClass.name}, but the call succeeded`);
}

/** Runs `call` and returns the `errorClass` error it throws. */
export function thrownBy<E>(errorClass: ErrorClass<E>, call: () => unknown): E {
  try {
    call();
  } catch (error) {
    return ofClass(errorClass, error);
  }
  throw nothingThrown(errorClass);
}

/** Awaits `promise` and returns the `errorClass` error it rejects with. */
export async function rejectionOf<E>(errorClass: ErrorClass<E>, promise: Promise<unknown>): Promise<E> {
  try {
    await promise;
  } catch (error) {
    return ofClass(errorClass, error);
  }
  throw nothingThrown(errorClass);
}
