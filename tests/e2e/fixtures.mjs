import { readFile } from 'node:fs/promises';

/** The sample report as Word's text extract (core/tests/fixtures, a copy of ../shared/fixtures). */
export const SAMPLE = await readFile(new URL('../../core/tests/fixtures/hetang-2022-report.txt', import.meta.url), 'utf8');

// Forms as a person would type them. The first is the sample report's department form
// (core/tests/fixtures/hetang-2022-report.txt), with the filer's own scores.

export const HETANG_DEPARTMENT = {
  name: '株洲市荷塘区网格化管理服务中心',
  funds: {
    total: { initial: '126.11', 'full-year': '701.29', executed: '701.29', weight: '10' },
    appropriation: { initial: '126.11', 'full-year': '670.32' },
    carryover: { 'full-year': '29.58' },
    other: { 'full-year': '1.4' },
  },
  sections: [
    ['产出指标', [
      ['数量指标', '城区城乡帮困项目', '≥25个项目', '100%', '5', '5'],
      ['数量指标', '农村城乡帮困项目', '≥25个项目', '100%', '5', '5'],
      ['数量指标', '第三方机构服务评估', '≥25个项目', '100%', '5', '5'],
      ['数量指标', '项目宣传', '≥95%', '100%', '5', '5'],
      ['数量指标', '实行网格化管理', '≥95%', '100%', '5', '5'],
      ['质量指标', '“三服务两支持”帮扶', '≥1100人', '组织活动≥95%', '10', '9'],
      ['时效指标', '按时完成各项服务指标', '2022年1月-12月', '2022年1月-12月', '5', '5'],
      ['成本指标', '成本控制数算', '126.11', '701.29', '10', '9'],
    ]],
    ['效益指标', [
      ['经济效益指标', '有效缓解服务对象经济困难', '100%', '100%', '10', '9'],
      ['社会效益指标', '引导社会力量帮扶', '不断提升', '有所增强', '10', '9'],
      ['生态效益指标', '建立健全城乡帮困长效机制', '不断优化', '有所提升', '5', '4'],
      ['可持续影响指标', '社会组织满意率', '稳步提升', '有所提升', '5', '5'],
    ]],
    ['满意度指标', [
      ['服务对象满意度指标', '服务对象满意率', '95%', '≥95%', '5', '5'],
      ['服务对象满意度指标', '社会组织满意率', '95%', '≥95%', '5', '5'],
    ]],
  ],
};

/** Types a whole form into the page, section by section. */
export async function typeForm(zipin, form) {
  await zipin.setFormName(form.name);
  for (const [row, cells] of Object.entries(form.funds)) {
    for (const [field, text] of Object.entries(cells)) await zipin.setFunds(row, field, text);
  }
  let index = 0;
  for (const [section, rows] of form.sections) {
    await zipin.ensureRows(section, rows.length);
    for (const [level2, name, target, actual, weight, score] of rows) {
      await zipin.fillRow(index, { level2, name, target, actual, weight, score });
      index += 1;
    }
  }
}

/**
 * A form of `rows` indicator rows as Excel TSV: funds of 10 points fully executed, the first
 * half of the rows weighing 0.05 and the second half 0.04 (on 2,000 rows: 50 + 40), every
 * target met and scored in full.
 */
export function largeForm(rows) {
  const lines = [
    '项目名称\t大表测试',
    '项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分',
    '\t年度资金总额\t100\t100\t100\t10\t100%\t10',
    '一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施',
  ];
  for (let i = 0; i < rows; i += 1) {
    const section = i === 0 ? '产出指标' : i === Math.floor(rows / 2) ? '效益指标' : '';
    const weight = i < rows / 2 ? '0.05' : '0.04';
    lines.push(`${section}\t数量指标\t指标${i + 1}\t≥${100 + (i % 7)}人\t${101 + (i % 7)}人\t${weight}\t${weight}\t`);
  }
  return lines.join('\n');
}
