import { type Conversation, talk } from './script';

/** Rooms 3 and 4 of the group. */
export const GROUP_ROOMS_3_4: Conversation[] = [
  talk(
    'g3',
    { c: 'coord', a: 'MX', b: 'ZA', d: 'CN:zh', e: 'JP' },
    `
c: Welcome to room 3! 欢迎来到三群！Introduce yourself in this thread. The rules are in the announcement; lectures are announced in the 10,000 room.
a> Respiratory physician from Mexico City. We are preparing for a surge.
b> Hello from South Africa. Our lockdown bought time; we are using it to train staff and set up field beds.
d> 大家好，我参加过武汉的一线救治，欢迎交流。
e> Infectious diseases, Japan. Glad to join.
`,
  ),
  talk(
    'g3',
    { p: 'paramedic', a: 'CN:zh', b: 'US:paramedic', c: 'nurse' },
    `
p: How are EMS services disinfecting ambulances between patients? We are losing an hour per call.
b: We wipe all high-touch surfaces and the stretcher with an EPA List N product, respect the contact time and ventilate with doors open. Terminal cleaning only after aerosol-generating procedures in the back. About 20 minutes.
a: 武汉的120急救车转运疑似或确诊患者后，用1000 mg/L含氯消毒剂擦拭车内表面和担架，作用30分钟后清水擦拭；车厢空气用过氧化氢喷雾或紫外线消毒。医护人员在指定区域脱防护服。
p: Do you separate the cab from the patient compartment?
b: Yes: bulkhead closed, driver without a patient contact in a surgical mask, exhaust fan on in the back.
`,
  ),
  talk(
    'g3',
    { a: 'US:physician:~emergency', b: 'IT:physician', c: 'GB:physician' },
    `
a: How are you triaging in the ED? Our waiting room is full of coughing patients next to chest pain patients.
b> Separate streams from the door: a respiratory tent outside the ED, with its own registration and x-ray. Everyone gets a surgical mask at the entrance.
c> We split "hot" and "cold" zones and put a pulse oximeter at triage. Some units use an exertional test (desaturation during a 1-minute sit-to-stand) for patients who look well at rest, but it is not validated — use it as one piece of the picture.
a> The oximeter at triage makes sense. Thanks.
`,
  ),
  talk(
    'g3',
    { a: 'BR', b: 'expert:physician:~infect', c: 'US:pharmacist' },
    `
a: Patients keep asking about vitamin D, zinc and vitamin C to prevent or treat COVID-19. What do we say?
b> There are no trial results yet showing benefit for any of them in COVID-19. Correct a deficiency if someone has one; otherwise not routinely. Trials are underway.
c> Megadoses are not harmless: high-dose zinc can cause copper deficiency, and high vitamin D intake can cause hypercalcaemia. Worth telling patients who stock up.
`,
  ),
  talk(
    'g3',
    { a: 'PH', b: 'expert:pharmacist', c: 'zh' },
    `
a: Alcohol hand rub is out of stock everywhere. Can our pharmacy make it?
b: Yes, many hospital pharmacies do. WHO's formulations: (I) ethanol 80% v/v, glycerol 1.45%, hydrogen peroxide 0.125%; (II) isopropyl alcohol 75%, glycerol 1.45%, hydrogen peroxide 0.125%. Store away from heat and check the alcohol concentration of each batch.
c: 我们医院药剂科也自制过手消毒剂，关键是酒精浓度检测和储存安全，注意防火。
a: Thank you @{b}, forwarding to our pharmacy.
`,
  ),
  talk(
    'g3',
    { a: 'US:physician', b: 'CN:physician', c: 'expert:physician:~infect' },
    `
a: Is anyone using convalescent plasma outside a trial?
b> 我们参与了武汉的随机试验。Li L et al. (JAMA 2020): 103 patients with severe or life-threatening disease; no significant difference in time to clinical improvement within 28 days, though the trial stopped early and was underpowered.
c> The earlier Shenzhen report (Shen C et al., JAMA 2020) was five patients without controls. The US expanded access programme has mostly shown safety so far. Please enrol patients in a trial if you can.
`,
  ),
  talk(
    'g3',
    { a: 'TR', b: 'CN:physician', c: 'expert:physician:~critical' },
    `
a: Tocilizumab — is anyone seeing benefit? It is being requested a lot here for patients with high IL-6.
b> 第七版诊疗方案把托珠单抗列入了双肺广泛病变且IL-6水平升高的重症患者，但当时的依据是非对照病例系列（Xu X et al., PNAS 2020，21例）。
c> Uncontrolled series only so far, and randomised trials are running. We use it only within a trial, and we watch for secondary bacterial and fungal infections.
`,
  ),
  talk(
    'g3',
    { a: 'ES', b: 'GB:physician:~anesth', c: 'zh' },
    `
a: Our surgeons want to restart elective surgery. How are you screening patients before an operation?
b> We ask patients to self-isolate for 14 days before surgery, with a PCR test 48–72 hours before. Theatres keep full airborne precautions for intubation and extubation; the team leaves the room for a few minutes after each if air changes allow.
c> 我们择期手术前做核酸和胸部CT，阴性后安排手术；急诊手术按疑似病例防护。
`,
  ),
  talk(
    'g4',
    { c: 'coord', a: 'PK', b: 'PH', d: 'zh', e: 'EG' },
    `
c: Room 4 is open! 四群开放了！Introduce yourself in this thread, and read the announcement for the rules.
a> Physician from Pakistan. We would like to learn about setting up isolation wards with limited resources.
b> Nurse from the Philippines. Many of our nurses work abroad; glad to help with translations too.
d> 大家好！中文英文都可以交流，有问题随时问。
e> Chest physician from Egypt. Thank you for the lectures in the big room.
`,
  ),
  talk(
    'g4',
    { a: 'US:physician', b: 'ES', c: 'CN:physician', d: 'GB' },
    `
a: Our city is opening a field hospital in a convention centre. What did you learn from yours?
b> Ours took patients from the hospitals, mostly on oxygen. Oxygen supply and toilets were the bottlenecks — plan both first.
c> 方舱医院收治的是确诊的轻症和普通型患者，关键是：明确的入舱和转出标准、每天至少两次监测、快速转运到定点医院的通道，以及患者的生活和心理支持。
d> Ours was built for ventilated patients and in the end needed staff more than beds. Staff is the limiting resource, not space.
`,
  ),
  talk(
    'g4',
    { a: 'NG', b: 'expert:respiratory_therapist', c: 'IN' },
    `
a: We have limited oxygen. How much does high-flow nasal oxygen use?
b: A lot: high-flow runs up to 60 L/min, several times what a patient on a mask uses. Several hospitals saw their oxygen supply pressure drop when many patients were on high-flow at once. Ask your engineers what flow your supply can deliver in total before you scale up.
c: We ration by target: SpO2 92–96% in most adults, and we wean as soon as patients are stable. Oxygen concentrators for the stable patients free the cylinders for the sickest.
`,
  ),
  talk(
    'g4',
    { a: 'CA', b: 'US:physician', c: 'CN:physician' },
    `
a: Are you sending patients home with pulse oximeters?
b: Yes, for patients discharged from the ED at higher risk. We give a written threshold (for most adults, return if SpO2 is 92% or lower) and a nurse calls daily for a week.
c: 我们对居家观察的患者也发放指夹式血氧仪，每天上报两次，低于93%立即就诊。Many patients feel fine with a low saturation, so the number matters.
`,
  ),
  talk(
    'g4',
    { a: 'zh', b: 'expert:CN:physician', c: 'en' },
    `
a: 有没有第七版诊疗方案的英文版？海外同事想看原文。
b> 国家卫健委发布过官方英文版：Diagnosis and Treatment Protocol for Novel Coronavirus Pneumonia (Trial Version 7). 我把链接放在这个帖子里。
c> Thank you @{b}! Very helpful for us abroad.
`,
  ),
];
