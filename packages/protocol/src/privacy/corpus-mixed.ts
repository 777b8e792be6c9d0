import type { CorpusEntry } from './corpus';
import { A, B, D, E, entry, I, M, N, P } from './corpus-kinds';

const mixed = entry('mixed');

/** Messages that switch between English and Chinese, as clinicians in shared rooms do. */
export const mixedCorpus: CorpusEntry[] = [
  mixed('Pt 张伟, 45M, bed 12, MRN 20200123, SpO2 86% on NRB', [N, '张伟'], [B, 'bed 12'], [M, '20200123']),
  mixed('患者 Li Wei, male 52, 住院号 778812, transferred from Jinyintan', [N, 'Li Wei'], [M, '778812']),
  mixed('家属 phone: 13912345678, 请 ICU fellow call back', [P, '13912345678']),
  mixed('3床 Mrs. Chan desat to 84%, 请 RT review', [B, '3床'], [N, 'Chan']),
  mixed('DOB 1958年7月2日, 患者 allergic to penicillin', [D, '1958年7月2日']),
  mixed('Email 给家属: wangfang88@qq.com', [E, 'wangfang88@qq.com']),
  mixed("地址 77 Park Avenue, Apt 4 — the patient's son lives there", [A, '77 Park Avenue, Apt 4']),
  mixed('身份证 440305199002150055 registered under the wrong name, please fix in HIS', [I, '440305199002150055']),
  mixed('ICU 5床 Zhang Min, 63F, P/F 110, prone today', [B, 'ICU 5床'], [N, 'Zhang Min']),
  mixed('Patient 王丽 DOB 1970-05-06 联系电话 027-87654321', [N, '王丽'], [D, '1970-05-06'], [P, '027-87654321']),
  mixed('Mr. Liu 的核酸 came back positive again, 明天 repeat CT', [N, 'Liu']),
  mixed('病历号 MRN 00012345 pls check the culture', [M, '00012345']),
  mixed('bed 8 陈国平 still on HFNC 60L, FiO2 0.7', [B, 'bed 8'], [N, '陈国平']),
  mixed('患者 Zhou Lin 的 home address 是 58 Maple Street', [N, 'Zhou Lin'], [A, '58 Maple Street']),
  mixed('身份证 420111194709090068, DOB 1947-09-09, 73F', [I, '420111194709090068'], [D, '1947-09-09']),
  mixed('dexamethasone 6mg qd，疗程10天，不要用于轻症'),
  mixed('PaO2/FiO2 150，建议 prone 16h'),
  mixed('@li.wen 请 share 一下 slides'),
  mixed('参考 NEJM 2020;382:1708-1720 和 doi:10.1056/NEJMoa2002032'),
  mixed('Wuhan Union Hospital (协和医院) 增加了 500 beds'),
  mixed('As 钟南山 said, masks work.'),
  mixed('IL-6 45 pg/mL，CRP 120 mg/L，ferritin 1850'),
  mixed('ECMO 团队 will round at 08:00 in ICU 3'),
  mixed('王某某 45M, fever x3d, CT GGO'),
  mixed('Remdesivir 200 mg day 1 then 100 mg qd，共5天'),
  mixed('方舱 has 2000 beds，目前 occupancy 80%'),
  mixed('see https://www.nejm.org/doi/full/10.1056/NEJMoa2001017 for the 武汉 cluster'),
  mixed('张某 62F 已经 extubated, 转回普通病房'),
  mixed('Lot 20200315 的 VTM 有问题，先别用'),
];
