import { type Conversation, talk } from './script';

/** "Disinfection & infection control": concentrations, UV, PPE reuse and shortages, waste, air. */
export const IPC_ROOM: Conversation[] = [
  talk(
    'ipc',
    { a: 'US:nurse', b: 'expert:CN:nurse:~infection', c: 'GB:nurse', d: 'public_health_officer' },
    `
a: Can someone summarise chlorine concentrations for a clinic? I keep finding different numbers.
b> What our hospitals use, following the national technical guidance: 500 mg/L for routine surfaces in general areas; 1000 mg/L for surfaces in fever clinics and isolation wards, 30 min contact, then wipe with clean water; 75% alcohol for small items. For a spill of blood or secretions: cover with absorbent material and pour 5000–10000 mg/L on it, leave at least 30 min, then remove. [edited]
c> WHO's guidance is close: 0.1% (1000 ppm) sodium hypochlorite for surfaces in health-care settings, 0.5% (5000 ppm) for blood and body fluid spills. Clean first — organic matter inactivates chlorine.
d> Label the bottles with the concentration and the date. Diluted hypochlorite loses strength within a day, faster in sunlight.
b> I edited my first answer: I had typed 100 mg/L by mistake. It is 1000 mg/L in fever clinics and isolation areas.
a> Thank you @{b}! Printing this for our clinic.
`,
  ),
  talk(
    'ipc',
    { a: 'IN:nurse', b: 'expert:CN:nurse', c: 'US:other', d: 'zh' },
    `
a: Anyone using UV lamps in the clinic? What settings and for how long?
b> 📷 [Photo: ceiling-mounted UV-C lamps in a fever clinic consultation room, switch outside the door with a red "UV ON — DO NOT ENTER" sign.] We install at least 1.5 W per cubic metre of room volume and run them for 30–60 minutes with nobody in the room, after cleaning, usually at the end of each shift.
b> 📷 [Photo: mobile UV-C trolley with six vertical lamps, a timer on the handle and a motion-sensor cut-off.] This one is for CT and procedure rooms between sessions.
c> A note from our biomedical engineers: measure the output — lamps lose intensity with age and dust. We check irradiance every six months and wipe the tubes with alcohol weekly.
a> Can UV replace wiping?
b> No. UV only reaches surfaces in direct line of sight; shadows and the underside of tables are missed. Wipe first, UV second. Protect eyes and skin: no one in the room while it runs.
d> 补充：有人的时候可以用循环风紫外线空气消毒机，没人的时候才用紫外线灯直接照射。
`,
  ),
  talk(
    'ipc',
    { a: 'US:nurse', b: 'expert:US:nurse:~infection', c: 'CN:nurse', d: 'laboratory_scientist' },
    `
a: We have been told to reuse N95s. What is the safest way?
b> The CDC crisis strategies: each person gets five respirators, numbered, used one a day in rotation and stored in a breathable paper bag between uses, so each rests at least 72 hours. Limit each to about five donnings unless the manufacturer says otherwise. Discard if wet, soiled, damaged, or if the seal check fails.
c> 我们的做法类似：一人多个N95轮换使用，纸袋存放，写上名字和日期。佩戴后一定做密合性检查。
a> What about decontaminating them?
b> Vaporised hydrogen peroxide systems (for example the Battelle system, which has an FDA emergency use authorisation) and UVGI protocols like Nebraska Medicine's are in use. Never alcohol or bleach — they damage the electrostatic filter. Check that the straps still hold after processing.
d> We tested fit after several VHP cycles: most models held, a few straps broke. Fit-test the model you actually use.
`,
  ),
  talk(
    'ipc',
    { a: 'nurse', b: 'CN:nurse', c: 'IT:nurse', d: 'zh:nurse' },
    `
a: Our goggles fog up within 10 minutes. Any tricks that work?
b: What worked for us: a thin layer of diluted dish soap or iodophor on the inside of the lens, left to dry and wiped lightly; or a commercial anti-fog spray. Tape along the top edge of the mask over the nose bridge so your breath goes down, not up into the goggles.
c: The tape trick helped us most. Also, a well-sealed respirator fogs less — fogging is a hint the seal is leaking.
d: 我们用碘伏薄涂镜片内侧晾干，效果可以维持四五个小时。
`,
  ),
  talk(
    'ipc',
    { a: 'US:nurse', b: 'expert:nurse:~infection', c: 'CA', d: 'zh' },
    `
a: Isolation gowns are running out. What are the alternatives?
b> Following the CDC crisis strategies: prioritise gowns for aerosol-generating procedures and high-contact care (bathing, turning, wound care); consider reusable cloth gowns laundered after each use; and extended use of one gown across patients with the same diagnosis in the same cohort area, unless it is visibly soiled.
c> We moved to washable polyester gowns. Laundry became the bottleneck, so we agreed a turnaround time with them before switching.
d> 我们当时隔离衣紧张时，防护服和隔离衣分区使用：隔离病区用防护服，普通诊区用隔离衣。
`,
  ),
  talk(
    'ipc',
    { a: 'nurse', b: 'CN:nurse', c: 'US:physician', d: 'zh' },
    `
a: After long shifts in N95s many of us have pressure sores on the nose and cheeks. How do you prevent them?
b> A thin hydrocolloid dressing on the nose bridge and cheekbones before putting on the respirator, then a seal check every time — thick dressings break the seal. Moisturise the skin after the shift, not before.
c> Hand dermatitis is our other problem: alcohol rub is gentler than soap and water, and a fragrance-free emollient at breaks helps.
d> 我们护士脸上的压痕和勒伤很常见，水胶体敷料确实有用。记得每次戴好都做气密性检查。
`,
  ),
  talk(
    'ipc',
    { a: 'US:nurse', b: 'expert:CN:nurse:~infection', c: 'GB:nurse' },
    `
a: What doffing sequence do you use? Ours changes every week.
b> The principle in every sequence: remove the most contaminated items first, touch only the "clean" parts (inside, straps), and hand hygiene between each step. The CDC's COVID-19 sequence: gloves, gown, hand hygiene, goggles or face shield, respirator, hand hygiene. Our isolation wards split it in two rooms: gown or coverall, outer gloves and eye protection in the first; respirator, cap and inner gloves in the second.
c> Whatever the sequence, make it a poster at eye level in the doffing room, and have a buddy read it out.
a> The buddy reading out the steps is a great idea. Thanks.
`,
  ),
  talk(
    'ipc',
    { a: 'public_health_officer', b: 'CN:nurse', c: 'US:nurse' },
    `
a: How are you handling clinical waste from COVID-19 patients?
b> Double yellow bags, each tied separately with a gooseneck knot, no more than three quarters full. The outer bag is sprayed with 1000 mg/L chlorine and labelled as COVID-19 waste, then collected on a dedicated route at fixed times.
c> We treat it as regulated medical waste like any other infectious waste; the extra step is a dedicated holding area so bags don't sit in corridors.
`,
  ),
  talk(
    'ipc',
    { a: 'nurse', b: 'expert:US:physician:~infect', c: 'CN:physician', d: 'zh' },
    `
a: We don't have enough negative-pressure rooms. Can we convert normal rooms?
b> A portable HEPA unit exhausting through a window or into the return air, with the door closed, can create negative pressure. Aim for at least 12 air changes per hour, as for airborne isolation rooms, and check the pressure with a smoke test or a tissue at the door gap.
c> 负压病房不足时，我们将患者集中收治在通风良好的病区，保证单向气流，医护区与病区分开。
d> 开窗通风也很重要，每天至少两到三次，每次30分钟。
`,
  ),
  talk(
    'ipc',
    { a: 'nurse', b: 'expert:physician', c: 'zh', d: 'laboratory_scientist' },
    `
a: Are shoe covers worth it? Our supply is tiny.
b> Guo ZD et al. (Emerging Infectious Diseases 2020) found viral RNA on the shoe soles of about half of the sampled ICU staff at Huoshenshan Hospital. Many units now use dedicated shoes that stay in the ward and are disinfected, instead of disposable covers that tear.
c> 我们病区换专用工作鞋，每班消毒，鞋套只在需要时使用。
d> The same paper found RNA on computer mice, bins and bed rails. Keyboards with covers you can wipe are worth the money.
`,
  ),
  talk(
    'ipc',
    { a: '*', b: 'expert:nurse:~infection', c: 'zh' },
    `
a: Phones and stethoscopes — what are people doing?
b: A dedicated stethoscope in each isolation room, wiped with 70–75% alcohol after each patient. Phones: keep them in a sealed clear bag on the ward, wipe the bag, and never take the phone out while in PPE.
c: 我们把手机放在密封袋里，消毒湿巾擦拭，下班后再用酒精擦一遍。
`,
  ),
];
