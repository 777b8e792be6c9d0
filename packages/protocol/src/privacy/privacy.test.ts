import { describe, expect, it } from 'vitest';
import { cnResidentIdCheckChar, isValidCnResidentId, isValidSsn } from './checks';
import * as api from './index';
import { findIdentifiers, type IdentifierKind, redactIdentifiers } from './index';

/** The identifiers found in `text`, as "kind:text" strings. */
const found = (text: string) => findIdentifiers(text).map((m) => `${m.kind}:${m.text}`);
const kinds = (text: string, kind: IdentifierKind) =>
  findIdentifiers(text)
    .filter((m) => m.kind === kind)
    .map((m) => m.text);

describe('public API', () => {
  it('exports only the detector and the redactor', () => {
    expect(Object.keys(api).sort()).toEqual(['findIdentifiers', 'redactIdentifiers']);
  });

  it('returns sorted, non-overlapping matches whose text is the span', () => {
    const text = 'Pt 张伟, 45M, bed 12, MRN 20200123, DOB 1975-08-23, tel 13800138000, 420106197508230020';
    const matches = findIdentifiers(text);
    expect(matches.length).toBeGreaterThan(5);
    for (const [i, m] of matches.entries()) {
      expect(text.slice(m.start, m.end)).toBe(m.text);
      if (i > 0) expect(m.start).toBeGreaterThanOrEqual(matches[i - 1]!.end);
    }
  });

  it('finds nothing in empty or plain text', () => {
    expect(findIdentifiers('')).toEqual([]);
    expect(findIdentifiers('Proning helps; keep the PEEP table handy.')).toEqual([]);
  });
});

describe('Chinese resident IDs', () => {
  it('computes the ISO 7064 MOD 11-2 check character', () => {
    expect(cnResidentIdCheckChar('11010519491231002')).toBe('X'); // the GB 11643 example
    expect(cnResidentIdCheckChar('44052418800101001')).toBe('4');
    expect(cnResidentIdCheckChar('42010219620314001')).toBe('6');
    expect(() => cnResidentIdCheckChar('4201021962')).toThrow();
  });

  it('accepts valid IDs, with an X check character in either case', () => {
    expect(isValidCnResidentId('11010519491231002X')).toBe(true);
    expect(isValidCnResidentId('11010519491231002x')).toBe(true);
    expect(isValidCnResidentId('420102196203140016')).toBe(true);
    expect(isValidCnResidentId('420102 19620314 0016')).toBe(true);
    expect(isValidCnResidentId('110105200002290013')).toBe(true); // 2000 is a leap year
  });

  it('rejects a wrong check character, an impossible date and a future date', () => {
    expect(isValidCnResidentId('420102196203140010')).toBe(false);
    expect(isValidCnResidentId('110105194912310020')).toBe(false);
    expect(isValidCnResidentId('420102196202300014')).toBe(false); // 30 February, checksum right
    expect(isValidCnResidentId('110105190002290017')).toBe(false); // 1900 was not a leap year
    expect(isValidCnResidentId('110105209912310010')).toBe(false); // born in 2099
    expect(isValidCnResidentId('020102196203140016')).toBe(false);
  });

  it('is detected in text only when valid', () => {
    expect(kinds('身份证号420102196203140016，医保无法识别', 'cn_resident_id')).toEqual(['420102196203140016']);
    expect(kinds('ID 11010519491231002X on file', 'cn_resident_id')).toEqual(['11010519491231002X']);
    expect(findIdentifiers('样本条码420102196203140010重复扫描')).toEqual([]);
    expect(findIdentifiers('accession 4201021962031400161')).toEqual([]);
  });
});

describe('US Social Security numbers', () => {
  it('rejects the ranges the SSA never issues', () => {
    expect(isValidSsn('432-17-8890')).toBe(true);
    expect(isValidSsn('078-05-1120')).toBe(true);
    for (const bad of ['000-12-3456', '666-12-3456', '900-12-3456', '999-12-3456', '123-00-4567', '123-45-0000'])
      expect(isValidSsn(bad)).toBe(false);
  });

  it('finds dashed numbers anywhere and undashed ones after a label', () => {
    expect(kinds('SSN 432-17-8890 on the form', 'us_ssn')).toEqual(['432-17-8890']);
    expect(kinds('insurance card shows 521-44-9087', 'us_ssn')).toEqual(['521-44-9087']);
    expect(kinds('social security number 545 66 1234', 'us_ssn')).toEqual(['545 66 1234']);
    expect(findIdentifiers('SSN 666-12-3456 is the training placeholder')).toEqual([]);
    expect(findIdentifiers('SSN 912-34-5678')).toEqual([]);
    expect(findIdentifiers('Kit serial 123-45-6789 failed QC')).toEqual([]);
  });
});

describe('names', () => {
  it('finds English names marked by clinical context', () => {
    expect(found('Patient John Smith, 45M, febrile')).toEqual(['person_name:John Smith']);
    expect(found('Mr. Zhang presented with fever')).toEqual(['person_name:Zhang']);
    expect(found('Maria Lopez, 58 y/o, tested positive')).toEqual(['person_name:Maria Lopez']);
    expect(found('James Wilson was admitted from the ED')).toEqual(['person_name:James Wilson']);
    expect(found('Her daughter Emily Clark called')).toEqual(['person_name:Emily Clark']);
    expect(found('Pt: HERNANDEZ, Luis needs a repeat swab')).toEqual(['person_name:HERNANDEZ, Luis']);
  });

  it('finds Chinese names after 患者/病人, before sex and age, and with titles', () => {
    expect(found('患者张伟，男，45岁')).toEqual(['person_name:张伟']);
    expect(found('病人李秀英入院')).toEqual(['person_name:李秀英']);
    expect(found('林建华，男，59岁，发热')).toEqual(['person_name:林建华']);
    expect(found('患者欧阳晓燕，女，27岁')).toEqual(['person_name:欧阳晓燕']);
    expect(found('张先生发热3天')).toEqual(['person_name:张先生']);
    expect(found('请问赵一鸣的核酸结果出来了吗')).toEqual(['person_name:赵一鸣']);
  });

  it('leaves anonymised names, clinicians, famous researchers and institutions alone', () => {
    for (const text of [
      '患者王某某，男，45岁',
      '张某，女，62岁',
      '王XX，男，45岁',
      'as Zhong Nanshan said',
      'Dr. Chen presented our ECMO data',
      'Wuhan Union Hospital reported 138 patients',
      'Huang C, Wang Y, Li X, et al. Clinical features',
      'Patient Zero was never identified',
      '正如钟南山院士所说',
      '患者高热不退',
      '患者马上要转院',
      '患者白细胞计数升高',
      'Mr. Smith from biomedical engineering fixed the ventilator',
    ])
      expect(found(text), text).toEqual([]);
  });
});

describe('numbers with labels', () => {
  it('finds record numbers after their label', () => {
    expect(kinds('MRN 12345678 — check the swab', 'medical_record_number')).toEqual(['12345678']);
    expect(kinds('MRN: A-0043321?', 'medical_record_number')).toEqual(['A-0043321']);
    expect(kinds('病历号 20200123 的CT', 'medical_record_number')).toEqual(['20200123']);
    expect(kinds('住院号：123456，请核对', 'medical_record_number')).toEqual(['123456']);
    expect(kinds('MRN 4471902 and 4471903 are twins', 'medical_record_number')).toEqual(['4471902', '4471903']);
    expect(findIdentifiers('case no. 3 presented with diarrhoea')).toEqual([]);
  });

  it('finds birth dates after a label, in several formats, and checks the date', () => {
    expect(kinds('DOB 03/14/1962, admitted', 'date_of_birth')).toEqual(['03/14/1962']);
    expect(kinds('born 1962-03-14, male', 'date_of_birth')).toEqual(['1962-03-14']);
    expect(kinds('Born on March 14, 1962', 'date_of_birth')).toEqual(['March 14, 1962']);
    expect(kinds('DOB 31/12/1949', 'date_of_birth')).toEqual(['31/12/1949']);
    expect(kinds('出生日期 1962年3月14日，既往高血压', 'date_of_birth')).toEqual(['1962年3月14日']);
    expect(kinds('患者1956年4月18日生，女', 'date_of_birth')).toEqual(['1956年4月18日']);
    for (const text of [
      'on 2020-02-14 we opened',
      'born 1962',
      'DOB 13/13/1962',
      '2020年3月1日生效',
      '发生于2020年1月',
    ])
      expect(found(text), text).toEqual([]);
  });
});

describe('phones and e-mail', () => {
  it('finds US, international and Chinese numbers', () => {
    for (const [text, phone] of [
      ['reach her at (212) 555-0143', '(212) 555-0143'],
      ['cell 917.555.0110 tonight', '917.555.0110'],
      ['wife: +1 415 555 0172', '+1 415 555 0172'],
      ['mobile +44 7700 900461', '+44 7700 900461'],
      ['家属电话13800138000', '13800138000'],
      ['手机 +86 138 0013 8000', '+86 138 0013 8000'],
      ['座机 010-64551234', '010-64551234'],
      ['Contact number for the son: 07700 900123', '07700 900123'],
    ])
      expect(kinds(text!, 'phone'), text).toEqual([phone]);
  });

  it('leaves doses, citations, trial numbers and product numbers alone', () => {
    for (const text of [
      'lopinavir/ritonavir 400/100 mg bid',
      'N Engl J Med 2020;382:1708-1720',
      'NCT04280705',
      'Catalog no. 800-322-1122 for VTM',
      '货号 138-0013-8000 的防护服',
      'call on 2020-02-14',
      'pager 4-5521',
    ])
      expect(found(text), text).toEqual([]);
  });

  it('finds e-mail addresses but not @mentions or URLs', () => {
    expect(kinds('send to mary.oconnor@gmail.com please', 'email')).toEqual(['mary.oconnor@gmail.com']);
    expect(kinds('邮箱 zhangwei1975@163.com，已发送', 'email')).toEqual(['zhangwei1975@163.com']);
    expect(findIdentifiers('@li.wen can you share the slides?')).toEqual([]);
    expect(findIdentifiers('see https://a.example/x?from=x@y.com and doi:10.1056/NEJMoa2002032')).toEqual([]);
  });
});

describe('addresses and beds', () => {
  it('finds street addresses in English and Chinese', () => {
    expect(kinds('Lives at 123 Main Street with her mother', 'street_address')).toEqual(['123 Main Street']);
    expect(kinds('on file: 45 Oak Ave, Apt 3, Brooklyn', 'street_address')).toEqual(['45 Oak Ave, Apt 3']);
    expect(kinds('患者住在武汉市江岸区解放大道1277号', 'street_address')).toEqual(['武汉市江岸区解放大道1277号']);
    expect(kinds('住址：武昌区中山路305号2栋3单元501室', 'street_address')).toEqual(['武昌区中山路305号2栋3单元501室']);
    expect(findIdentifiers('火神山医院 opened with 1,000 beds')).toEqual([]);
  });

  it('flags bed and ward numbers only next to a name', () => {
    expect(found('bed 12, John Smith, on 6 L')).toEqual(['bed_ward:bed 12', 'person_name:John Smith']);
    expect(found('Ward 5B bed 3 – Mrs. Lee desatted')).toEqual(['bed_ward:Ward 5B bed 3', 'person_name:Lee']);
    expect(found('3床 张伟，今晨血氧85%')).toEqual(['bed_ward:3床', 'person_name:张伟']);
    expect(found('ICU 12床患者王芳')).toEqual(['bed_ward:ICU 12床', 'person_name:王芳']);
    for (const text of [
      'Ward 7 is full; bed 12 is being cleaned',
      '3床今天出院',
      '方舱医院有2000张床',
      'we added 1,000 beds',
    ])
      expect(found(text), text).toEqual([]);
  });
});

describe('redactIdentifiers', () => {
  it('replaces each identifier with a placeholder of its kind', () => {
    expect(redactIdentifiers('Patient John Smith, MRN 12345678, tel 646-555-0199')).toBe(
      'Patient [name], MRN [MRN], tel [phone]',
    );
    expect(redactIdentifiers('3床 张伟，身份证420102196203140016')).toBe('[bed] [name]，身份证[ID number]');
    expect(redactIdentifiers('nothing to hide here')).toBe('nothing to hide here');
  });

  it('uses the matches it is given and ignores stale or overlapping ones', () => {
    const text = 'call Li on 13800138000';
    const matches = findIdentifiers(text);
    expect(redactIdentifiers(text, matches)).toBe('call Li on [phone]');
    expect(redactIdentifiers(text, [])).toBe(text);
    const stale = { kind: 'email' as const, start: 0, end: 4, text: 'nope' };
    const overlapping = { ...matches[0]!, start: matches[0]!.start + 1, text: matches[0]!.text.slice(1) };
    expect(redactIdentifiers(text, [stale, ...matches, overlapping])).toBe('call Li on [phone]');
  });
});
