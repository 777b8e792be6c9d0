import type { Person } from './people';
import type { Rng } from './random';

export type RoomKey = 'g1' | 'g2' | 'g3' | 'g4' | 'big' | 'ipc' | 'icu' | 'zh';

export type RoomDef = {
  key: RoomKey;
  name: string;
  topic: string;
  description: string;
  language: string;
  capacity: number;
  inGroup: boolean;
  /** Room-specific lines placed before the community rules. */
  notice: string;
  moderators: number;
  experts: number;
  /** Whether this clinician joined the room; `slot` is the one group room (0-3) they were placed in, if any. */
  admits(p: Person, slot: number | null, rng: Rng): boolean;
};

export const GROUP = {
  name: 'Global health professionals on COVID-19',
  description:
    'Started by frontline clinicians in Wuhan to share what works, room by room. Each room holds 500; when one is full you are placed in the next, and a new one opens when all are full. 由武汉一线医生发起的全球医护交流群，每群500人，满员后自动进入下一个群。',
  roomCapacity: 500,
};

const RULES = `Community rules · 群规
1. Clinical and scientific exchange only. No politics, no religion, no racial discrimination.
2. Never post patient identifiers: no names, ID or record numbers, faces, or screenshots of charts or scans that show them.
3. Cite your sources. Say when something is your local practice rather than evidence.
4. Doses shared here are experience, not orders: follow your local guidelines and ask your pharmacist.
5. Be kind. Everyone here is working long shifts.

1. 本群仅限临床与科研交流。禁止谈论政治、宗教，禁止任何种族歧视。
2. 禁止发布任何患者身份信息：姓名、身份证号、病历号、面部照片，或含有上述信息的病历、影像截图。
3. 科学观点请注明出处；本院做法而非证据的，请说明。
4. 群内分享的剂量仅为经验交流，不是医嘱，请以当地指南和药师意见为准。
5. 互相体谅，大家都在连续值班。`;

/** A room's announcement: its own notice, then the community rules in English and Chinese. */
export const announcement = (def: RoomDef) => `${def.notice}\n\n${RULES}`;

const speaks = (p: Person, lang: string) => p.languages.some((l) => l === lang || l.startsWith(`${lang}-`));
const groupRoom = (n: number): RoomDef => ({
  key: `g${n}` as RoomKey,
  name: `${GROUP.name} ${n}`,
  topic: 'Frontline questions and answers from clinicians worldwide · 全球一线医护问答',
  description:
    'Ask what you need at the bedside today: disinfection, protective equipment, drugs, testing, triage. Answers come from clinicians who have been there. 临床一线问题交流：消毒、防护、用药、检测、分诊。',
  language: 'en',
  capacity: GROUP.roomCapacity,
  inGroup: true,
  notice: `Room ${n} of the group. Lectures are announced in the 10,000 room; their slides are reposted here. 讲座在万人群发布，课件会转发到本群。`,
  moderators: 2,
  experts: 5,
  admits: (_p, slot) => slot === n - 1,
});

export const ROOMS: RoomDef[] = [
  groupRoom(1),
  groupRoom(2),
  groupRoom(3),
  groupRoom(4),
  {
    key: 'big',
    name: `${GROUP.name} — 10,000`,
    topic: 'Numbered expert lectures and scientific updates · 专家讲座与最新文献',
    description:
      'The large room: numbered lectures by frontline experts, with questions in each lecture’s thread, and daily scientific updates with their citations. 万人大群：专家系列讲座（按编号）与每日文献速递。',
    language: 'en',
    capacity: 10_000,
    inGroup: false,
    notice:
      'Lectures are numbered and announced here at least a day ahead; ask questions in the lecture’s thread. Scientific updates need a citation. 讲座按编号提前发布，提问请在讲座帖下回复；文献速递请附出处。',
    moderators: 3,
    experts: 10,
    admits: (_p, _slot, rng) => rng.chance(0.8),
  },
  {
    key: 'ipc',
    name: 'Disinfection & infection control',
    topic: 'Cleaning, disinfection, PPE supply and reuse, staff protection',
    description:
      'For infection preventionists, nurses, EMS and anyone setting up a clinic: disinfectant concentrations, UV, air handling, PPE reuse and shortages, donning and doffing. 消毒与感控：消毒剂浓度、紫外线、通风、防护用品复用与短缺、穿脱流程。',
    language: 'en',
    capacity: 500,
    inGroup: false,
    notice:
      'Photos of equipment and layouts are welcome; crop out people and anything that identifies a patient. 欢迎分享设备与布局照片，请裁掉人物与患者信息。',
    moderators: 2,
    experts: 6,
    admits: (p, _slot, rng) =>
      rng.chance(
        p.profession === 'nurse' || /infection/i.test(p.specialty)
          ? 0.7
          : ['public_health_officer', 'laboratory_scientist', 'paramedic'].includes(p.profession)
            ? 0.45
            : 0.2,
      ),
  },
  {
    key: 'icu',
    name: 'ICU & respiratory care',
    topic: 'Oxygen, high-flow, proning, ventilation, ECMO, sedation and anticoagulation',
    description:
      'Critical care in COVID-19: respiratory support from oxygen to ECMO, awake proning, lung-protective ventilation, drug shortages in the ICU. 重症与呼吸支持：氧疗、高流量、俯卧位、机械通气、ECMO。',
    language: 'en',
    capacity: 500,
    inGroup: false,
    notice:
      'Share settings and outcomes as experience from your unit, not as orders for someone else’s patient. 参数与经验仅供参考，不作为他人患者的医嘱。',
    moderators: 2,
    experts: 6,
    admits: (p, _slot, rng) =>
      rng.chance(
        p.profession === 'respiratory_therapist' || /critical|icu|ecmo|anesth|emergency/i.test(p.specialty)
          ? 0.75
          : 0.15,
      ),
  },
  {
    key: 'zh',
    name: '临床经验交流',
    topic: '中文临床一线经验交流：发热门诊、方舱、检测、用药、防护',
    description:
      '面向中文使用者的临床交流群：发热门诊流程、方舱医院、居家隔离与集中隔离、核酸与CT、用药经验、个人防护与医护心理。Chinese-language room for frontline clinical exchange.',
    language: 'zh',
    capacity: 500,
    inGroup: false,
    notice:
      '本群以中文交流为主，欢迎海外华人医护参与。Chinese is this room’s main language; questions in English are welcome too.',
    moderators: 2,
    experts: 5,
    admits: (p, _slot, rng) => speaks(p, 'zh') && rng.chance(p.country === 'CN' ? 0.9 : 0.6),
  },
];
