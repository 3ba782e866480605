import { DEFECT_CODES, DEFECTS, defectLabels, isDefectCode } from '../../shared/domain/defects';

describe('defect codes', () => {
  it('are unpaid fees and clauses 2 to 6 of Article 51', () => {
    expect(DEFECT_CODES.map((code) => [DEFECTS[code].basis.article, DEFECTS[code].basis.clause])).toEqual([
      [53, 1],
      [51, 2],
      [51, 3],
      [51, 4],
      [51, 5],
      [51, 6],
    ]);
  });

  it('each have a label and what to do, in Persian and English', () => {
    for (const code of DEFECT_CODES) {
      const { label, whatToDo } = DEFECTS[code];
      expect(DEFECTS[code].code).toBe(code);
      expect([label.fa, label.en, whatToDo.fa, whatToDo.en].every((text) => text.length > 0)).toBe(true);
    }
  });

  it('label a return in the order of the law and recognise only known codes', () => {
    const labels = defectLabels(['evidence', 'unpaid-fees'], 'en');

    expect(labels).toEqual(['Court fees not paid', 'Evidence is not listed or attached']);
    expect(isDefectCode('relief-sought')).toBe(true);
    expect(isDefectCode('article-51-1')).toBe(false);
  });
});
