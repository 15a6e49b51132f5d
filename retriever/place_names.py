"""Names of places as officials write them, for places.py: English; Malay, Indonesian and Filipino where
they differ; Vietnamese with and without accents; Thai, Lao, Khmer, Burmese; Chinese, simplified and
traditional; Japanese for Japan's places; Korean. No local name so short that it is a piece of countless
words (泰, 韩, ថៃ, ໄທ); a name that is a piece of a few words carries a guard (GUARDS).

Each place lists English first, then ms/id/fil, vi, th, lo, km, my, zh, ja, ko. Officials write
some countries by their two-letter code (VN, PH, SG): in capitals only, since "my" and "th" are words.
"""

from __future__ import annotations

# canonical name: other names and demonyms (matched case-sensitively in documents)
COUNTRIES: dict[str, str] = {
    "Brunei Darussalam": (
        "Brunei|Bruneian|Negara Brunei Darussalam|Bru-nây|บรูไน|บรูไนดารุสซาลาม|ບຣູໄນ|ព្រុយណេ|ဘရူနိုင်း|文莱|汶莱"
        "|汶萊|브루나이"
    ),
    "Cambodia": (
        "Cambodian|Kingdom of Cambodia|Kampuchea|Khmer|Kemboja|Kamboja|Kambodya|Campuchia|Cam-pu-chia|กัมพูชา"
        "|ກຳປູເຈຍ|កម្ពុជា|ប្រទេសកម្ពុជា|ព្រះរាជាណាចក្រកម្ពុជា|ကမ္ဘောဒီးယား|柬埔寨|캄보디아|KH"
    ),
    "Indonesia": (
        "Indonesian|Republic of Indonesia|Indonesya|In-đô-nê-xi-a|อินโดนีเซีย|ອິນໂດເນເຊຍ|ឥណ្ឌូនេស៊ី|အင်ဒိုနီးရှား"
        "|印度尼西亚|印度尼西亞|印尼|인도네시아"
    ),
    "Lao PDR": (
        "Laos|Lao People's Democratic Republic|Lao People’s Democratic Republic|Lao|Laotian|Lào|ลาว"
        "|ประเทศลาว|สปป.ลาว|สปป. ลาว|ສປປ ລາວ|ສປປລາວ|ສ.ປ.ປ. ລາວ|ສ.ປ.ປ ລາວ|ປະເທດລາວ"
        "|ສາທາລະນະລັດ ປະຊາທິປະໄຕ ປະຊາຊົນລາວ|ឡាវ|ប្រទេសឡាវ|လာအို|老挝|老撾|寮國|라오스"
    ),
    "Malaysia": "Malaysian|Ma-lai-xi-a|Malaixia|มาเลเซีย|ມາເລເຊຍ|ម៉ាឡេស៊ី|မလေးရှား|马来西亚|馬來西亞|말레이시아"
    "|MY",
    "Myanmar": (
        "Burma|Burmese|Myanmar's|Mi-an-ma|Miến Điện|Mien Dien|เมียนมา|เมียนมาร์|พม่า|ມຽນມາ|មីយ៉ាន់ម៉ា|ភូមា|မြန်မာ"
        "|မြန်မာနိုင်ငံ|缅甸|緬甸|미얀마|버마"
    ),
    "Philippines": (
        "the Philippines|Philippine|Filipino|Pilipinas|Filipina|Phi-líp-pin|ฟิลิปปินส์|ຟີລິບປິນ|ហ្វីលីពីន|ဖိလစ်ပိုင်|菲律宾"
        "|菲律賓|필리핀|PH"
    ),
    "Singapore": (
        "Singaporean|Republic of Singapore|Singapura|Xin-ga-po|Singapo|สิงคโปร์|ສິງກະໂປ|សិង្ហបុរី|စင်ကာပူ|新加坡"
        "|싱가포르|SG"
    ),
    "Thailand": (
        "Thai|Kingdom of Thailand|Siam|ประเทศไทย|Taylandiya|Thái Lan|Thai Lan|ไทย|ราชอาณาจักรไทย|ປະເທດໄທ"
        "|ລາຊະອານາຈັກໄທ|ប្រទេសថៃ|ព្រះរាជាណាចក្រថៃ|ထိုင်း|ထိုင်းနိုင်ငံ|泰国|泰國|태국|TH"
    ),
    "Viet Nam": (
        "Vietnam|Việt Nam|Vietnamese|Socialist Republic of Viet Nam|Biyetnam|เวียดนาม|ຫວຽດນາມ|វៀតណាម|ဗီယက်နမ်"
        "|越南|베트남|VN"
    ),
    "Timor-Leste": (
        "East Timor|Timorese|Timor Leste|Timor Timur|Đông Timor|Đông Ti-mo|ติมอร์-เลสเต|ติมอร์เลสเต|ติมอร์ตะวันออก"
        "|ទីម័រខាងកើត|ទីម័រឡេស្តេ|အရှေ့တီမော|东帝汶|東帝汶|동티모르|티모르레스테"
    ),
    "China": (
        "Chinese|People's Republic of China|People’s Republic of China|PRC|中国|中華人民共和國|Cina"
        "|Tiongkok|Republik Rakyat Tiongkok|Tsina|Trung Quốc|Trung Quoc|จีน|ประเทศจีน|สาธารณรัฐประชาชนจีน|ຈີນ"
        "|ປະເທດຈີນ|ចិន|ប្រទេសចិន|တရုတ်|တရုတ်နိုင်ငံ|中國|中华人民共和国|중국|중화인민공화국"
    ),
    "Japan": "Japanese|日本|Jepun|Jepang|Hapon|Nhật Bản|Nhat Ban|ญี่ปุ่น|ຍີ່ປຸ່ນ|ជប៉ុន|ဂျပန်|일본",
    "Republic of Korea": (
        "South Korea|Korea|Korean|ROK|대한민국|한국|Korea Selatan|Timog Korea|Hàn Quốc|Han Quoc|เกาหลีใต้"
        "|เกาหลี|สาธารณรัฐเกาหลี|ເກົາຫຼີໃຕ້|ເກົາຫລີໃຕ້|ເກົາຫຼີ|ເກົາຫລີ|កូរ៉េខាងត្បូង|កូរ៉េ|တောင်ကိုရီးယား|ကိုရီးယား|韩国|韓國|韓国"
        "|大韩民国|大韓民國|大韓民国|南韩|南韓|남한"
    ),
    "North Korea": (
        "DPRK|Democratic People's Republic of Korea|North Korean|Korea Utara|Hilagang Korea|Triều Tiên"
        "|Trieu Tien|เกาหลีเหนือ|ເກົາຫຼີເໜືອ|ເກົາຫລີເຫນືອ|កូរ៉េខាងជើង|မြောက်ကိုရီးယား|朝鲜|朝鮮|北韩|北韓|北朝鮮|북한"
    ),
    "Mongolia": "Mongolian|Mông Cổ|มองโกเลีย|ມົງໂກລີ|ម៉ុងហ្គោលី|မွန်ဂိုလီးယား|蒙古国|蒙古國|몽골",
    "Taiwan": "Taiwanese|台灣|台湾|臺灣|Đài Loan|Dai Loan|ไต้หวัน|ໄຕ້ຫວັນ|តៃវ៉ាន់|ထိုင်ဝမ်|대만|타이완",
    "India": "Indian|भारत|Ấn Độ|อินเดีย|ອິນເດຍ|ឥណ្ឌា|အိန္ဒိယ|印度|인도",
    "Bangladesh": (
        "Bangladeshi|Băng-la-đét|บังกลาเทศ|บังคลาเทศ|ບັງກະລາເທດ|បង់ក្លាដែស|ဘင်္ဂလားဒေ့ရှ်|孟加拉国|孟加拉國|방글라데시"
    ),
    "Pakistan": "Pakistani|Pa-ki-xtan|ปากีสถาน|ປາກີສະຖານ|ប៉ាគីស្ថាន|ပါကစ္စတန်|巴基斯坦|파키스탄",
    "Sri Lanka": "Sri Lankan|Xri Lan-ca|ศรีลังกา|ສີລັງກາ|ស្រីលង្កា|သီရိလင်္ကာ|斯里兰卡|斯里蘭卡|스리랑카",
    "Nepal": "Nepalese|Nepali|Nê-pan|เนปาล|ເນປານ|នេប៉ាល់|နီပေါ|尼泊尔|尼泊爾|네팔",
    "Bhutan": "Bhutanese|Bu-tan|ภูฏาน|ພູຖານ|ប៊ូតង់|ဘူတန်|不丹|부탄",
    "Maldives": "Maldivian|Maladewa|Man-đi-vơ|มัลดีฟส์|ម៉ាល់ឌីវ|马尔代夫|馬爾代夫|馬爾地夫|몰디브",
    # Elsewhere, names only: demonyms there ("UK Ambassador") say little about a document's place.
    "France": "Perancis|Prancis|Pransiya|nước Pháp|Cộng hòa Pháp|ฝรั่งเศส|បារាំង|ပြင်သစ်|法国|法國|프랑스",
    "Kenya": "Kê-ni-a|เคนยา|កេនយ៉ា|ကင်ညာ|肯尼亚|肯尼亞|肯亞|케냐",
    "Canada": "Kanada|Ca-na-đa|แคนาดา|ການາດາ|កាណាដា|ကနေဒါ|加拿大|캐나다",
    "Switzerland": "Thụy Sĩ|สวิตเซอร์แลนด์|ស្វីស|ဆွစ်ဇာလန်|瑞士|스위스",
    "Uruguay": "U-ru-goay|อุรุกวัย|乌拉圭|烏拉圭|우루과이",
    "Australia": (
        "Australya|Úc|nước Úc|Ô-xtrây-li-a|ออสเตรเลีย|ອົດສະຕຣາລີ|អូស្ត្រាលី|ဩစတြေးလျ|澳大利亚|澳大利亞|澳洲|호주"
        "|오스트레일리아"
    ),
    "Portugal": "Bồ Đào Nha|โปรตุเกส|ព័រទុយហ្គាល់|ပေါ်တူဂီ|葡萄牙|포르투갈",
    "Colombia": "Kolombia|Cô-lôm-bi-a|โคลอมเบีย|哥伦比亚|哥倫比亞|콜롬비아",
    "United States": (
        "USA|U.S.|United States of America|Amerika Syarikat|Amerika Serikat|Estados Unidos|Hoa Kỳ|Hoa Ky"
        "|nước Mỹ|สหรัฐอเมริกา|สหรัฐฯ|สหรัฐ|ສະຫະລັດອາເມລິກາ|ສະຫະລັດ|សហរដ្ឋអាមេរិក|အမေရိကန်|美国|美國|미국"
    ),
    "United Kingdom": (
        "UK|U.K.|Britania Raya|Vương quốc Anh|Anh Quốc|สหราชอาณาจักร|ประเทศอังกฤษ|ចក្រភពអង់គ្លេស|ယူနိုက်တက်ကင်းဒမ်း"
        "|ဗြိတိန်|英国|英國|영국"
    ),
    # The Pacific islands, whose bans and levies the region's officials compare with their own.
    "New Zealand": "Selandia Baru|Niu Di-lân|นิวซีแลนด์|ນິວຊີແລນ|នូវែលសេឡង់|နယူးဇီလန်|新西兰|新西蘭|紐西蘭|뉴질랜드",
    "Fiji": "Phi-gi|ฟิจิ|ຟີຈີ|ហ្វីជី|ဖီဂျီ|斐济|斐濟",
    "Vanuatu": "Va-nu-a-tu|วานูอาตู|វ៉ានូអាទូ|ဗနွားတူ|瓦努阿图|瓦努阿圖|萬那杜|바누아투",
    "Samoa": "ซามัว|萨摩亚|薩摩亞|사모아",
    "Tonga": "ตองกา|汤加|湯加|東加|통가",
    "Papua New Guinea": "Papua Nugini|Papua Niu Ghi-nê|ปาปัวนิวกินี|巴布亚新几内亚|巴布亞新幾內亞|파푸아뉴기니",
    "Solomon Islands": "Kepulauan Solomon|Quần đảo Solomon|หมู่เกาะโซโลมอน|所罗门群岛|索羅門群島|솔로몬 제도",
    "Palau": "ปาเลา|帕劳|帛琉|팔라우",
}

# city or province: (country, other names)
CITIES: dict[str, tuple[str, str]] = {
    "Bandar Seri Begawan": ("Brunei Darussalam", "บันดาร์เสรีเบกาวัน|斯里巴加湾|斯里巴加灣|반다르스리브가완"),
    "Brunei Muara": ("Brunei Darussalam", "Brunei-Muara|Brunei dan Muara"),
    "Phnom Penh": (
        "Cambodia",
        "Phnôm Pênh|Phnom Pênh|Nông Pênh|พนมเปญ|ພະນົມເປັນ|ភ្នំពេញ|រាជធានីភ្នំពេញ|ဖနွမ်ပင်|金边|金邊|프놈펜",
    ),
    "Siem Reap": ("Cambodia", "Xiêm Riệp|เสียมราฐ|เสียมเรียบ|សៀមរាប|ខេត្តសៀមរាប|暹粒|시엠레아프|씨엠립|시엠립"),
    "Sihanoukville": (
        "Cambodia",
        "Kampong Som|Preah Sihanouk|สีหนุวิลล์|ក្រុងព្រះសីហនុ|ខេត្តព្រះសីហនុ|ព្រះសីហនុ|កំពង់សោម|西哈努克港|西哈努克市"
        "|시아누크빌",
    ),
    "Jakarta": ("Indonesia", "DKI Jakarta|DKI|จาการ์ตา|ຈາກາຕາ|ហ្សាការតា|ဂျကာတာ|雅加达|雅加達|자카르타"),
    "Bali": ("Indonesia", "Denpasar|บาหลี|巴厘岛|巴厘島|峇里島|巴厘|발리"),
    "Bogor": ("Indonesia", "Bogor City|โบกอร์|茂物|보고르"),
    "Bandung": ("Indonesia", "บันดุง|万隆|萬隆|반둥"),
    "Surabaya": ("Indonesia", "สุราบายา|泗水|수라바야"),
    "West Java": ("Indonesia", "Jawa Barat|Jabar|Tây Java|ชวาตะวันตก|西爪哇|서자바"),
    "Vientiane": (
        "Lao PDR",
        "Vientiane Capital|Viêng Chăn|Vieng Chan|เวียงจันทน์|เวียงจันท์|นครหลวงเวียงจันทน์|ນະຄອນຫຼວງວຽງຈັນ"
        "|ນະຄອນຫລວງວຽງຈັນ|ວຽງຈັນ|វៀងចន្ទ|ဗီယင်ကျင်း|万象|萬象|비엔티안",
    ),
    "Luang Prabang": (
        "Lao PDR",
        "Luông Pha Băng|หลวงพระบาง|ຫຼວງພະບາງ|ຫລວງພະບາງ|琅勃拉邦|龙坡邦|龍坡邦|루앙프라방",
    ),
    "Kuala Lumpur": ("Malaysia", "KL|DBKL|กัวลาลัมเปอร์|ກົວລາລຳເປີ|គូឡាឡាំពួ|ကွာလာလမ်ပူ|吉隆坡|쿠알라룸푸르"),
    "Putrajaya": ("Malaysia", "ปุตราจายา|布城|布特拉再也|푸트라자야"),
    "Petaling Jaya": ("Malaysia", "MBPJ|เปอตาลิงจายา|八打灵再也|八打靈再也|페탈링자야"),
    "Penang": ("Malaysia", "Pulau Pinang|George Town|ปีนัง|槟城|檳城|槟榔屿|檳榔嶼|페낭"),
    "Selangor": ("Malaysia", "สลังงอร์|雪兰莪|雪蘭莪|셀랑고르"),
    "Johor Bahru": ("Malaysia", "Johor Bharu|JB|ยะโฮร์บาห์รู|新山|조호르바루"),
    "Sabah": ("Malaysia", "Kota Kinabalu|ซาบาห์|沙巴|亚庇|亞庇|사바주|코타키나발루"),
    "Sarawak": ("Malaysia", "Kuching|ซาราวัก|砂拉越|砂劳越|砂勞越|古晋|古晉|사라왁|쿠칭"),
    "Yangon": ("Myanmar", "Rangoon|ย่างกุ้ง|ຢາງກຸ້ງ|ရန်ကုန်|仰光|양곤"),
    "Mandalay": ("Myanmar", "มัณฑะเลย์|မန္တလေး|曼德勒|만달레이"),
    "Naypyidaw": ("Myanmar", "Nay Pyi Taw|Naypyitaw|เนปยีดอ|เนปิดอว์|နေပြည်တော်|内比都|內比都|네피도"),
    "Quezon City": (
        "Philippines",
        "QC|Lungsod Quezon|Lungsod ng Quezon|เกซอนซิตี|奎松市|奎松城|케손시티|케존시티",
    ),
    "Manila": (
        "Philippines",
        "City of Manila|Maynila|Lungsod ng Maynila|มะนิลา|ມະນີລາ|ម៉ានីល|မနီလာ|马尼拉|馬尼拉|마닐라",
    ),
    "Metro Manila": (
        "Philippines",
        "National Capital Region|MMDA|Kalakhang Maynila|เมโทรมะนิลา|大马尼拉|大馬尼拉|메트로 마닐라"
        "|마닐라 수도권",
    ),
    "Cebu": ("Philippines", "Cebu City|Sugbo|Lungsod ng Cebu|เซบู|宿务|宿霧|세부시"),
    "Davao": ("Philippines", "Davao City|Dabaw|Lungsod ng Dabaw|ดาเวา|达沃|達沃|다바오"),
    "Bangkok": (
        "Thailand",
        "Krung Thep|กรุงเทพมหานคร|BMA|Bangkok Metropolitan Administration|Băng Cốc|กรุงเทพฯ|กรุงเทพ|กทม.|กทม"
        "|ບາງກອກ|ກຸງເທບ|បាងកក|ဘန်ကောက်|曼谷|방콕",
    ),
    "Chiang Mai": ("Thailand", "เชียงใหม่|ຊຽງໃໝ່|ຊຽງໃຫມ່|ချင်းမိုင်|清迈|清邁|치앙마이"),
    "Phuket": ("Thailand", "ภูเก็ต|普吉岛|普吉島|普吉|푸껫|푸켓"),
    "Hua Hin": ("Thailand", "หัวหิน|华欣|華欣|후아힌"),
    "Hanoi": ("Viet Nam", "Ha Noi|Hà Nội|ฮานอย|ຮ່າໂນ້ຍ|ហាណូយ|ဟနွိုင်း|河内|河內|하노이"),
    "Ho Chi Minh City": (
        "Viet Nam",
        "Saigon|Hồ Chí Minh|Ho Chi Minh|HCMC|TP.HCM|TP. HCM|TP HCM|TPHCM|Tp.HCM|Tp. HCM"
        "|Thành phố Hồ Chí Minh|Sài Gòn|Sai Gon|โฮจิมินห์|นครโฮจิมินห์|ไซ่ง่อน|ໂຮ່ຈິມິນ|ហូជីមិញ|ဟိုချီမင်း|胡志明市|胡志明"
        "|西贡|西貢|호찌민|호치민",
    ),
    "Da Nang": ("Viet Nam", "Danang|Đà Nẵng|ดานัง|ដាណាំង|岘港|峴港|다낭"),
    "Hai Phong": ("Viet Nam", "Haiphong|Hải Phòng|ไฮฟอง|海防|하이퐁"),
    "Dili": ("Timor-Leste", "ดิลี|帝力"),
    "Beijing": ("China", "Peking|北京|Bắc Kinh|Bac Kinh|ปักกิ่ง|ປັກກິ່ງ|ប៉េកាំង|ပေကျင်း|베이징|북경"),
    "Shanghai": ("China", "上海|Thượng Hải|Thuong Hai|เซี่ยงไฮ้|ຊຽງໄຮ້|សៀងហៃ|ရှန်ဟိုင်း|상하이"),
    "Shenzhen": ("China", "Thâm Quyến|เซินเจิ้น|深圳|선전시"),
    "Guangzhou": ("China", "Quảng Châu|กว่างโจว|กวางโจว|广州|廣州|광저우"),
    "Tianjin": ("China", "Thiên Tân|เทียนจิน|天津|톈진|텐진"),
    "Kunming": ("China", "Côn Minh|คุนหมิง|ຄຸນໝິງ|ຄຸນຫມິງ|ကူမင်း|昆明|쿤밍"),
    "Hainan": ("China", "Hainan Province|Hainan Special Economic Zone|海南|海南省|Hải Nam|ไหหลำ|하이난"),
    # The two special administrative regions make their own laws: China's national plans are not theirs.
    "Hong Kong": ("Hong Kong", "Hong Kong SAR|香港|HKSAR|Hồng Kông|ฮ่องกง|ຮົງກົງ|ហុងកុង|ဟောင်ကောင်|홍콩"),
    "Macao": ("Macao", "Macau|Ma Cao|มาเก๊า|澳门|澳門|마카오"),
    "Tokyo": ("Japan", "東京|东京|東京都|โตเกียว|ໂຕກຽວ|តូក្យូ|တိုကျို|도쿄"),
    "Osaka": ("Japan", "大阪|โอซากา|오사카"),
    "Kyoto": ("Japan", "京都|เกียวโต|교토"),
    "Kobe": ("Japan", "神戸|神户|神戶|โกเบ|고베"),
    "Kamikatsu": ("Japan", "Kamikatsu-cho|Kamikatsu Town|上勝町|가미카쓰"),
    "Seoul": ("Republic of Korea", "서울|โซล|ໂຊລ|សេអ៊ូល|ဆိုးလ်|首尔|首爾|汉城|漢城"),
    "Busan": ("Republic of Korea", "Pusan|부산|ปูซาน|ປູຊານ|ប៊ូសាន|ဘူဆန်|釜山"),
    "Incheon": ("Republic of Korea", "อินชอน|仁川|인천"),
    "Jeju": ("Republic of Korea", "Jeju Island|เชจู|济州|濟州|제주"),
    "Ulaanbaatar": ("Mongolia", "Ulan Bator|อูลานบาตอร์|乌兰巴托|烏蘭巴托|울란바토르"),
    "Taipei": ("Taiwan", "Taipei City|台北|臺北|Đài Bắc|ไทเป|타이베이|타이페이"),
    "Kaohsiung": ("Taiwan", "Cao Hùng|เกาสง|高雄|가오슝"),
    "New Delhi": ("India", "Delhi|นิวเดลี|เดลี|ញូវដេលី|နယူးဒေလီ|新德里|德里|뉴델리|델리"),
    "Mumbai": ("India", "Bombay|มุมไบ|孟买|孟買|뭄바이"),
    "Chennai": ("India", "Madras|เจนไน|金奈|첸나이"),
    "Bengaluru": ("India", "Bangalore|เบงกาลูรู|บังกาลอร์|班加罗尔|班加羅爾|벵갈루루|방갈로르"),
    "Kolkata": ("India", "Calcutta|โกลกาตา|加尔各答|加爾各答|콜카타"),
    "Maharashtra": ("India", "มหาราษฏระ|马哈拉施特拉|馬哈拉施特拉|마하라슈트라"),
    "Tamil Nadu": ("India", "ทมิฬนาฑู|泰米尔纳德|泰米爾納德|타밀나두"),
    "Kerala": ("India", "เกรละ|喀拉拉|케랄라"),
    "Dhaka": ("Bangladesh", "Dacca|ธากา|达卡|達卡|다카"),
    "Karachi": ("Pakistan", "การาจี|卡拉奇|카라치"),
    "Islamabad": ("Pakistan", "อิสลามาบัด|伊斯兰堡|伊斯蘭堡|이슬라마바드"),
    "Lahore": ("Pakistan", "ละฮอร์|拉合尔|拉合爾|라호르"),
    "Colombo": ("Sri Lanka", "โคลัมโบ|科伦坡|科倫坡|콜롬보"),
    "Kathmandu": ("Nepal", "กาฐมาณฑุ|加德满都|加德滿都|카트만두"),
    "Thimphu": ("Bhutan", "ทิมพู|廷布|팀푸"),
    "Paris": ("France", "ปารีส|ປາຣີ|ប៉ារីស|ပါရီ|巴黎|파리"),
    "Nairobi": ("Kenya", "ไนโรบี|ໄນໂຣບີ|ណៃរ៉ូប៊ី|နိုင်ရိုဘီ|内罗毕|內羅畢|나이로비"),
    "Ottawa": ("Canada", "ออตตาวา|ອອດຕາວາ|អូតាវ៉ា|渥太华|渥太華|오타와"),
    "Geneva": ("Switzerland", "Genève|Jenewa|Giơ-ne-vơ|เจนีวา|ເຈນີວາ|ហ្សឺណែវ|ဂျနီဗာ|日内瓦|日內瓦|제네바"),
    "Punta del Este": ("Uruguay", "ปุนตาเดลเอสเต|埃斯特角城|푼타델에스테"),
    "Adelaide": ("Australia", "แอดิเลด|阿德莱德|阿德萊德|애들레이드"),
    "Matosinhos": ("Portugal", ""),
    "Cali": ("Colombia", ""),
    "Indore": ("India", "इंदौर|อินดอร์|印多尔|印多爾|인도르"),
    "Jaipur": ("India", "जयपुर|ชัยปุระ|斋浦尔|齋浦爾|자이푸르"),
    "Suva": ("Fiji", "ซูวา|苏瓦|蘇瓦|수바"),
    "Port Vila": ("Vanuatu", "พอร์ตวิลา|维拉港|維拉港|포트빌라"),
    "Port Moresby": ("Papua New Guinea", "พอร์ตมอร์สบี|莫尔兹比港|莫爾斯比港|포트모르즈비"),
    "Auckland": ("New Zealand", "โอ๊คแลนด์|奥克兰|奧克蘭|오클랜드"),
    "New York": ("United States", "NYC|New York City|นิวยอร์ก|ນິວຢອກ|ញូវយ៉ក|နယူးယောက်|纽约|紐約|뉴욕"),
}

REGIONS: dict[str, str] = {
    "ASEAN": "Association of Southeast Asian Nations|ASEAN Member States",
    "Southeast Asia": "South-east Asia|South East Asia|Southeast Asian",
    "East Asia": "East Asian",
    "South Asia": "South Asian",
    "Asia and the Pacific": "Asia-Pacific|Asia Pacific|Asia and Pacific",
    "East Asian Seas": "Seas of East Asia|COBSEA region",
    "Greater Mekong Subregion": "Mekong",
    "Global": "global|worldwide",
}

# Names a reader may not match in another case: "hapon" is Filipino for afternoon, "úc" no name.
AS_WRITTEN: frozenset[str] = frozenset({"Hapon", "Úc"})

# A name is no place right after or before these ("|"-separated regexes, any case): (before, after).
GUARDS: dict[str, tuple[str, str]] = {
    # "thai" typed in lower case is Thailand ("thai japan marine litter course"), but not in Vietnamese
    # typed without accents: waste ("rac thai", "nuoc thai", "xu ly chat thai") or pregnancy ("mang thai").
    "Thai": (
        "rác |rac |chất |chat |nước |nuoc |khí |khi |xả |xa |phát |phat |sa |đào |dao |mang |bào |bao ",
        r"\s+(?:phụ|phu|nhi|kỳ|ky|sản|san|nghén|nghen)\b",
    ),
    # Vietnamese "lao động" (labour), "bệnh lao" (tuberculosis), and the province of Lào Cai.
    "Lao": (r"bệnh |benh ", r"\s+(?:động|dong|công|cong|cai|tù|đao|vào|xuống)\b"),
    "Lào": ("", r"\s+Cai\b"),
    "Ấn Độ": ("", r"\s+Dương"),  # the Indian Ocean
    "Triều Tiên": (r"đảo |dao ", ""),  # the Korean peninsula
    "อินเดีย": ("มหาสมุทร", ""),
    "จีน": ("ปรา", ""),  # the Thai province of Prachinburi
    "印度": ("", "洋|尼"),
    "인도": ("", "양|네|적|주의|하|되|받"),  # the Indian Ocean; humanitarian; to hand over
    "대만": ("", "족"),  # great satisfaction
    "부탄": ("", "가스"),  # butane
    "호주": ("", "머니"),  # pocket
    "부산": ("", "물"),  # by-product
    "朝鲜": ("", "半岛|族"),
    "朝鮮": ("", "半島|族"),
    # "发展中国家" (developing countries), "其中国内": no China; likewise "欧美国家", "方法国际".
    "中国": ("展|其|集", "家|内|际"),
    "中國": ("展|其|集", "家|內|際"),
    "美国": ("", "家|内|际"),
    "美國": ("", "家|內|際"),
    "法国": ("", "家|内|际"),
    "法國": ("", "家|內|際"),
    "英国": ("", "家|内|际"),
    "英國": ("", "家|內|際"),
    "北京": ("华|華", ""),  # "华北京津冀"
    "上海": ("", "洋|域|面"),  # "海上海洋"
    "海南": ("东|東|南|黄|黃|渤|北|沿", ""),  # "东海南部"
    "京都": ("南|东|東|北", ""),
    "德里": ("马|馬", "克"),  # Madrid, Derek
    "达卡": ("", "拉|尔"),  # "到达卡拉奇", Dakar
    "達卡": ("", "拉|爾"),
    "万象": ("罗", ""),  # "包罗万象"
    "萬象": ("羅", ""),
    "济州": ("经|救", ""),
    "濟州": ("經|救", ""),
    "台北": ("平|舞|后|讲|柜|站|阳", ""),  # "平台北部" (the platform's north)
    "臺北": ("平|舞|後|講|櫃|站|陽", ""),
    "高雄": ("提|最|崇", "心"),  # "提高雄心" (raise ambition)
    "布城": ("分|公|宣|发|發|散|遍|颁|頒", "市|镇|鎮|乡|鄉"),  # "分布城市" (spread over cities)
    "세부시": ("", "행|책"),  # "세부시행계획" (detailed implementation plan)
    "다카": ("", "하|야"),  # Japanese surnames
}
