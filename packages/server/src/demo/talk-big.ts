import { type Conversation, talk } from './script';

/**
 * The 10,000 room: numbered lectures (questions in each lecture's thread) and scientific updates with
 * their citations, in the order they happened. Facts and citations are as published in 2020.
 */
export const BIG_ROOM: Conversation[] = [
  talk(
    'big',
    { c: 'coord', a: 'mod', b: 'zh' },
    `
c: Welcome to the 10,000 room! 欢迎来到万人群！This room carries the numbered lectures and the scientific updates. Introduce yourself and ask everyday questions in your group room (1–4) so this one stays readable. Please read the announcement: no politics, religion or racial discrimination, and never a patient identifier.
a> Moderators are online in Beijing, Rome and New York time zones. Flag anything off-topic to us.
b> 收到，谢谢组织！
`,
  ),
  talk(
    'big',
    { c: 'coord', s: 'expert:CN:physician:~infect', q: 'US:physician', r: 'IT:nurse', z: 'zh' },
    `
c: 📢 Lecture 1 — Frontline experience from Wuhan: fever clinics and triage. Speaker: @{s}. Saturday 20:00 Beijing time (12:00 UTC). Slides will be posted in this thread. 第一讲：武汉一线经验——发热门诊与分诊，主讲 @{s}，北京时间周六晚8点。
+s> Slides are up. Key points: (1) a separate flow for fever patients from the hospital entrance onward; (2) triage on symptoms + exposure + blood count (lymphopenia) + chest CT while PCR capacity was short; (3) three zones — clean, buffer, contaminated — with one-way movement; (4) donning and doffing in separate rooms, with a trained observer at doffing.
q> Thank you. How long were fever clinic shifts? Our ED runs 12 h in N95s and people are exhausted.
s> At the peak 6 hours in full PPE, later 4-hour shifts once support teams arrived. Beyond 6 hours we saw more doffing errors — an impression, not a measurement.
r> Same lesson in our hospital: doffing is where staff got infected, not at the bedside. We now have a doffing buddy on every shift.
z> 讲得很清楚，谢谢！请问发热门诊的CT是专用的吗？
s> 是的，发热门诊旁设专用CT。每位患者检查后用1000 mg/L含氯消毒剂擦拭检查床和接触面，每班结束后紫外线照射并通风。
`,
  ),
  talk(
    'big',
    { e: 'expert:physician:~infect', a: '*', b: 'zh' },
    `
e: 📄 Update: Huang C et al., Lancet 2020 — clinical features of the first 41 hospitalised patients in Wuhan. Fever 98%, cough 76%, myalgia or fatigue 44%; 13 of 41 (32%) needed ICU care; lymphopenia was common. One of the first case series, worth reading in full.
a> Thank you. Is there a larger series yet?
e> Guan W et al., NEJM 2020: 1,099 patients from 552 hospitals across China. Fever on admission in only 44% (89% at some point during the stay), so do not screen on fever alone.
b> 已经有同行翻译成中文了，我转到中文群里。
`,
  ),
  talk(
    'big',
    { e: 'expert:physician:~infect', a: 'nurse:~infection', b: 'zh' },
    `
e: 📄 Update: Wang D et al., JAMA 2020 — 138 hospitalised patients at Zhongnan Hospital in Wuhan. Hospital-associated transmission was presumed in 41%, including 40 health workers. Infection control in ordinary wards matters as much as in the isolation ward.
a> This is the paper our IPC committee needed to see. We are extending masking to all wards.
b> 这篇文章在国内也引起了很大重视，之后普通病区也开始全员佩戴口罩。
`,
  ),
  talk(
    'big',
    { c: 'coord', s: 'expert:CN:nurse:~infection', u: 'US:nurse', n: 'zh:nurse', p: 'paramedic' },
    `
c: 📢 Lecture 2 — Protecting staff: PPE, donning and doffing, and where health workers got infected. Speaker: @{s}. Wednesday 20:00 Beijing time (12:00 UTC). 第二讲：医护人员防护——防护用品、穿脱流程与医护感染的教训，主讲 @{s}。
+s> Slides posted. Three lessons: (1) in our hospital most staff infections early on were traced to ordinary wards and staff areas (break rooms, shared meals) before universal masking, not to the isolation wards; (2) doffing is the risky step — a trained observer and a mirror at every doffing room; (3) hand hygiene between every layer you remove.
s> For scale: the WHO–China Joint Mission report counted 2,055 laboratory-confirmed infections among health workers from 476 hospitals by 20 February, 88% of them in Hubei.
u> Did you double-glove routinely? Our IPC team says it adds little and people skip hand hygiene.
s> In isolation wards yes: outer gloves changed between patients, hand rub on the inner pair. Elsewhere single gloves. Both views are defensible; what matters is a drilled doffing sequence.
n> 请问护目镜和面屏两者都需要吗？我们物资很紧张。
s> 我们的做法：普通隔离病区护目镜或面屏二选一；气管插管、吸痰等产生气溶胶的操作两者叠加。物资紧张时优先保证气溶胶操作岗位。
p> Paramedic question: in an ambulance there is no separate doffing room. Any experience?
s> Ambulance crews here removed outer layers in a marked area next to the ambulance bay with a bin and hand rub, then finished in the hospital's doffing room. The vehicle was disinfected after every transfer.
`,
  ),
  talk(
    'big',
    { e: 'expert:physician', a: 'physician:~anesth', b: '*' },
    `
e: 📄 Update: van Doremalen N et al., NEJM 2020 — aerosol and surface stability of SARS-CoV-2. Viable virus up to 3 h in aerosols (experimental conditions), up to 72 h on plastic and stainless steel, up to 24 h on cardboard, up to 4 h on copper. Laboratory conditions, not proof of real-world transmission, but it supports regular surface cleaning in clinics.
a> The aerosol part worries our anaesthetists. Are you treating every intubation as aerosol-generating?
e> Yes: intubation, extubation, bronchoscopy, NIV, high-flow, open suctioning and CPR — N95/FFP2 or better for everyone in the room.
b> Thanks @{e}, sharing with our ED.
`,
  ),
  talk(
    'big',
    { e: 'expert:physician:~infect', a: '*', b: 'zh' },
    `
e: 📄 Update: Zhou F et al., Lancet 2020 — 191 adult inpatients in Wuhan. Older age, higher SOFA score and D-dimer above 1 µg/mL on admission were associated with in-hospital death. Median viral shedding was 20 days in survivors (longest 37 days), relevant for isolation decisions.
a> 20 days of PCR positivity — but is that live virus?
e> Good question. Wölfel R et al., Nature 2020 could not culture virus from samples taken after day 8 of symptoms in their mild cases, despite high RNA loads. PCR positivity is not the same as infectiousness, which is why some countries moved to symptom-based release from isolation.
b> D-二聚体这一点和我们的观察一致，入院时明显升高的患者要重点关注。
`,
  ),
  talk(
    'big',
    {
      c: 'coord',
      s: 'expert:physician:~critical',
      r: 'physician:~critical',
      q: 'US:physician',
      t: 'respiratory_therapist',
      z: 'zh',
    },
    `
c: 📢 Lecture 3 — Ventilator management in COVID-19 ARDS. Speaker: @{s}. Friday 20:00 Beijing time (12:00 UTC). Send questions ahead in this thread. 第三讲：新冠ARDS的呼吸机管理，主讲 @{s}。
+s> Slides posted. Summary: lung-protective ventilation as in any ARDS — tidal volume 4–8 mL/kg predicted body weight, plateau pressure below 30 cmH2O, driving pressure as low as you can; PEEP set for the individual patient; prone ventilation 12–16 h a day in moderate to severe ARDS; conservative fluids. This follows the Surviving Sepsis Campaign COVID-19 guidelines (Alhazzani et al., Intensive Care Med 2020).
r> What about the "L and H phenotypes" paper? Some colleagues want low PEEP for everyone early.
s> Gattinoni et al. (Intensive Care Med 2020) is a physiological hypothesis from a small series, not a trial. We do not treat by label; we look at compliance and the response to PEEP in each patient.
q> When do you intubate? We see patients with SpO2 in the 80s who are talking and not distressed.
s> We see that "silent hypoxaemia" too. No single number: work of breathing, the trend on high-flow or NIV, and fatigue. We avoid crash intubations, the most dangerous for patient and staff. Then: most experienced operator, video laryngoscope, full PPE, rapid sequence induction, no bag-mask ventilation unless needed, a viral filter on the bag.
t> RT question: HME or heated humidifier?
s> HME with a viral filter where secretions allow, to keep the circuit closed; with thick secretions, heated humidification and a filter on the expiratory limb. Closed in-line suction always.
z> 请问俯卧位通气时，每次翻身需要几个人？
s> 我们一般5到6人：1人负责气道和头部，两侧各2人，1人管理管路和监护。翻身前确认气管插管固定，眼睛和受压部位用敷料保护。
z> 谢谢 @{s}，非常实用！
`,
  ),
  talk(
    'big',
    { c: 'coord', s: 'expert:CN:physician', q: 'GB:physician', r: 'nurse', z: 'zh' },
    `
c: 📢 Lecture 4 — Fangcang shelter hospitals: isolating mild cases at scale. Speaker: @{s}. Sunday 20:00 Beijing time (12:00 UTC). 第四讲：方舱医院——大规模收治轻症患者的经验，主讲 @{s}。
+s> Slides posted. In February Wuhan converted exhibition centres and stadiums into 16 Fangcang shelter hospitals with about 13,000 beds; they admitted more than 12,000 patients with mild to moderate disease and closed on 10 March (Chen S et al., Lancet 2020). Five functions: isolation, triage, basic medical care, frequent monitoring with rapid referral, and essential living and social needs.
q> How did you decide who went to a Fangcang and who stayed home? Here everyone with mild disease is told to isolate at home.
s> At that time in Wuhan home isolation was infecting whole families — small flats, shared bathrooms, one caregiver. Centralised isolation broke those chains. Where homes allow a separate room and bathroom and someone checks in daily, home isolation can work. It depends on housing, caseload and your capacity to monitor.
r> What did you monitor, and how often?
s> Temperature, symptoms and SpO2 at least twice a day, more often for older patients and those with comorbidities. SpO2 ≤ 93% at rest, respiratory rate ≥ 30, or rapid progression meant transfer to a designated hospital the same day.
z> 方舱里患者的心理状态怎么样？
s> 一开始很多人焦虑。我们组织了广场舞、读书角，心理医生定时巡诊。患者之间互相照顾，对康复很有帮助。
`,
  ),
  talk(
    'big',
    { e: 'expert:physician', a: '*', b: 'zh' },
    `
e: 📄 Update: He X et al., Nature Medicine 2020 — viral load was highest at or just after symptom onset, and an estimated 44% of transmission happened before the index case had symptoms. The strongest argument yet for universal masking inside hospitals.
b> 这和我们的经验一致：院内有的感染来自没有症状的同事。
a> We started universal masking for all staff last week. Now the shortage is surgical masks.
`,
  ),
  talk(
    'big',
    { e: 'expert:physician', b: 'zh', a: 'nurse' },
    `
e: 📄 Update: Liu Y et al., Nature 2020 — airborne SARS-CoV-2 RNA in two Wuhan hospitals (Renmin Hospital and a Fangcang). Very low in ventilated isolation wards; higher in patient toilets and in staff areas, notably rooms where staff removed PPE. Concentrations fell after more frequent disinfection. Ventilate and disinfect your doffing rooms.
b> 我们的脱防护服区后来改为单向流动，并增加了消毒频次。
a> We moved our doffing area next to an extract fan after reading this. Cheap change.
`,
  ),
  talk(
    'big',
    { e: 'expert:physician:~critical', a: 'physician', h: 'pharmacist' },
    `
e: 📄 Update: Klok FA et al., Thrombosis Research 2020 — cumulative incidence of thrombotic complications of 31% in 184 ICU patients with COVID-19 pneumonia, mostly pulmonary embolism, despite standard prophylaxis. The ISTH interim guidance recommends prophylactic LMWH for all hospitalised patients unless contraindicated (Thachil J et al., J Thromb Haemost 2020).
a> Are you using intermediate doses? Our haematologists are split.
e> We use standard prophylaxis adjusted for weight and renal function, and a low threshold to image for VTE. Trials of therapeutic versus prophylactic dosing are recruiting; join one if you can.
h> Pharmacy note: check anti-Xa levels in patients with obesity or renal impairment if your lab offers it.
`,
  ),
  talk(
    'big',
    { c: 'coord', s: 'expert:laboratory_scientist', q: 'physician:~radiol', l: 'laboratory_scientist', z: 'zh' },
    `
c: 📢 Lecture 5 — Testing: RT-PCR, CT and antibodies, and what a negative result means. Speaker: @{s}. Thursday 20:00 Beijing time (12:00 UTC). 第五讲：核酸、CT与抗体检测——阴性结果意味着什么，主讲 @{s}。
+s> Slides posted. In 1,070 specimens from 205 patients, positive rates were 93% for bronchoalveolar lavage, 72% sputum, 63% nasal swabs and 32% pharyngeal swabs (Wang W et al., JAMA 2020). Timing matters as much as site: the estimated false-negative rate of RT-PCR was about 38% on the day of symptom onset and lowest, about 20%, three days later (Kucirka LM et al., Ann Intern Med 2020). One negative swab does not rule out COVID-19 when suspicion is high.
q> And CT? Wuhan used CT for diagnosis for a while.
s> For a short time in February, Hubei counted "clinically diagnosed" cases with typical CT findings because PCR capacity was overwhelmed. Ai T et al. (Radiology 2020) reported 97% sensitivity of CT against PCR in Wuhan, but specificity is low: ground-glass opacities have many causes. Outside that situation most societies, including the ACR, advise against CT as a first-line diagnostic test.
l> We are running out of swabs and transport medium. Anything validated as an alternative?
s> Several labs validated saline instead of viral transport medium, and 3D-printed swabs, under emergency authorisations. Check what your regulator and your assay's manufacturer accept, and validate locally before switching.
z> 抗体检测在临床上有什么用？
s> IgM/IgG一般在发病1到2周后才升高，早期诊断价值有限；可作为核酸阴性但高度疑似病例的补充，也用于流行病学调查。不能单靠抗体阴性排除感染。
`,
  ),
  talk(
    'big',
    { e: 'expert:IT:physician', a: 'physician:~pediatr', b: '*' },
    `
e: 📄 From Lombardy: Verdoni L et al., Lancet 2020 — a 30-fold increase in Kawasaki-like disease in children in Bergamo during the epidemic. Several countries now report a multisystem inflammatory syndrome in children (MIS-C / PIMS-TS). Please watch for persistent fever with abdominal pain, rash, conjunctivitis or shock, often weeks after infection.
a> We had two such children last month, both PCR negative and antibody positive. Cardiology follow-up is essential: check for coronary aneurysms.
b> Forwarded to our paediatric ED. Thank you.
`,
  ),
  talk(
    'big',
    { e: 'expert:physician', a: 'nurse', b: 'zh' },
    `
e: 📄 Update: Chu DK et al., Lancet 2020 — systematic review of 172 observational studies on distancing, masks and eye protection: lower infection risk with distance of 1 m or more, with face masks (a stronger association for N95 than surgical masks in health-care settings) and with eye protection. Low-certainty evidence, but it all points the same way.
a> Eye protection is the one we neglect most in outpatient clinics.
b> 门诊护目镜的使用率确实偏低，我们也在加强。
`,
  ),
  talk(
    'big',
    { e: 'expert:physician:~infect', a: '*', b: 'zh', d: 'pharmacist' },
    `
e: 📄 Vaccines: first results in humans. Zhu FC et al., Lancet 2020 — phase 1 of an adenovirus type-5 vectored vaccine (108 adults in Wuhan): antibody and T-cell responses, mostly mild reactions. Jackson LA et al., NEJM 2020 — phase 1 of the mRNA-1273 vaccine (45 adults): neutralising antibodies in all participants after two doses. Small safety studies: no efficacy data yet.
a> Any idea when phase 3 results come?
e> Several phase 3 trials are enrolling tens of thousands of volunteers. Results depend on how much virus circulates where they run — nobody can give a date.
d> Pharmacy teams: start thinking about cold-chain storage now, if mRNA vaccines need very low temperatures.
b> 很期待！希望大家都能早日打上疫苗。
`,
  ),
  talk(
    'big',
    { c: 'coord', s: 'expert:other:~psych', n: 'nurse', q: 'physician', z: 'zh:nurse' },
    `
c: 📢 Lecture 6 — Looking after ourselves: stress, sleep and moral distress on the front line. Speaker: @{s}. Saturday 20:00 Beijing time (12:00 UTC). 第六讲：照顾好自己——一线医护的压力、睡眠与心理困扰，主讲 @{s}。
+s> Slides posted. In a survey of 1,257 health workers in 34 hospitals in China, 50% reported symptoms of depression, 45% anxiety, 34% insomnia and 72% distress; nurses, women and frontline workers in Wuhan were most affected (Lai J et al., JAMA Netw Open 2020). What helped our teams: fixed shift limits, food and rest areas, a short peer check-in after each shift, and access to a counsellor without it counting as sick leave.
n> Night shifts in full PPE and then I cannot sleep when I get home. Practical advice?
s> The same short wind-down routine after every shift, even 15 minutes; no news feed before sleep; blackout curtains for day sleep. If sleeplessness lasts more than two weeks or you feel hopeless, please talk to someone — occupational health, or me in private.
q> How do you handle moral distress when you cannot give every patient a ventilator?
s> Let a triage team with clear criteria make those decisions, not the bedside clinician alone; debrief as a team; and say out loud that the situation, not you, caused the shortage. Guilt is common and does not mean you did wrong.
z> 感谢老师！我们科好几个护士说下班后一直想哭，这正常吗？
s> 这是高强度压力下很常见的反应，不代表软弱。建议科室建立互助小组，下班前简短交流；如果持续两周以上影响睡眠和工作，请及时寻求专业心理支持。
`,
  ),
  talk(
    'big',
    { e: 'expert:pharmacist', a: '*', b: 'zh' },
    `
e: 📄 Note: The Lancet retracted the large observational study of hydroxychloroquine (Mehra MR et al.) after its authors could not verify the underlying database; NEJM retracted a related paper by the same group. A reminder to check the data source before changing practice on one observational study.
a> That paper paused several trials. Did they restart?
e> WHO's Solidarity trial paused its hydroxychloroquine arm and resumed it after a safety review in early June; later in June the arm was stopped for lack of benefit.
b> 文献质量太重要了，谢谢提醒。
`,
  ),
  talk(
    'big',
    { c: 'coord', s: 'expert:GB:pharmacist', q: 'US:physician', p: 'pharmacist', z: 'zh' },
    `
c: 📢 Lecture 7 — Drug treatment: what the trials have shown so far. Speaker: @{s}. Tuesday 20:00 Beijing time (12:00 UTC). Evidence and experience, not orders: check your local protocol. 第七讲：药物治疗的现有证据，主讲 @{s}。仅为证据与经验分享，不构成用药建议。
+s> Slides posted. (1) Lopinavir/ritonavir: no benefit in the LOTUS China trial (Cao B et al., NEJM 2020), and RECOVERY closed that arm for lack of benefit — most of us stopped routine use. (2) Hydroxychloroquine: no mortality benefit in RECOVERY; the FDA revoked its emergency use authorisation in June. (3) Dexamethasone 6 mg once daily for up to 10 days reduced 28-day mortality in patients on oxygen and, most, in those on invasive ventilation; no benefit in patients not needing oxygen (RECOVERY, Horby P et al., NEJM 2020). (4) Remdesivir: shorter time to recovery in ACTT-1 (11 vs 15 days; Beigel JH et al., NEJM 2020), no significant difference in mortality.
q> Do you give dexamethasone to patients admitted on room air "to prevent" progression?
s> No. In RECOVERY the patients without oxygen showed no benefit and a trend the other way. We start when a patient needs oxygen. In pregnancy the trial used prednisolone or IV hydrocortisone instead; involve your obstetric team.
p> Any interactions you are seeing in patients still on lopinavir/ritonavir?
s> Ritonavir strongly inhibits CYP3A4: watch tacrolimus, simvastatin, midazolam infusions, amiodarone, rivaroxaban and apixaban. That interaction burden was one more reason we stopped it outside trials.
z> 请问国内第七版诊疗方案的糖皮质激素用法和RECOVERY有什么差别？
s> 第七版方案：对氧合指标进行性恶化、影像学进展迅速、机体炎症反应过度激活的患者，酌情短期内（3～5日）使用，剂量不超过相当于甲泼尼龙1～2 mg/kg/日。RECOVERY是随机对照试验，用的是地塞米松6 mg每日一次、最长10天。两者并不矛盾，但RECOVERY的证据更强。具体请以本院方案为准。
`,
  ),
];
