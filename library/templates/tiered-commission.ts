/**
 * Tiered commission plan (階梯式提成, seed rules §2): a six-tier table, marginal or
 * retroactive, a sales team whose commission spills from one PERF.TIERED formula, and a
 * summary that compares both methods.
 */
import type ExcelJS from 'exceljs';
import { BuiltInTemplate } from '../kit/types';
import { CNY, PERCENT, header, input, instructions } from '../kit/style';

export const TIERS: [number, number][] = [
  [0, 0.02],
  [50_000, 0.03],
  [100_000, 0.045],
  [200_000, 0.06],
  [350_000, 0.08],
  [500_000, 0.1],
];

export const SALES: [string, number][] = [
  ['Chen Jing 陈静', 42_000],
  ['Li Wei 李伟', 128_500],
  ['Wang Fang 王芳', 236_000],
  ['Zhang Min 张敏', 388_000],
  ['Liu Yang 刘洋', 512_750],
  ['Zhao Lei 赵磊', 95_300],
  ['Sun Li 孙丽', 0],
  ['Zhou Tao 周涛', 760_000],
];

export const tieredCommission: BuiltInTemplate = {
  metadata: {
    id: 'tiered-commission-plan',
    title: { en: 'Tiered commission plan', zh: '阶梯式提成方案' },
    description: {
      en: 'Six commission tiers applied marginally (each slice at its own rate) or retroactively (the whole amount at the reached rate), per salesperson and in total.',
      zh: '六档提成：按边际（每段按本档费率）或追溯（全额按达到的档位费率）计算每位销售的提成及合计。',
    },
    category: 'incentive',
    tags: ['commission', 'tiers', 'sales', '提成', '阶梯'],
  },
  rules: [{ rule: 'payouts.tiered-commission', sheet: 'Plan', cell: 'A5' }],
  build(workbook: ExcelJS.Workbook) {
    instructions(workbook, this.metadata.title, [
      ['What it is for: commission per salesperson from a tiered rate table.', '用途：按阶梯费率表计算每位销售的提成。'],
      ['Edit the yellow cells: tier thresholds and rates (Plan!A5:B10), the method (Plan!B2), names and sales (Team!A2:B9).', '编辑黄色单元格：档位门槛与费率（Plan!A5:B10）、计算方法（Plan!B2）、姓名与销售额（Team!A2:B9）。'],
      ['Method "marginal": each slice of sales earns its own tier rate, like income tax. "retro": the whole amount earns the rate of the highest tier reached.', '方法 "marginal"：每段销售额按所在档费率计算（类似个税）；"retro"：全额按达到的最高档费率计算。'],
      ['Outputs: Team!C2 spills one commission per person (=PERF.TIERED); Team!D2 the effective rate; Summary shows totals for both methods.', '输出：Team!C2 按人溢出提成（=PERF.TIERED）；Team!D2 为实际费率；Summary 显示两种方法的合计。'],
      ['Without the PerfPlan add-in, Excel shows the values computed when the template was built.', '未安装 PerfPlan 加载项时，Excel 显示模板生成时计算的结果。'],
    ]);

    const plan = workbook.addWorksheet('Plan');
    plan.getColumn(1).width = 18;
    plan.getColumn(2).width = 14;
    plan.getCell('A1').value = 'Tiered commission plan 阶梯式提成方案';
    plan.getCell('A1').font = { bold: true, size: 13 };
    plan.getCell('A2').value = 'Method 方法';
    plan.getCell('B2').value = 'marginal';
    input(plan.getCell('B2'));
    plan.getCell('B2').dataValidation = { type: 'list', allowBlank: false, formulae: ['"marginal,retro"'], showErrorMessage: true, errorTitle: 'Method', error: 'marginal or retro' };
    plan.getRow(4).values = ['Threshold 门槛 (CNY)', 'Rate 费率'];
    header(plan.getRow(4));
    TIERS.forEach(([threshold, rate], i) => {
      const row = 5 + i;
      plan.getCell(row, 1).value = threshold;
      plan.getCell(row, 2).value = rate;
      input(plan.getCell(row, 1), CNY);
      input(plan.getCell(row, 2), PERCENT);
      plan.getCell(row, 1).dataValidation = { type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0], showErrorMessage: true, error: '≥ 0' };
      plan.getCell(row, 2).dataValidation = { type: 'decimal', operator: 'between', formulae: [0, 1], showErrorMessage: true, error: '0–100%' };
    });

    const team = workbook.addWorksheet('Team');
    team.columns = [{ width: 22 }, { width: 16 }, { width: 16 }, { width: 14 }];
    team.getRow(1).values = ['Name 姓名', 'Sales 销售额', 'Commission 提成', 'Effective rate 实际费率'];
    header(team.getRow(1));
    SALES.forEach(([name, sales], i) => {
      team.getCell(2 + i, 1).value = name;
      team.getCell(2 + i, 2).value = sales;
      input(team.getCell(2 + i, 1));
      input(team.getCell(2 + i, 2), CNY);
    });
    const last = 1 + SALES.length;
    team.getCell('C2').value = { formula: `PERF.TIERED(B2:B${last},Plan!A5:B10,Plan!B2)` } as ExcelJS.CellValue;
    for (let r = 2; r <= last; r++) {
      team.getCell(r, 3).numFmt = CNY;
      team.getCell(r, 4).value = { formula: `IF(B${r}>0,C${r}/B${r},0)` } as ExcelJS.CellValue;
      team.getCell(r, 4).numFmt = PERCENT;
    }

    const summary = workbook.addWorksheet('Summary');
    summary.columns = [{ width: 36 }, { width: 18 }];
    summary.getRow(1).values = ['Measure 指标', 'Value 数值'];
    header(summary.getRow(1));
    const lines: [string, string, string][] = [
      ['Total sales 销售总额', `SUM(Team!B2:B${last})`, CNY],
      ['Total commission (plan method) 提成合计（方案方法）', `SUM(Team!C2:C${last})`, CNY],
      ['Total commission, marginal 边际法合计', `SUM(PERF.TIERED(Team!B2:B${last},Plan!A5:B10,"marginal"))`, CNY],
      ['Total commission, retro 追溯法合计', `SUM(PERF.TIERED(Team!B2:B${last},Plan!A5:B10,"retro"))`, CNY],
      ['Commission cost / sales 提成成本率', 'IF(B2>0,B3/B2,0)', PERCENT],
    ];
    lines.forEach(([label, formula, format], i) => {
      summary.getCell(2 + i, 1).value = label;
      summary.getCell(2 + i, 2).value = { formula } as ExcelJS.CellValue;
      summary.getCell(2 + i, 2).numFmt = format;
    });

    workbook.definedNames.add('Plan!$A$5:$B$10', 'CommissionTiers');
    workbook.definedNames.add('Plan!$B$2', 'CommissionMethod');
    workbook.definedNames.add(`Team!$B$2:$B$${last}`, 'TeamSales');
  },
};
