/**
 * Where the demo clinicians come from, weighted like the 2020 rooms (about a quarter in the US, a fifth in
 * China, the rest from 25 more countries). Plain text, parsed by people.ts, so the formatter leaves it compact:
 *
 *   <country> <clinicians> <IANA zone> [<UI locale>]
 *   pool <weight> <languages> [cjk|family-first] | <given names> | <family names>
 *   hospitals | public health | ems: `|`-separated, each optionally `Name@Zone` when not in the country's zone.
 *
 * In names `_` stands for a space and `Wang:王` pairs a romanization with its native script (cjk pools).
 */
export const COUNTRY_DATA = `
US 70 America/New_York
pool 50 en | James Mary Robert Patricia Michael Jennifer David Linda Sarah Emily Daniel Jessica Matthew Ashley Christopher Amanda Kevin Rachel Brian Nicole Karen Steven Laura Andrew Megan Thomas Olivia Jason Hannah Eric | Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Moore Jackson Martin Thompson White Harris Clark Lewis Robinson Walker Young Allen King Wright Scott Hill Green Adams Baker Nelson Carter Mitchell
pool 12 en,es | José María Luis Carmen Carlos Ana Miguel Sofía Alejandro Gabriela Javier Lucía | Garcia Rodriguez Martinez Hernandez Lopez Gonzalez Perez Sanchez Ramirez Torres Flores Rivera
pool 20 en,zh | Grace Jenny Kevin David Amy Eric Michelle Jason Lily Andrew Helen Frank Lei Yan Jun Hao Min Wei Ting | Wang Li Zhang Liu Chen Yang Huang Zhou Wu Xu Lin Zhu Guo Ma Tang Lu
pool 4 en | Priya Raj Anjali Vikram Neha Sanjay | Patel Shah Reddy Rao Iyer Desai
pool 3 en | Jamal Aisha Imani Kwame Ngozi Chinedu | Washington Okafor Mensah Boateng Adeyemi Jefferson
pool 2 en,vi | Huy Linh Minh Thao Duc Lan | Nguyen Tran Pham Le Vu Hoang
pool 2 en,ar | Omar Fatima Yusuf Layla Khalid Nadia | Haddad Ahmed Khalil Saleh Mansour Aziz
hospitals Bellevue Hospital|Elmhurst Hospital|Mount Sinai Hospital|NewYork-Presbyterian Hospital|Massachusetts General Hospital|Johns Hopkins Hospital|Rush University Medical Center@America/Chicago|Ochsner Medical Center@America/Chicago|Nebraska Medicine@America/Chicago|Henry Ford Hospital@America/Detroit|EvergreenHealth Kirkland@America/Los_Angeles|Harborview Medical Center@America/Los_Angeles|UCSF Medical Center@America/Los_Angeles|Providence Regional Medical Center Everett@America/Los_Angeles|Denver Health@America/Denver|Emory University Hospital
health Centers for Disease Control and Prevention|NYC Department of Health and Mental Hygiene|Public Health – Seattle & King County@America/Los_Angeles|Chicago Department of Public Health@America/Chicago
ems FDNY Emergency Medical Services|Seattle Fire Department Medic One@America/Los_Angeles|Chicago Fire Department EMS@America/Chicago

CN 60 Asia/Shanghai zh-CN
pool 7 zh,en cjk | Lei:磊 Min:敏 Jing:静 Wei:伟 Fang:芳 Yong:勇 Yan:燕 Jun:军 Xiaoming:晓明 Hui:慧 Qiang:强 Li:丽 Hao:浩 Ting:婷 Jian:健 Yuxin:雨欣 Zhiqiang:志强 Xue:雪 Bo:波 Dan:丹 Haiyan:海燕 Chao:超 Lan:兰 Peng:鹏 Ning:宁 Wenjing:文静 Tao:涛 Yue:悦 | Wang:王 Li:李 Zhang:张 Liu:刘 Chen:陈 Yang:杨 Zhao:赵 Huang:黄 Zhou:周 Wu:吴 Xu:徐 Sun:孙 Hu:胡 Zhu:朱 Gao:高 Lin:林 He:何 Guo:郭 Ma:马 Luo:罗 Xie:谢 Tang:唐 Peng:彭 Cao:曹
pool 3 zh cjk | Lei:磊 Min:敏 Jing:静 Wei:伟 Fang:芳 Yong:勇 Yan:燕 Jun:军 Hui:慧 Qiang:强 Li:丽 Ting:婷 Jian:健 Xue:雪 Bo:波 Dan:丹 Chao:超 Lan:兰 Ning:宁 Tao:涛 | Wang:王 Li:李 Zhang:张 Liu:刘 Chen:陈 Yang:杨 Zhao:赵 Huang:黄 Zhou:周 Wu:吴 Xu:徐 Sun:孙 Hu:胡 Zhu:朱 Gao:高 Lin:林
hospitals Wuhan Union Hospital|Tongji Hospital|Zhongnan Hospital of Wuhan University|Renmin Hospital of Wuhan University|Wuhan Jinyintan Hospital|Wuhan Huoshenshan Hospital|Wuchang Fangcang Shelter Hospital|Peking Union Medical College Hospital|West China Hospital, Sichuan University|Ruijin Hospital, Shanghai|Zhongshan Hospital, Fudan University|First Affiliated Hospital, Zhejiang University|Guangzhou Eighth People’s Hospital|Shenzhen Third People’s Hospital
health Chinese Center for Disease Control and Prevention|Hubei Provincial CDC|Wuhan Municipal CDC
ems Wuhan Emergency Center (120)|Beijing Emergency Medical Center (120)

IT 15 Europe/Rome
pool 1 it,en | Giulia Marco Francesca Luca Chiara Alessandro Sara Matteo Elena Andrea Paola Davide Silvia Stefano | Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti Costa
hospitals Ospedale Papa Giovanni XXIII, Bergamo|Ospedale Luigi Sacco, Milano|Policlinico San Matteo, Pavia|Istituto Spallanzani, Roma|Policlinico Gemelli, Roma|ASST Cremona
health Istituto Superiore di Sanità|ATS Bergamo
ems AREU Lombardia 118

GB 15 Europe/London
pool 4 en | James Mary Robert Sarah Michael Emily David Hannah Thomas Laura Andrew Megan Oliver Charlotte Harry Sophie | Smith Jones Williams Taylor Brown Davies Evans Wilson Thomas Roberts Johnson Walker Wright Hughes Murphy
pool 1 en | Amir Sunita Imran Deepa Farah Ravi | Hussain Sharma Begum Chowdhury Mistry Iqbal
hospitals St Thomas’ Hospital|Royal Free Hospital|Manchester Royal Infirmary|Queen Elizabeth Hospital Birmingham|Addenbrooke’s Hospital|NHS Nightingale Hospital London|Royal Infirmary of Edinburgh
health Public Health England|Public Health Scotland
ems London Ambulance Service

ES 10 Europe/Madrid
pool 1 es,en | Lucía Javier Marta Pablo Elena Sergio Nuria Álvaro Cristina Jorge | García Fernández González Rodríguez López Martínez Sánchez Pérez Gómez Ruiz
hospitals Hospital Universitario La Paz|Hospital Clínic de Barcelona|Hospital Universitario 12 de Octubre|Hospital IFEMA, Madrid|Hospital Universitari Vall d’Hebron
health Centro Nacional de Epidemiología
ems SUMMA 112 Madrid

FR 10 Europe/Paris
pool 1 fr,en | Camille Julien Claire Nicolas Sophie Thomas Élodie Antoine Céline Mathieu | Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau
hospitals Hôpital Bichat – Claude-Bernard|Hôpital de la Pitié-Salpêtrière|Hôpitaux Universitaires de Strasbourg|CHU de Mulhouse|Hôpital Européen Georges-Pompidou
health Santé publique France
ems SAMU de Paris

DE 10 Europe/Berlin
pool 1 de,en | Anna Lukas Katharina Jonas Julia Felix Lena Tobias Miriam Florian | Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Hoffmann Schulz
hospitals Charité – Universitätsmedizin Berlin|München Klinik Schwabing|Universitätsklinikum Heidelberg|Uniklinik Köln|Universitätsklinikum Hamburg-Eppendorf
health Robert Koch-Institut
ems Berliner Feuerwehr Rettungsdienst

NL 4 Europe/Amsterdam
pool 1 nl,en | Sanne Daan Lotte Bram Eva Joost | de_Jong Jansen de_Vries van_den_Berg Bakker Visser
hospitals Amsterdam UMC|Erasmus MC|Radboudumc
health RIVM
ems Ambulance Amsterdam

SE 3 Europe/Stockholm
pool 1 sv,en | Elin Erik Karin Johan Maria Anders | Andersson Johansson Karlsson Nilsson Eriksson Larsson
hospitals Karolinska University Hospital|Sahlgrenska University Hospital@Europe/Stockholm
health Folkhälsomyndigheten
ems Ambulanssjukvården Stockholm

CH 3 Europe/Zurich
pool 1 de,fr,en | Laura Noah Céline Luca Nina Simon | Meier Favre Keller Rochat Huber Moser
hospitals Hôpitaux Universitaires de Genève|Inselspital Bern|Universitätsspital Zürich
health Federal Office of Public Health
ems Schutz & Rettung Zürich

IE 3 Europe/Dublin
pool 1 en,ga | Aoife Ciarán Siobhán Niamh Seán Orla | Murphy Kelly O’Sullivan Walsh Byrne Ryan
hospitals Mater Misericordiae University Hospital|St James’s Hospital|Cork University Hospital
health Health Protection Surveillance Centre
ems National Ambulance Service

HK 4 Asia/Hong_Kong
pool 1 yue,zh,en cjk | Ka-man:嘉敏 Wing-yan:詠欣 Chi-keung:志強 Siu-ming:少明 Ho-yin:浩賢 Mei-ling:美玲 | Chan:陳 Wong:黃 Cheung:張 Lau:劉 Ng:吳 Ho:何 Tsang:曾
hospitals Queen Mary Hospital|Princess Margaret Hospital|Prince of Wales Hospital
health Centre for Health Protection
ems Hong Kong Fire Services Ambulance Command

SG 6 Asia/Singapore
pool 3 en,zh family-first | Wei_Ling Jun_Jie Hui_Min Kai_Xiang Mei_Xin Zhi_Hao | Tan Lim Lee Ng Ong Goh Chua Teo
pool 1 en,ms | Nur_Aisyah Muhammad_Hafiz Siti Farhan | Rahman Ismail Hassan Yusof
pool 1 en,ta | Kavitha Rajesh Priya Arjun | Pillai Nair Subramaniam Menon
hospitals National Centre for Infectious Diseases|Singapore General Hospital|Tan Tock Seng Hospital|National University Hospital
health Ministry of Health Singapore
ems Singapore Civil Defence Force EMS

KR 8 Asia/Seoul
pool 1 ko,en family-first | Min-jun Ji-woo Seo-yeon Hyun-woo Ji-hoon Soo-jin Eun-ji Dong-hyun Ye-jin Jae-won | Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim
hospitals Seoul National University Hospital|Kyungpook National University Hospital|Keimyung University Dongsan Hospital|Samsung Medical Center
health Korea Centers for Disease Control and Prevention
ems Daegu Fire Department EMS

JP 8 Asia/Tokyo
pool 1 ja,en | Yuki Hiroshi Akiko Kenji Naoko Satoshi Yoko Daisuke Emi Takeshi | Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto Nakamura Kobayashi Kato
hospitals National Center for Global Health and Medicine|St. Luke’s International Hospital|Kyoto University Hospital|Fujita Health University Hospital
health National Institute of Infectious Diseases
ems Tokyo Fire Department EMS

IN 10 Asia/Kolkata
pool 1 en,hi | Aarav Ananya Rohan Kavya Arjun Sneha Vivek Pooja Rahul Meera | Sharma Verma Gupta Iyer Nair Menon Reddy Das Singh Joshi
hospitals AIIMS New Delhi|Christian Medical College Vellore|KEM Hospital Mumbai|Government Medical College Kozhikode|Kasturba Medical College Manipal
health Indian Council of Medical Research|Kerala State Health Services
ems GVK EMRI 108

IR 6 Asia/Tehran
pool 1 fa,en | Maryam Ali Zahra Reza Fatemeh Hossein Sara Mohammad | Hosseini Ahmadi Mohammadi Rezaei Karimi Moradi Jafari Rahimi
hospitals Masih Daneshvari Hospital|Imam Khomeini Hospital Complex|Namazi Hospital, Shiraz
health Iranian Ministry of Health and Medical Education
ems Tehran EMS

PK 4 Asia/Karachi
pool 1 en,ur | Ayesha Bilal Sana Usman Hina Faisal | Khan Malik Qureshi Siddiqui Butt Sheikh
hospitals Aga Khan University Hospital|Shaukat Khanum Memorial Hospital|Mayo Hospital Lahore
health National Institute of Health Pakistan
ems Rescue 1122

PH 4 Asia/Manila
pool 1 en,fil | Maria_Cristina Jose Angelica Mark Kristine Paolo | Santos Reyes Cruz Bautista Garcia Mendoza
hospitals Philippine General Hospital|Research Institute for Tropical Medicine|St. Luke’s Medical Center Quezon City
health Department of Health Philippines
ems Philippine Red Cross Ambulance

TR 4 Europe/Istanbul
pool 1 tr,en | Elif Mehmet Zeynep Mustafa Ayşe Emre | Yılmaz Kaya Demir Şahin Çelik Öztürk
hospitals Hacettepe University Hospital|Istanbul University-Cerrahpaşa|Ankara City Hospital
health Turkish Ministry of Health
ems 112 Acil Istanbul

CA 10 America/Toronto
pool 3 en | James Sarah Michael Emily David Jessica Ryan Megan Andrew Laura Connor Hannah | Smith Brown Wilson MacDonald Campbell Anderson Taylor Martin Thompson Young Stewart Roy
pool 1 fr,en | Geneviève Mathieu Isabelle Olivier | Tremblay Gagnon Côté Bouchard
pool 1 en,zh | Grace Kevin Amy Jason Lily Eric | Wong Chan Li Chen Lau Zhang
hospitals Toronto General Hospital|Sunnybrook Health Sciences Centre|Vancouver General Hospital@America/Vancouver|McGill University Health Centre|Foothills Medical Centre@America/Edmonton
health Public Health Agency of Canada|BC Centre for Disease Control@America/Vancouver
ems Toronto Paramedic Services

BR 8 America/Sao_Paulo
pool 1 pt,en | Ana_Paula João Fernanda Lucas Juliana Rafael Camila Bruno Mariana Thiago | Silva Santos Oliveira Souza Lima Pereira Costa Rodrigues Almeida Carvalho
hospitals Hospital das Clínicas, São Paulo|Hospital Israelita Albert Einstein|Hospital Sírio-Libanês|Hospital Universitário Getúlio Vargas, Manaus@America/Manaus
health Fiocruz|Secretaria Municipal de Saúde de São Paulo
ems SAMU 192 São Paulo

MX 5 America/Mexico_City
pool 1 es,en | Alejandra Diego Daniela Luis Mariana Ricardo | Hernández López Martínez González Ramírez Flores
hospitals Instituto Nacional de Enfermedades Respiratorias|Hospital General de México|Instituto Nacional de Ciencias Médicas y Nutrición Salvador Zubirán
health Secretaría de Salud
ems ERUM Ciudad de México

AU 6 Australia/Sydney
pool 1 en | Jack Olivia William Charlotte Lachlan Emily Thomas Chloe James Sophie | Smith Jones Williams Brown Wilson Taylor Kelly Ryan Murray Walsh
hospitals Royal Melbourne Hospital@Australia/Melbourne|Royal Prince Alfred Hospital|Westmead Hospital|Fiona Stanley Hospital@Australia/Perth|Royal Brisbane and Women’s Hospital@Australia/Brisbane
health Peter Doherty Institute for Infection and Immunity@Australia/Melbourne|NSW Health
ems NSW Ambulance

NG 5 Africa/Lagos
pool 1 en,yo | Chioma Oluwaseun Ngozi Emeka Funmilayo Tunde Amina Ifeanyi | Okafor Adeyemi Okonkwo Balogun Eze Bello Nwosu Ibrahim
hospitals Lagos University Teaching Hospital|University College Hospital, Ibadan|Infectious Disease Hospital, Yaba
health Nigeria Centre for Disease Control
ems Lagos State Ambulance Service

ZA 5 Africa/Johannesburg
pool 1 en,zu | Thandiwe Sipho Lerato Johan Naledi Pieter Zanele Mandla | Nkosi Dlamini Mokoena van_der_Merwe Naidoo Botha Khumalo Mahlangu
hospitals Chris Hani Baragwanath Academic Hospital|Groote Schuur Hospital|Charlotte Maxeke Johannesburg Academic Hospital
health National Institute for Communicable Diseases
ems Western Cape Emergency Medical Services

EG 4 Africa/Cairo
pool 1 ar,en | Mona Ahmed Nour Mahmoud Yasmin Karim | Hassan Mostafa Ibrahim Abdelrahman Saad Farouk
hospitals Kasr Al Ainy Hospital|Ain Shams University Hospitals|Alexandria Main University Hospital
health Egyptian Ministry of Health and Population
ems Egyptian Ambulance Organization
`;
