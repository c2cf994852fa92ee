/**
 * A statement document (statements-document.ts) as one self-contained HTML page: inline CSS,
 * no script, no external resource, A4 when printed (the PDF is this page printed by
 * Chromium). Every text from the workbook and from the texts is escaped, so a name like
 * `<img src=x onerror=alert(1)>` reads as those characters. Pure: no I/O.
 */
import type { DocumentResult, ShownText, StatementDocument } from './statements-document';
import { formulaOnly, payoutMark } from './statements-document';

/** Text as HTML text or attribute value: & < > " ' escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const STYLE = `
@page { size: A4; margin: 14mm 12mm; }
* { box-sizing: border-box; }
body { font-family: "Segoe UI", "Noto Sans", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", sans-serif; font-size: 10.5pt; color: #1b1b1b; margin: 0; }
main { max-width: 190mm; margin: 0 auto; padding: 8mm 0; }
h1 { font-size: 16pt; margin: 0 0 4mm; }
h2 { font-size: 12pt; margin: 6mm 0 2mm; border-bottom: 1px solid #8a8a8a; padding-bottom: 1mm; }
table { width: 100%; border-collapse: collapse; }
th, td { text-align: left; vertical-align: top; padding: 1.2mm 2mm; border-bottom: 1px solid #e1e1e1; overflow-wrap: anywhere; }
th { font-weight: 600; background: #f3f3f3; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
dl.identity { display: grid; grid-template-columns: max-content 1fr; gap: 1mm 6mm; margin: 0; }
dl.identity dt { font-weight: 600; }
dl.identity dd { margin: 0; }
tr.payout > td { font-weight: 600; background: #eef5ee; }
.mark { font-weight: 400; font-size: 8.5pt; border: 1px solid #4a7a4a; border-radius: 2mm; padding: 0 1.5mm; margin-left: 2mm; color: #2e5d2e; }
.where, .formula { color: #5a5a5a; font-size: 9pt; }
.formula { font-family: Consolas, "DejaVu Sans Mono", monospace; }
ol.steps { list-style: none; margin: 1mm 0 0; padding: 0; }
ol.steps li { padding-left: 4mm; text-indent: -4mm; }
ol.steps li.info { color: #4a4a4a; }
ol.steps li.result { font-weight: 600; }
.error { color: #a4262c; }
.empty { color: #5a5a5a; font-style: italic; }
table.totals td { font-weight: 600; }
footer { margin-top: 8mm; padding-top: 2mm; border-top: 1px solid #8a8a8a; color: #5a5a5a; font-size: 8.5pt; overflow-wrap: anywhere; }
tr { break-inside: avoid; }
section.statement + section.statement { break-before: page; }
a.start { display: block; width: 2mm; height: 2mm; font-size: 1pt; color: transparent; text-decoration: none; margin-bottom: -2mm; }
`;

const e = escapeHtml;

function valueCell(value: ShownText): string {
  return `<td class="num">${e(value.text)}</td>`;
}

function steps(result: DocumentResult, lang: StatementDocument['lang']): string {
  if (result.error) return `<div class="error">${e(result.error)}</div>`;
  if (result.steps.length === 0) return `<div class="formula">${e(formulaOnly(result.formula, lang))}</div>`;
  const items = result.steps.map((s) => `<li class="${s.kind}">${e(s.line)}</li>`).join('');
  return `<div class="formula">${e(result.formula)}</div><ol class="steps">${items}</ol>`;
}

/** One statement's content: the `<main>` element of its page. */
export function statementMain(doc: StatementDocument): string {
  const identity = doc.identity.map((i) => `<dt>${e(i.label)}</dt><dd>${e(i.value)}</dd>`).join('');
  const inputs = doc.inputs.rows.length
    ? `<table class="inputs"><thead><tr>${doc.inputs.columns.map((c) => `<th>${e(c)}</th>`).join('')}</tr></thead><tbody>${doc.inputs.rows
        .map((r) => `<tr><td>${e(r.header)}</td>${valueCell(r.value)}<td class="where">${e(r.cell)}</td></tr>`)
        .join('')}</tbody></table>`
    : `<p class="empty">${e(doc.inputs.empty)}</p>`;
  const mark = `<span class="mark">${e(payoutMark(doc.lang))}</span>`;
  const results = doc.results.rows.length
    ? `<table class="results"><thead><tr>${doc.results.columns.map((c) => `<th>${e(c)}</th>`).join('')}</tr></thead><tbody>${doc.results.rows
        .map(
          (r) =>
            `<tr${r.payout ? ' class="payout"' : ''}><td>${e(r.header)}${r.payout ? mark : ''}<div class="where">${e(r.where)}</div></td>${valueCell(r.value)}<td>${steps(r, doc.lang)}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : `<p class="empty">${e(doc.results.empty)}</p>`;
  const totals = `<table class="totals"><tbody>${doc.totals.rows.map((t) => `<tr><td>${e(t.label)}</td>${valueCell(t.value)}</tr>`).join('')}</tbody></table>`;
  return `<main>
<h1>${e(doc.heading)}</h1>
<dl class="identity">${identity}</dl>
<h2>${e(doc.inputs.heading)}</h2>
${inputs}
<h2>${e(doc.results.heading)}</h2>
${results}
<h2>${e(doc.totals.heading)}</h2>
${totals}
<footer>${e(doc.footer)}</footer>
</main>`;
}

/** A whole page around `body` (already escaped HTML). */
function page(lang: string, title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="${e(lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${e(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

/** The page of one statement. */
export function statementHtml(doc: StatementDocument): string {
  return page(doc.lang, doc.title, statementMain(doc));
}

/**
 * Several statements as one page to print in one go, each starting a new sheet of paper and
 * marked by a link to `mark(i)` at its top (the PDF printer splits the printed document where
 * these links are; see cli/statements-pdf.ts).
 */
export function statementsBatchHtml(docs: readonly StatementDocument[], mark: (index: number) => string): string {
  const body = docs.map((doc, i) => `<section class="statement"><a class="start" href="${e(mark(i))}">&#160;</a>${statementMain(doc)}</section>`).join('\n');
  return page(docs[0]?.lang ?? 'en-US', docs[0]?.heading ?? '', body);
}
