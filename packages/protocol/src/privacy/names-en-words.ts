const words = (s: string) => new Set(s.trim().split(/\s+/));

/**
 * Capitalised words that are not names: sentence starters, clinical vocabulary, drugs, calendar words,
 * places and institution words. A run of capitalised words stops at any of them.
 */
export const NOT_NAME = words(`
  a an the this that these those he she it we they i you his her hers their our my your its him them me us
  who what when where why how which there here then than also and or but nor so yet if as at by for from in
  into of on onto to with without within about after before during since until via per over under again once
  all any both each few more most other some such no not only own same too very can will just should would could
  may might must shall now today yesterday tomorrow tonight morning evening night day days week weeks month
  year years update updates note notes plan please pls thanks thank hi hello hey dear fyi re ok okay yes good great
  team everyone anyone someone nobody new old next last first second third final another same
  patient patients pt pts case cases zero safety history information care record records number name names id
  ward wards bed beds room rooms bay unit units icu hospital hospitals clinic clinics center centre covid sars
  coronavirus influenza flu pneumonia ards sepsis fever cough ct cxr pcr oxygen ventilator ecmo intubation
  dexamethasone remdesivir tocilizumab heparin enoxaparin lopinavir ritonavir hydroxychloroquine chloroquine
  azithromycin ceftriaxone favipiravir oseltamivir methylprednisolone prednisone ivermectin baricitinib plasma
  admitted presented intubated extubated discharged transferred started stopped given received seen called spoke
  january february march april may june july august september october november december
  jan feb mar apr jun jul aug sep sept oct nov dec
  monday tuesday wednesday thursday friday saturday sunday weekend
  wuhan hubei china chinese beijing shanghai guangzhou shenzhen hong kong taiwan italy lombardy iran korea seoul
  japan singapore new york nyc london paris madrid us usa uk america american england europe queens brooklyn bronx
  seattle california washington north south east west central
  university institute college school infirmary medical health foundation trial trials study studies group
  society association criteria score scale guideline guidelines guidance protocol protocols campaign definition
  formula syndrome disease street avenue road lane boulevard drive court dashboard lab laboratory pharmacy
  department dept county city district province market journal lancet nejm jama bmj who cdc nih fda nhs
  mr mrs ms miss mx mister madam dr doctor prof professor nurse sir saint st mount general memorial royal union
  children women people renmin tongji xiehe jinyintan huoshenshan leishenshan javits sinai langone bellevue
  rest stable worse better positive negative confirmed suspected severe critical mild moderate
  male female man woman men women boy girl baby infant child adult elderly
  education experience portal services service relations advocate advocacy transport satisfaction navigator
  representative liaison engagement leaflet leaflets flow list lists access identification
  island county valley beach lake park heights hill hills springs harbor harbour jewish presbyterian methodist
  baptist lutheran catholic mercy sacred heart kaiser permanente montefiore mayo cleveland hopkins
  god lord wechat whatsapp weibo zoom teams epic cerner iphone ipad android google youtube twitter facebook
`);

/** Titles that mark the following name as a person (only with clinical context nearby). */
export const HONORIFICS = words('mr mrs ms miss mx mister madam mme');

/** Titles that mark a clinician or author, whose names are not patient identifiers. */
export const CLINICIAN_TITLES = words(
  'dr doctor prof professor nurse rn np pa dean director colleague colleagues author authors academician fellow resident attending consultant',
);

/** Relatives and carers: their names identify the patient too. */
export const KIN = words(
  'daughter son wife husband mother father sister brother partner spouse mom mum dad grandson granddaughter niece nephew caregiver carer fiance fiancee',
);

/** Romanised Chinese (and Cantonese) surnames, so "ZHANG Wei" and "Li, 45F" are recognised. */
export const PINYIN_SURNAMES = words(`
  wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo zheng liang xie song tang han
  feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng wei su lu ding ren shen yao fang jin
  qian zhong tan fu shi cui kong bai mao qiu hou xiong lei duan hao wen lai yan tao long dai xia gu mo wan qin
  lee chan wong cheung ng ho lam chow leung tsang kwok chiu yip
`);
