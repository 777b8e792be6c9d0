import { type Conversation, talk } from './script';

/** Rooms 1 and 2 of the group: everyday frontline questions in English and Chinese. */
export const GROUP_ROOMS_1_2: Conversation[] = [
  talk(
    'g1',
    { c: 'coord', a: 'US:physician', b: 'IT:nurse', d: 'CN:zh', e: 'IR', f: 'NG' },
    `
c: Welcome to room 1 of Global health professionals on COVID-19! 欢迎大家！Introduce yourself in this thread: where you work and what you need help with. Please read the announcement first: no politics, religion or racial discrimination, and never a patient identifier.
a> Emergency physician. Respiratory visits to our ED tripled this week. Here to learn from colleagues who are a few weeks ahead of us.
b> ICU nurse from Italy. We are at the peak. Happy to share what we learned the hard way.
d> 呼吸科医生，我们最艰难的时候已经过去了，有问题随时问。Pulmonologist — ask anything.
e> Internal medicine. Thank you for organising this.
f> Physician in an infectious disease hospital. We are preparing isolation wards and training staff now; every checklist helps.
`,
  ),
  talk(
    'g1',
    { a: 'US:physician:~family', n: 'CN:nurse', u: 'US:nurse', m: 'mod' },
    `
a: We are a small outpatient practice and starting to see patients with fever and cough. How should we clean the exam room between patients? We have no infection control staff.
n: Our fever clinic: wipe every surface the patient touched (couch, chair, desk, door handle, BP cuff) with 1000 mg/L chlorine disinfectant, leave 30 min, then wipe with clean water; 75% alcohol for small items like the stethoscope and thermometer. Open windows between patients if you can.
u: In the US check that your product is on EPA List N and respect its contact time on the label (often 1–10 minutes). Wet time is what kills the virus, not the wipe itself.
a: How do we make 1000 mg/L from household bleach?
n: Household bleach is usually 5%–6% sodium hypochlorite (50,000–60,000 mg/L). 20 mL of bleach in 1 L of water gives about 1000 mg/L. Make it fresh every day, in a ventilated room, and never mix it with other cleaners.
m: Good thread. More in the "Disinfection & infection control" room, including photos of UV equipment.
`,
  ),
  talk(
    'g1',
    { a: 'US:physician', d: 'CN:physician', e: 'ES', f: 'zh' },
    `
a: How do you protect your family when you come home from a shift? My kids are small and I am scared of bringing it home.
d: During the peak many of us in Wuhan did not go home at all: hospitals and local authorities arranged hotel rooms for medical staff. When we did go home: change clothes and shower at work, leave shoes outside, wash hands first, sleep in a separate room for the first weeks.
e: Several colleagues here moved to a hotel too. Others sleep at home but keep a mask on in shared rooms. There is no perfect answer.
f: 我们科室当时也都住酒店，一住就是两个月。孩子只能视频，很难，但家人都平安。
a: Thank you all. This helps more than you think.
`,
  ),
  talk(
    'g1',
    { a: 'FR', b: 'expert:pharmacist', c: 'US:physician' },
    `
a: Patients are asking whether ibuprofen makes COVID-19 worse. What are you telling them?
b> There is no good evidence that it does. The EMA said in March that there was no scientific evidence linking ibuprofen to worse outcomes, and WHO said the same. Paracetamol first for fever is a reasonable default, but patients who need an NSAID for another reason do not have to stop it.
c> Same for ACE inhibitors and ARBs: the ESC Council on Hypertension and the joint HFSA/ACC/AHA statement advised continuing them. Two large studies in NEJM (Mancia G et al.; Reynolds HR et al., 2020) found no association with infection or severity.
a> Thank you @{b}, very clear.
`,
  ),
  talk(
    'g1',
    { a: 'US:physician', b: 'CN:physician', c: 'GB:physician' },
    `
a: Anyone seeing patients whose first symptoms are diarrhoea or nausea, without fever or cough?
b: Yes. Pan L et al. (Am J Gastroenterol 2020) reported digestive symptoms in about half of 204 patients in Hubei, and some presented with digestive symptoms only.
c: Same experience. We added diarrhoea and loss of appetite to our screening questions for admissions.
a: Thanks — our triage script only asks about fever and cough. Changing it today.
`,
  ),
  talk(
    'g1',
    { m: 'mod', a: '*', b: 'zh' },
    `
m: A reminder after some posts today: this group is for clinical and scientific exchange. No politics, no religion, no racial discrimination — whatever our views, we are here for our patients. Posts that break the rules will be removed. 提醒：本群仅限临床与科研交流，请勿讨论政治、宗教，禁止种族歧视。
a> Thank you. This group has been a lifeline; let's keep it that way.
b> 支持！
`,
  ),
  talk(
    'g1',
    { a: 'US:nurse', b: 'CN:nurse', c: 'GB:nurse' },
    `
a: Our hospital is asking nurses to wear one N95 for the whole shift. Is that safe?
b> Extended use for a whole shift is what we did at the peak, as long as the respirator is not wet, damaged or visibly soiled, and you do not touch the front. Change it after any aerosol-generating procedure if you have stock.
c> That fits the CDC's contingency strategies: extended use is preferred over reuse, because every extra donning and doffing is a chance to contaminate your hands. Hand hygiene every time you adjust it.
a> Thanks. The "don't touch the front" part is the hardest after 8 hours.
`,
  ),
  talk(
    'g1',
    { m: 'mod', a: '*', b: 'zh' },
    `
m: Slides of Lecture 3 (ventilator management) are in the 10,000 room, in the lecture's thread. 第三讲课件已在万人群发布。
a> Thank you! Will the recording be shared?
m> Yes, once the speaker has reviewed it. Same thread.
b> 谢谢！
`,
  ),
  talk(
    'g2',
    { c: 'coord', a: 'DE', b: 'KR', d: 'zh', e: 'BR' },
    `
c: Welcome to room 2! 欢迎来到二群！Room 1 is filling up, so new members land here. Introduce yourself in this thread, and read the announcement for the rules.
a> Internist from Germany. We are seeing our first wave in the hospital now.
b> Physician from Korea. Happy to share how our drive-through and walk-through testing stations work.
d> 大家好，在美国工作的华人医生，希望能帮忙翻译和沟通。
e> Emergency physician from Brazil. Our cases are rising fast.
`,
  ),
  talk(
    'g2',
    { a: 'GB:nurse', b: 'expert:physician:~obstet', c: 'CN:physician' },
    `
a: A pregnant colleague (32 weeks) is still on our COVID ward. What are others doing?
b> In the UK, RCOG and RCM occupational guidance says pregnant staff from 28 weeks, or with underlying conditions, should avoid direct contact with patients who may have COVID-19; before 28 weeks, a risk assessment and choice. Many units moved pregnant staff to remote or non-patient-facing work.
c> 我们也把孕期的同事调到非一线岗位。Chen H et al. (Lancet 2020) reported nine pregnant women in the third trimester in Wuhan with no evidence of transmission to the newborn, but numbers are small.
a> Thank you. I will bring the guidance to our manager.
`,
  ),
  talk(
    'g2',
    { a: 'US:physician', b: 'expert:physician', c: 'IT:physician', d: 'zh' },
    `
a: Two strokes this week in patients under 50 with COVID-19, both large-vessel occlusions. Coincidence?
b> Oxley TJ et al. (NEJM 2020) described five patients under 50 with large-vessel stroke and COVID-19 in New York over two weeks. Together with the thrombosis data, it looks like a real signal.
c> We see it too. Our neurologists ask that we do not delay stroke calls because of COVID status: treat as suspected, full PPE, and move.
d> 我们也观察到年轻患者的脑卒中病例，与高凝状态可能有关。
`,
  ),
  talk(
    'g2',
    { a: 'US:physician', b: 'KR:physician', c: 'FR', d: 'zh' },
    `
a: Several of my mild patients have sudden loss of smell with no nasal congestion. Anyone else?
b> Yes. Korean data quoted by ENT UK: about 30% of patients with mild disease reported loss of smell as a major symptom. ENT UK suggested people with new anosmia self-isolate.
c> Very common here too, often with loss of taste. Menni C et al. (Nature Medicine 2020) found loss of smell and taste was a strong predictor of a positive test in app users.
d> 我们也遇到不少嗅觉丧失的轻症患者，大多数几周内恢复。
`,
  ),
  talk(
    'g2',
    { a: 'US:physician', b: 'CN:physician', k: 'KR', d: 'zh' },
    `
a: What are your criteria for ending isolation after discharge? We have patients who are PCR positive for weeks.
b> 中国第七版方案的出院标准：体温正常3天以上、呼吸道症状明显好转、肺部影像明显改善、连续两次呼吸道标本核酸阴性（间隔至少24小时）；出院后再隔离14天并随访。
a> Thank you. The US CDC moved to a symptom-based strategy for most patients, because many stay PCR positive long after they are infectious.
k> Korea investigated 285 "re-positive" patients after discharge: no transmission from them to contacts, and no virus could be cultured from their samples. This changed our rules.
d> 复阳的问题国内也讨论很多，这个韩国数据很有参考价值，我翻译一下发到中文群。
`,
  ),
  talk(
    'g2',
    { a: 'IN', b: 'expert:physician:~infect', c: 'US:pharmacist' },
    `
a: Our staff are being offered hydroxychloroquine as prophylaxis. Is there any evidence?
b> Not for benefit. The randomised trial of post-exposure prophylaxis (Boulware DR et al., NEJM 2020, 821 participants) found no significant reduction in COVID-19, and more side effects. I would not take it outside a trial.
c> Also watch QT with other QT-prolonging drugs, and supplies for patients with lupus and rheumatoid arthritis ran short when demand spiked.
`,
  ),
  talk(
    'g2',
    { a: 'US:zh', b: 'CN:zh', c: 'zh' },
    `
a: 请问国内医院给一线医护安排住宿吗？我们这里有同事不敢回家。
b: 疫情高峰时武汉很多医院都安排了酒店，医疗队统一住宿，每天有班车。
c: 我们医院给需要的医护提供了单独宿舍，餐饮也统一配送。建议和医院管理层反映，很多同事都有这个需要。
a: 谢谢，我去和科室主任谈谈。
`,
  ),
  talk(
    'g2',
    { a: 'US:physician', b: 'SG', c: 'AU' },
    `
a: Are you testing asymptomatic staff? Our leadership says only symptomatic staff can be swabbed.
b: We test staff with even mild symptoms, and in some hospitals after exposure. Low threshold helps: a lot of transmission happens before symptoms.
c: We test symptomatic staff the same day and run surveillance swabs on high-risk wards. Pooled testing stretched our reagents when we were short.
`,
  ),
];
