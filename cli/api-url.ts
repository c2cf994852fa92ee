/**
 * The API's address as the tools that call it take it (perfplan seed, perfplan run): checked
 * once here, in a module that loads nothing but the texts (perfplan run loads no dev/ code).
 */
import { CLI } from '../i18n/cli';
import { Phrase, phrase } from '../i18n/text';

/** npm start's API. */
export const DEFAULT_API_URL = 'http://localhost:7071/api';

/** An http(s) URL without credentials, or why `api` is not one. */
export function apiUrl(api: string): URL | Phrase {
  let url: URL;
  try {
    url = new URL(api);
  } catch {
    return phrase(CLI.notUrl, { api, example: DEFAULT_API_URL });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return phrase(CLI.urlScheme, { api });
  if (url.username || url.password) return phrase(CLI.urlCredentials);
  return url;
}
