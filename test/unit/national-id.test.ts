import { isValidLegalEntityId, isValidPersonNationalId, withPersonCheckDigit } from '../../shared/domain/national-id';

describe('person national ID (کد ملی)', () => {
  it.each(['0499370899', '0790419904', '0084575948', '0013542419'])('accepts the valid code %s', (id) => {
    expect(isValidPersonNationalId(id)).toBe(true);
  });

  it.each(['0499370898', '0499370890', '1234567890'])('rejects %s whose check digit is wrong', (id) => {
    expect(isValidPersonNationalId(id)).toBe(false);
  });

  it.each(['0000000000', '1111111111', '9999999999'])('rejects %s, one digit repeated', (id) => {
    expect(isValidPersonNationalId(id)).toBe(false);
  });

  it.each(['049937089', '04993708990', '04993708a9', ''])('rejects %p, not ten digits', (id) => {
    expect(isValidPersonNationalId(id)).toBe(false);
  });

  it('computes a check digit that the validator accepts', () => {
    for (const nine of ['049937089', '123456789', '000000001'])
      expect(isValidPersonNationalId(withPersonCheckDigit(nine))).toBe(true);
  });
});

describe('legal entity national ID (شناسه ملی)', () => {
  it.each(['10380284790'])('accepts the valid ID %s', (id) => {
    expect(isValidLegalEntityId(id)).toBe(true);
  });

  it.each(['10380284791', '1038028479', '00000000000'])('rejects %s', (id) => {
    expect(isValidLegalEntityId(id)).toBe(false);
  });
});
