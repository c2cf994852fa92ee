/**
 * What counts as the wrong language on screen, shared by the server-rendered checks
 * (tests/addin/glossary.test.ts) and the browser's DOM scan (tests/e2e/pane-fit.e2e.test.ts).
 *
 * zh-CN: Latin words are allowed only when they read the same in Chinese finance writing —
 * the product and Excel, PERF function names, acronyms (KPI, ROI, AHP, CR), statistics and
 * scale symbols (P50, λmax, x), units (kB, MB), the language switch's own "English". User data (template
 * titles, criterion names, typed formulas) is taken out before the check. Chinese terms must
 * keep to the glossary (i18n/terms.ts). en-US: no Chinese at all.
 */
import type { Locale } from '../../../i18n/locale';
import { offGlossary } from '../../../i18n/terms';

const ZH_ALLOWED = new Set(['PerfPlan', 'Excel', 'English', 'Enter', 'CSV', 'HTTP', 'CRITIC', 'PERT', 'TRUE', 'FALSE', 'max', 'min', 'v', 'x', 'y', 'k', 'n', 's', 'e', 'λmax', 'P', 'kB', 'KB', 'MB', 'GB', 'A', 'w']);

export function isAllowedLatin(word: string): boolean {
  return ZH_ALLOWED.has(word) || /^PERF(\.[A-Z0-9_]+)?$/.test(word) || /^[A-Z]{2,8}\d*$/.test(word) || /^P\d+$/.test(word) || /^v\d+$/.test(word);
}

/** The problems of `texts` shown to a user of `locale` (user data taken out first). */
export function languageLeaks(texts: readonly string[], locale: Locale, userData: readonly string[] = []): string[] {
  const problems: string[] = [];
  const data = [...userData].sort((a, b) => b.length - a.length);
  for (const raw of texts) {
    let text = raw;
    for (const d of data) if (d) text = text.split(d).join(' ');
    if (locale === 'zh-CN') {
      for (const word of text.match(/[A-Za-zλ][A-Za-z0-9_.λ'’-]*/g) ?? []) {
        const bare = word.replace(/[.'’-]+$/, '');
        if (!isAllowedLatin(bare)) problems.push(`English "${bare}" in: ${raw.slice(0, 100)}`);
      }
      for (const hit of offGlossary(text, 'zh-CN')) problems.push(`off-glossary "${hit.found}" (glossary term: ${hit.term}) in: ${raw.slice(0, 100)}`);
    } else if (/[\u3400-\u9fff]/.test(text)) {
      problems.push(`Chinese in: ${raw.slice(0, 100)}`);
    }
  }
  return [...new Set(problems)];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", nbsp: ' ' };

/**
 * The text of server-rendered markup as a user meets it: text between tags and the
 * aria-label / placeholder / title / alt attributes. Elements marked translate="no" (typed
 * formulas) and elements in another language (lang="…") are left out.
 */
export function markupTexts(html: string, locale: Locale): string[] {
  let rest = html.replace(/<style[^>]*>[\s\S]*?<\/style>/g, ' ').replace(/<(\w+)[^>]*\btranslate="no"[^>]*>[\s\S]*?<\/\1>/g, ' ');
  rest = rest.replace(/<(\w+)[^>]*\blang="([^"]+)"[^>]*>[\s\S]*?<\/\1>/g, (whole, _tag, lang) => (lang === locale ? whole : ' '));
  const decode = (s: string) => s.replace(/&(#?\w+);/g, (m, e) => ENTITIES[e] ?? m);
  const out: string[] = [];
  for (const m of rest.matchAll(/\s(?:aria-label|placeholder|title|alt)="([^"]*)"/g)) if (m[1].trim()) out.push(decode(m[1].trim()));
  for (const m of rest.replace(/<[^>]*>/g, '\n').split('\n')) if (m.trim()) out.push(decode(m.trim()));
  return out;
}
