/**
 * What is wrong with a payroll map or a cell, as a phrase of i18n/outputs.ts: one wording for
 * `perfplan export`, `perfplan compare` and the pane's export, which all show it.
 */
import { OUTPUTS } from '../i18n/outputs';
import { type Phrase, phrase } from '../i18n/text';
import type { ExportProblem, MapProblem } from './payroll';

export function mapProblemPhrase(problem: MapProblem): Phrase {
  switch (problem.kind) {
    case 'shape':
      return phrase(OUTPUTS.mapShape);
    case 'header':
      return phrase(OUTPUTS.mapColumnHeader, { index: problem.index });
    case 'source':
      return phrase(OUTPUTS.mapColumnSource, { index: problem.index, header: problem.header });
    case 'type':
      return phrase(OUTPUTS.mapColumnType, { index: problem.index, header: problem.header });
    case 'headerTwice':
      return phrase(OUTPUTS.mapHeaderTwice, { header: problem.header });
    case 'noAmount':
      return phrase(OUTPUTS.mapNoAmount);
    case 'whichAmount':
      return phrase(OUTPUTS.mapWhichAmount);
    case 'totalColumn':
      return phrase(OUTPUTS.mapTotalColumn, { header: problem.header });
    case 'totalShape':
      return phrase(OUTPUTS.mapTotalShape);
    case 'sheetName':
      return phrase(OUTPUTS.mapSheetName);
  }
}

/** A cell that holds no number where one is needed (a mapped payroll cell, a compared value). */
export function cellProblemPhrase(problem: ExportProblem): Phrase {
  switch (problem.kind) {
    case 'error':
      return phrase(OUTPUTS.cellIsError, { cell: problem.cell, code: problem.code });
    case 'blank':
      return phrase(OUTPUTS.cellIsBlank, { cell: problem.cell });
    case 'text':
      return phrase(OUTPUTS.cellIsText, { cell: problem.cell });
    case 'logical':
      return phrase(OUTPUTS.cellIsLogical, { cell: problem.cell });
  }
}
