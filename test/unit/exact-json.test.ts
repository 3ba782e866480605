import { parseExact, stringifyExact } from '../../shared/http/exact-json';

describe('JSON with exact integers for gateway amounts', () => {
  it('writes a bigint as a JSON number with exactly its digits', () => {
    expect(stringifyExact({ Amount: 12345678901234567890n, ResNum: 'A-1', CellNumber: undefined, ok: true })).toBe(
      '{"Amount":12345678901234567890,"ResNum":"A-1","ok":true}',
    );
  });

  it('reads every number as its source text, so no amount passes through a double', () => {
    // Prepare: 2^53 + 1 would read as 9007199254740992 through JSON.parse.
    const text = '{"OrginalAmount":9007199254740993,"ResultCode":-2,"Success":false,"Detail":[1]}';

    // Act
    const value = parseExact(text);

    // Assess
    expect(value).toEqual({ OrginalAmount: '9007199254740993', ResultCode: '-2', Success: false, Detail: ['1'] });
  });
});
