/** Shared set-up for the review tests: a report whose section 四 breaks R4.1, and corrections to apply. */
import { reportText } from '../parse/report-text.ts';
import type { Correction } from '../../src/store/corrections.ts';

/** 复议: 结果维持 2 but 总计 0 (R4.1 fails: the five review cells are flagged). The right 总计 is 2. */
export function flaggedReportText(title = '某某镇人民政府2023年政府信息公开工作年度报告'): string {
  return reportText({ title, s4: ['2', ...Array(14).fill('0')].join('\t') });
}

export function correction(over: Partial<Correction> & Pick<Correction, 'code'>): Correction {
  return {
    sha256: 'a'.repeat(64), action: 'set', value: null, parsed: null, note: null, reviewer: 'tester',
    correctedAt: '2026-12-01T10:00:00.000Z', ...over,
  };
}
