import { type Conversation, talk } from './script';

/** "ICU & respiratory care": oxygen to ECMO, proning, airway, drug shortages. */
export const ICU_ROOM: Conversation[] = [
  talk(
    'icu',
    { c: 'coord', a: 'mod', b: 'respiratory_therapist', d: 'zh' },
    `
c: Welcome to ICU & respiratory care. 欢迎！Share what works in your unit — settings, protocols, checklists — as experience, not as orders for someone else's patient. The community rules are in the announcement.
a> Tip: include your unit's context (beds, staffing, what you are short of). The same advice lands differently in a 10-bed unit and a 100-bed one.
b> RT here, happy to help with high-flow, NIV and ventilator questions.
d> 大家好，重症医学科医生，欢迎交流。
`,
  ),
  talk(
    'icu',
    { a: 'US:physician:~critical', b: 'expert:respiratory_therapist', c: 'CN:physician:~critical', d: 'IT:physician' },
    `
a: High-flow nasal oxygen: are you using it, given the aerosol worry?
b> Yes, with precautions: a surgical mask over the cannula, single room (negative pressure if available), N95s for staff. The Surviving Sepsis Campaign COVID-19 guidelines suggest high-flow over conventional oxygen and over NIV in acute hypoxaemic respiratory failure.
c> 我们早期也担心气溶胶，后来普遍使用经鼻高流量，效果不错。关键是密切观察：如果1–2小时内氧合和呼吸做功没有改善，不要拖延插管。
d> Helmet CPAP worked well for us outside ICU when beds ran out — fewer leaks than face masks. It needs trained nurses.
`,
  ),
  talk(
    'icu',
    { a: 'US:physician', b: 'expert:physician:~emergency', c: 'CN:nurse', d: 'nurse' },
    `
a: Awake proning in non-intubated patients: anyone have data or a protocol?
b> Caputo ND et al. (Academic Emergency Medicine 2020): 50 patients in a New York ED, median SpO2 went from 80% to 94% after 5 minutes prone. Observational, no outcome data yet, but cheap and low-risk in cooperative patients.
c> 我们给清醒患者俯卧，每次尽量坚持1–2小时，一天多次，交替侧卧。关键是护士耐心指导，用枕头垫好胸部和骨盆。
d> Our protocol: prone, then right side, sitting up, left side, each 30 minutes to 2 hours as tolerated. Stop if SpO2 falls or the patient is distressed.
b> Thanks @{c}, the pillows matter a lot — patients give up when it hurts.
`,
  ),
  talk(
    'icu',
    { a: 'physician:~anesth', b: 'expert:physician:~anesth', c: 'CN:physician', d: 'respiratory_therapist' },
    `
a: Intubation set-up: are you using aerosol boxes?
b> We stopped. A simulation study (Begley JL et al., Anesthesia & Analgesia 2020) found intubation took longer with the box, and some operators could not intubate at all. We use rapid sequence induction, a video laryngoscope, the most experienced operator, and no one in the room who is not needed.
c> 我们插管前充分预氧合，避免面罩通气，插管后先充好气囊再接呼吸机。管路连接处放过滤器。
d> RT side: clamp the tube when disconnecting, and put the viral filter between the tube and the bag, not after it.
`,
  ),
  talk(
    'icu',
    { a: 'US:physician', b: 'expert:respiratory_therapist', c: 'IT:physician' },
    `
a: We may run out of ventilators. Has anyone tried splitting one ventilator between two patients?
b> A joint statement from SCCM, AARC, ASA, APSF, AACN and CHEST advised against it: different compliance means you cannot control each patient's tidal volume, monitoring and alarms don't work per patient, and one disconnection affects both. Transport ventilators and anaesthesia machines are safer bridges.
c> We used anaesthesia machines in theatres converted to ICU. They work, but need anaesthetists nearby and attention to fresh gas flow and soda lime.
`,
  ),
  talk(
    'icu',
    { a: 'US:pharmacist', b: 'expert:pharmacist', c: 'physician:~critical', d: 'zh' },
    `
a: Propofol and fentanyl are short. What are you rotating to?
b> We use ketamine infusions and hydromorphone in our protocol, plus enteral adjuncts to cut IV doses, and light sedation targets as soon as the patient tolerates it. Prone patients on high PEEP need deeper sedation, which is where shortages bite.
c> Volatile sedation through an AnaConDa-type device helped in our unit, but needs scavenging and training.
d> 镇静药物紧张时，我们每天评估镇静深度，能浅则浅，减少用量。
`,
  ),
  talk(
    'icu',
    { a: 'physician:~critical', b: 'US:physician', c: 'CN:physician' },
    `
a: CRRT filters are clotting within hours. Anyone else?
b> Yes. Regional citrate anticoagulation helped us most; some units increased heparin. Dialysis fluid ran short in New York hospitals at the peak; some units shared CRRT machines by running shorter sessions.
c> 我们的重症患者也经常出现滤器凝血，D-二聚体普遍很高。枸橼酸局部抗凝效果较好，但要监测离子钙。
`,
  ),
  talk(
    'icu',
    { a: 'physician:~critical', b: 'expert:pharmacist', c: 'CN:physician' },
    `
a: Nearly every ventilated COVID-19 patient in our unit is on broad-spectrum antibiotics from day one. Is that justified?
b> A rapid review (Rawson TM et al., Clin Infect Dis 2020) found bacterial or fungal co-infection in 8% of patients, while 72% received antimicrobials. We send cultures and procalcitonin, and stop at 48–72 h when they are negative.
c> 我们的经验：入院时合并细菌感染不多，但长期插管的患者后期呼吸机相关肺炎和真菌感染并不少见。
`,
  ),
  talk(
    'icu',
    { a: 'physician:~critical', b: 'expert:physician:~critical', c: 'zh' },
    `
a: Are you offering ECMO to COVID-19 patients? Colleagues are pessimistic after early reports.
b> Selected patients, yes, following the ELSO interim guidance: severe ARDS despite optimised ventilation and proning, short ventilation time, few comorbidities. In the ELSO registry (Barbaro RP et al., Lancet 2020) the estimated 90-day in-hospital mortality was 37% — similar to other ECMO-treated ARDS. It only works in experienced centres.
c> 武汉也在部分患者中使用ECMO，需要经验丰富的团队，还要考虑抗凝和出血风险。
`,
  ),
  talk(
    'icu',
    { a: 'nurse:~icu', b: 'CN:nurse', c: 'nurse', d: 'respiratory_therapist' },
    `
a: Proning intubated patients: how many staff, and how do you prevent pressure injuries?
b> 我们5到6人一组：1人负责头部和气道，两侧各2人，1人负责管路。面部、胸部、髂骨、膝盖用泡沫敷料保护，每2小时调整头部位置。
c> We use the "swimmer's position", alternating arm and head every 2 hours. Our face pressure injuries dropped when we started foam dressings and a dedicated proning team.
d> Before turning: check tube position and cuff pressure, secure the lines, pre-oxygenate. After: listen to both sides and check the ventilator waveforms.
`,
  ),
  talk(
    'icu',
    { a: 'nurse', b: 'expert:respiratory_therapist', c: 'zh' },
    `
a: Nebulisers for COVID-19 patients — still allowed on our ward?
b: We avoid them: nebulisation is considered aerosol-generating. Metered-dose inhaler with a spacer for spontaneously breathing patients; in-line MDI for ventilated patients, to keep the circuit closed.
c: 我们也尽量不用雾化，用定量吸入器加储雾罐代替。
`,
  ),
  talk(
    'icu',
    { a: 'physician', b: 'expert:physician:~anesth', c: 'GB:physician' },
    `
a: When are you doing tracheostomies in ventilated COVID-19 patients?
b> Most of us wait until at least day 10–14 of ventilation, when the patient is improving and the viral load should be lower. Percutaneous at the bedside with the ventilator paused at end-expiration during airway opening, full airborne precautions.
c> Same here. We also pause the ventilator whenever the circuit is opened, and keep the team to the minimum.
`,
  ),
  talk(
    'icu',
    { a: 'zh', b: 'CN:nurse:~icu', c: 'en' },
    `
a: 请问大家重症病房护士怎么排班？我们人手很不够。
b: 支援期间我们一般4–6小时一班，穿防护服不超过6小时。重症患者护理工作量大，尽量配足人手，有经验的重症护士带教支援护士。
c: Same principle here: an experienced ICU nurse leads a small team of redeployed nurses for a group of patients. It let us double our ICU beds without doubling ICU nurses.
`,
  ),
];
