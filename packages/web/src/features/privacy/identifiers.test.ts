import { describe, expect, it } from 'vitest';
import { findInFileName, findingsKey, redactDraft, redactFileName, scanDraft } from './identifiers';

describe('identifier scan of a draft', () => {
  it('finds identifiers in the text, captions and file names, once each', () => {
    const findings = scanDraft('Patient Zhang Wei, MRN 12345678, febrile', [
      { id: 'a1', caption: '患者张伟，住院号：123456', name: 'chest-xray.jpg' },
      { id: 'a2', caption: 'Zhang Wei again', name: 'Patient_Zhang_Wei_MRN_87654321.pdf' },
    ]);
    expect(findings).toEqual([
      { source: 'text', kind: 'person_name', text: 'Zhang Wei' },
      { source: 'text', kind: 'medical_record_number', text: '12345678' },
      { source: 'caption', itemId: 'a1', kind: 'person_name', text: '张伟' },
      { source: 'caption', itemId: 'a1', kind: 'medical_record_number', text: '123456' },
      { source: 'name', itemId: 'a2', kind: 'person_name', text: 'Zhang_Wei' },
      { source: 'name', itemId: 'a2', kind: 'medical_record_number', text: '87654321' },
    ]);
    expect(findingsKey(findings)).toContain('text:person_name:Zhang Wei');
    expect(scanDraft('Prone positioning helped our ARDS patients.', [])).toEqual([]);
  });

  it('reads separators in file names as spaces but reports the real text', () => {
    const m = findInFileName('Patient_Zhang_Wei_MRN_87654321.jpg');
    expect(m.map((x) => x.text)).toEqual(['Zhang_Wei', '87654321']);
    expect(redactFileName('Patient_Zhang_Wei_MRN_87654321.jpg')).toBe('Patient_[name]_MRN_[MRN].jpg');
    expect(redactFileName('ward-round.png')).toBe('ward-round.png');
  });

  it('redacts the text, the captions and the names that need it', () => {
    const r = redactDraft('患者张伟，住院号：123456', [
      { id: 'a1', caption: 'Mr Smith in bed 12', name: 'x.png' },
      { id: 'a2', caption: 'fine', name: 'ok.png' },
    ]);
    expect(r.text).toBe('患者[name]，住院号：[MRN]');
    expect([...r.captions]).toEqual([['a1', 'Mr [name] in [bed]']]);
    expect(r.names.size).toBe(0);
  });
});
