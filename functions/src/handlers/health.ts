/** /api/health: the API answers, and so does storage (else 503 + Retry-After). */
import type { HttpResponseInit } from '@azure/functions';
import type { Dependencies } from '../dependencies';
import { json } from '../http/respond';

export function healthHandlers(deps: () => Dependencies) {
  return {
    async check(): Promise<HttpResponseInit> {
      await deps().clients.ping();
      return json(200, { status: 'ok', storage: 'ok' });
    },
  };
}
