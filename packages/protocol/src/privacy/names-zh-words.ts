/**
 * Common Chinese surnames. Characters that are far more often function words than surnames in clinical
 * text (和, 于 is kept but guarded below, 全, 明, 平, 单, 双, 应, 能, 家, 连) are left out on purpose.
 */
export const SURNAMES = new Set(
  [
    ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝',
  ].filter((ch) => !'和全明单应'.includes(ch)),
);

export const COMPOUND_SURNAMES = new Set([
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '令狐',
  '长孙',
  '宇文',
  '司徒',
  '夏侯',
  '端木',
  '南宫',
]);

/** Characters that follow a name far more often than they end one: 入院, 于, 出现, 男, 岁, 的… */
export const NOT_GIVEN_NAME = new Set([
  ...'患入出院于因在今昨自近诉主发咳确现体血无有已经被行男女岁病仍及与等的是为呈伴术既曾从由接给予口静持再反突胸乏腹恶呕次死去到住转收核检查做复治疗愈加重后也都均共个名例位号床科室区楼周称说指认表示了着过将把对向这那其该此本每各另还就才只要会能可应需请让使吗呢吧啊啦地得之所而但并或即时内外上下半两若虽如嘛某日年开气头低咽鼻肺先生女士医护诊老师叫姓',
]);

/**
 * Surname + next character pairs that are everyday or clinical words (马上 "at once", 高热 "high fever",
 * 白细胞 "white cells", 黄疸 "jaundice", 武汉 the city…), never the start of a name after 患者.
 */
export const NOT_A_NAME_START = new Set(
  `马上 高热 高烧 高血 高危 高龄 高流 高浓 高压 高度 高于 白细 白蛋 白肺 黄疸 黄痰 方可 方能 方便 方案 方舱 戴口 戴上 戴着 包括 安静 安全 安排
  曾于 曾有 曾在 曾经 曾因 曾出 曾患 曾行 曾用 曾服 于是 于当 常规 常见 周一 周二 周三 周四 周五 周六 周日 周末 周围 周身 周后 周前 周内
  向医 余下 陈述 孙子 孙女 严重 严格 成功 成为 时有 时常 时间 莫名 查体 解除 管床 温度 温和 毛细 石膏 史上 江湖 万一 关注 关节 齐全 程度 范围 金银
  武汉 武昌 黄冈 黄石 黄陂 温州 成都 郑州 沈阳 石家 安徽 安庆 江西 江苏 江汉 江岸 江夏 韩国 洪山 钟祥 万州 邵阳 岳阳 常德 常州 苏州 徐州 杨浦 蔡甸
  雷神 火神 汤剂 连续 连花 华南 华中 贾第 吉兰 卫生 卫健 宁波 潘生 欧美 何时 任何 申请 谷丙 谷草 肖像 司机 上官 章节 乔迁 管理 管控 管道 安置 安抚 关怀 关爱 方面 方式 方法 包含 白天 白色 白班 夏天 冬天 春节 秋天`
    .trim()
    .split(/\s+/),
);

/**
 * Characters common in given names. A character outside this list is accepted only when the name is followed
 * by punctuation, a space or a non-Chinese character, so rare names still match in "患者张旸，男".
 */
export const COMMON_GIVEN = new Set([
  ...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国文红玉志海金林春梅云飞鹏辉斌宇浩凯健俊帆帅旭宁龙波峰亮成东晓小燕萍丹玲婷雪琳颖倩慧晶欣佳怡悦思雨梓涵子轩博一鸣然德福贵荣庆祥瑞宏新卫民永树清泉山水江河振兴中立正光宝安长喜才家友良义仁礼智信忠孝勤俭凤珍琴莉莲菊芬芝花月翠彩淑惠巧美娇媛婉嫣姝妍妮姗娅婕娴婧珊璐瑶琪璇瑾瑜琦琼珠玥琛晨曦昕晴昊昱晖晗景世伦伯仲叔季孟佩依伊冰凌冬秋夏菲蕾蓉萱蓓薇茜茹莹蕊荷芸苗若瑛霖雷震霆露雯青韵音乐诗书学知达通远逸遥运道进迪洪浪滨潇渊源溪润泽洁沛沁沐澜航舟宾宸宗定宜实容尚岚峻崇嵩巍川广庭延彤彦征心忆念怀恩惠意慈慕战扬捷敬斐方昂昆星昭晋晏晟曼朋朗望朝木本枫栋根格梁梦楚歌武毓汀治泓洲淳深湘满滢潮灵炎炜烁烨焕煜照熙爱牧献玄环珂珏理琬璋甜田申畅白百皓盈真睿石砚碧祖禄禾秉科程穗章童竹笑筠策素紫纯纲维绮绍缘羽翊翰耀聪胜艺芊芮芷苏茂范莎菁萌蒙蓝虹融衡裕西言誉诚谦豪贝贞贤赛越路迎连鉴钧铁银锐闻阳雁雅雄霄非韬顺颂馨驹骁高鲲麟黎鼎齐龄靖帆凡君琳娥妹姣娣嫦梓勋磊鑫森彬杉翔鹤鸿骏驰腾跃昌盛旺隆富泰康欢恒毅坚锋铭钢锦钰铮坤培均尧舜禹汉唐宋元纪宁宏宪宇婵杨柳松柏桐楠榕军兵将士标威猛豹虎鹰彪祺楷锡钦业',
]);

/** Characters that often start the word after a name: 张伟，的 / 于 / 今日 / 入院 / 发热 / 病情… */
export const AFTER_NAME = new Set([
  ...'患上下早晚的于在因今昨入出已经被男女自近诉主发咳确现体血无有也和与及等是为从由住转死目仍再曾先病术既要会能可说称之同一两三年月日请呢吗吧了',
]);

/** Titles after a surname: 张先生, 李女士, 王老先生. */
export const ZH_HONORIFIC =
  /(?:老先生|老太太|老爷子|先生|女士|小姐|阿姨|大爷|大妈|大叔|大姐|大哥|奶奶|爷爷|老伯|阿婆|老太|婆婆|师傅)/g;
