"""Messages that are not a question standing on its own: greetings and thanks, follow-ups that lean on
the message before ("what about the 2nd offence?", read with it by followup.py), and requests no policy
document answers (travel tips, jokes)."""

from __future__ import annotations

import re

# One to three of these make a greeting or thanks ("ok thanks", "hi, good morning", "great, thank you!").
_SMALLTALK = re.compile(
    r"^(?:(?:hi|hello|hey|hiya|good (morning|afternoon|evening|day)|greetings|thanks?( you)?( very much)?|"
    r"thank u|ok(ay)?|bye|goodbye|cheers|who are you|what (can|do) you do|what are you|help|"
    r"halo|helo|hai|selamat (pagi|siang|sore|malam|petang)|terima kasih|apa khabar|"
    r"xin chào|chào bạn|cảm ơn|kumusta|salamat|magandang (umaga|hapon|gabi)|"
    r"สวัสดี(ครับ|ค่ะ)?|ขอบคุณ(ครับ|ค่ะ)?|你好|您好|谢谢|안녕하세요|안녕|감사합니다|고맙습니다"
    r"|great|nice|noted|got it|perfect|cool|awesome|sip|baik|oke|ya|dạ|vâng|ครับ|ค่ะ|好的|네|알겠습니다"
    r")\W*){1,3}$",
    re.IGNORECASE,
)

# How a follow-up opens, or a bare pronoun standing for what was said before, per language.
_FOLLOW_UP = re.compile(
    r"^\W*(?:thx\W*|thanks\W*|ok\W*)?(?:and\s+)?(?:what|how)\s+about\b|^\W*and\b"
    r"|^\W*(?:what|how)\s+(?:about|of)\s+(?:it|that|this|them)\b|\b(?:the same|that one|this one)\b"
    r"|^\W*(?:kalau|bagaimana dengan|macam mana dengan|bagaimana pula|dan)\b|^\W*paano naman\b"
    r"|^\W*còn\b|\bthì sao\b|^\W*แล้ว|ล่ะ\W*$|^\W*那|呢\W*$|^\W*(?:그럼|그러면|그리고)",
    re.IGNORECASE,
)


def is_smalltalk(question: str) -> bool:
    """Greetings, thanks and 'what can you do' rather than a question about the documents."""
    return bool(_SMALLTALK.match(question.strip()))


def is_follow_up(question: str) -> bool:
    """Whether a message reads as a follow-up to an earlier one rather than a whole question."""
    return _FOLLOW_UP.search(question.strip()) is not None


# A traveller's request for tips (where to eat or stay, what to see) names a documented city or hotel,
# but no policy document answers it. A recommendation word alone is no tip ("What did the workshop
# recommend?"), nor is a restaurant or hotel alone ("Which hotel hosted it?"): one close to the other is.
_TIP = (
    r"\b(?:(?:can|could) you recommend|recommend (?:me|us|a|an|any|some)|(?:any|pls|please) recommend\w*"
    r"|any good|best(?! practi)|good(?! practi)|nice"
    r"|rekomendasi|rekomen|cadangkan|syorkan|murah|enak|irekomenda|gợi ý|ngon|rẻ)\b"
    r"|แนะนำ(?:ไหม|หน่อย|ได้ไหม|ด้วย)|ช่วยแนะนำ|ราคาถูก|求推荐|推荐一下|有什么推荐|推荐几|便宜"
    r"|추천해|추천 좀|맛있|저렴|ថោក|ລາຄາຖືກ|ဈေးသက်သာ|အကြံပြု"
)
_LEISURE = (
    r"\b(?:restaurants?|eater(?:y|ies)|cuisine|noodles?|laksa|cafes?|coffee shops?|hotels?|hostels?"
    r"|accommodation|spots?|sightseeing|attractions?|nightlife|souvenirs?|places to (?:eat|stay|visit)"
    r"|seafood|street food|halal (?:food|places?|eats)|lunch|dinner|brunch|breakfast"
    r"|tempat makan|kuliner|penginapan|restoran|kedai makan|kainan|quán|nhà hàng|khách sạn)\b"
    r"|ร้านอาหาร|ร้านข้าว|ร้านกาแฟ|ข้าวซอย|ที่พัก|โรงแรม|ที่เที่ยว|餐厅|餐廳|美食|酒店|饭店|住宿|景点|面|麵"
    r"|맛집|식당|숙소|호텔|관광지|ភោជនីយដ្ឋាន|សណ្ឋាគារ|ຮ້ານອາຫານ|ໂຮງແຮມ|စားသောက်ဆိုင်|ဟော်တယ်"
)
# Getting around by hired ride: no policy prices a taxi or a motorbike trip (buses and jeepneys may
# carry a bottle fare or a collection scheme, so they are left out).
_RIDE = (
    r"\b(?:taxis?|grab(?:car|bike)?|tuk[- ]?tuks?|minivans?|motorbikes?|motorcycles?|scooters?|car rental"
    r"|teksi|taksi|ojek|xe ôm|xe máy|taxi xe|habal-habal)\b"
    r"|แท็กซี่|ตุ๊กตุ๊ก|รถตู้|มอเตอร์ไซค์|出租车|的士|計程車|摩托车|摩托車|택시|오토바이"
    r"|ລົດຕູ້|ລົດຈັກ|ຕຸກຕຸກ|តាក់ស៊ី|តុកតុក|ម៉ូតូ|တက္ကစီ|ဆိုင်ကယ်"
)
_RIDE_ASKED = (
    r"\b(?:fares?|how much|how long|how far|cost|price|tambang|ongkos|tarif|harga|berapa|giá|bao lâu"
    r"|bao nhiêu|pamasahe|magkano|gaano)\b"
    r"|ค่า|กี่ชั่วโมง|นานไหม|เท่าไร|เท่าไหร่|多少钱|多少錢|多久|요금|얼마|ຄ່າ|ຊົ່ວໂມງ|ເທົ່າໃດ|ថ្លៃ|ប៉ុន្មាន|ကားခ|ဘယ်လောက်"
)
# Within a few words of each other, in either order ("any good laksa spots", "hotel murah ... yg bagus");
# "delicious" and its kin ask for a tip on their own.
_TIPS = re.compile(
    rf"(?:{_TIP}).{{0,25}}(?:{_LEISURE})|(?:{_LEISURE}).{{0,25}}(?:{_TIP})"
    r"|\b(?:cheap|affordable)\s+(?:\w+\s+){0,2}(?:hotels?|hostels?|eats|restaurants?|accommodation)\b"
    r"|\bthings to do\b|\bbest way to get\b|\b(?:delicious|tasty|must[- ]try|sedap|masarap)\b"
    # Getting there: a fare, ticket or timetable of a ferry, flight or train (a bus fare paid in bottles
    # is a policy, so buses count only when the cheapest one is asked).
    r"|\b(?:cheapest|cheap|budget|murah|termurah)\s+(?:\w+\s+){0,2}(?:ferr(?:y|ies)|flights?|trains?|bus(?:es)?"
    r"|tickets?|feri|kapal|pesawat|tiket)\b"
    r"|\b(?:ferr(?:y|ies)|flights?|trains?|plane|boat)\s+(?:tickets?|fares?|schedules?|timetables?|times)\b"
    r"|\b(?:tiket|vé)\s+(?:pesawat|kapal|feri|kereta|máy bay|tàu)\b"
    r"|ตั๋วเครื่องบิน|ตั๋วเรือ|机票|船票|火车票|항공권|배편|뱃편"
    r"|好吃|อร่อย|맛집|맛있는|ឆ្ងាញ់|ແຊບ|စားကောင်း",
    re.IGNORECASE | re.DOTALL,
)


# A ride's fare or time ("ຂີ່ລົດຈັກຈັກຊົ່ວໂມງ", "berapa tambang teksi"), unless policy is asked of it
# ("the fine for a taxi giving out plastic bags").
_RIDES = re.compile(
    rf"(?:{_RIDE}).{{0,30}}(?:{_RIDE_ASKED})|(?:{_RIDE_ASKED}).{{0,30}}(?:{_RIDE})", re.IGNORECASE | re.DOTALL
)
_POLICY = re.compile(
    r"\b(?:plastics?|bags?|straws?|bottles?|cutlery|foam|styrofoam|fines?|fined|penalt(?:y|ies)|bans?|banned"
    r"|levy|levies|waste|litter|recycl\w*|deposit|ordinance|plastik|nhựa|denda|phạt|multa|sampah|rác)\b"
    r"|พลาสติก|ค่าปรับ|ขยะ|塑料|塑膠|罚|罰|垃圾|플라스틱|벌금|쓰레기|ປລາສຕິກ|ຢາງ|ປັບໃໝ|ຂີ້ເຫຍື້ອ|ប្លាស្ទិក|ពិន័យ|សំរាម"
    r"|ပလတ်စတစ်|ဒဏ်ငွေ|အမှိုက်",
    re.IGNORECASE,
)


# A visitor's day out: the weather or season, a sight's entrance fee or opening hours, a boat's fare.
# Documents on a city's campaigns name its sights and seasons, none tells whether it will rain; a
# policy word keeps the question ("the fine for littering at the citadel", "waste in the rainy season").
_OUTING = re.compile(
    r"\b(?:weather|forecast|rainy|rains?|raining|monsoon season|temperatures?|humid|sunny|clear skies"
    r"|best (?:month|time|season) to (?:visit|see|go|travel)|entrance fees?|entry fees?|admission"
    r"|opening (?:hours|times)|open at night|visiting hours"
    r"|cuaca|hujan|musim kemarau|suhu udara|tiket masuk|jam buka|thời tiết|mùa mưa|trời mưa|nhiệt độ"
    r"|vé vào cửa|vé vào cổng|giờ mở cửa|lagay ng panahon|ulan|tag-ulan|bayad sa pagpasok)\b"
    r"|สภาพอากาศ|พยากรณ์อากาศ|ฝนตก|หน้าฝน|ฤดูฝน|ค่าเข้าชม|เวลาเปิด|ค่าเรือ|ค่าตั๋ว"
    r"|天气|天氣|下雨|雨季|气温|氣溫|门票|門票|开放时间|開放時間"
    r"|날씨|우기|장마|기온|입장료|운영 시간|개장 시간"
    r"|អាកាសធាតុ|ភ្លៀង|រដូវវស្សា|ລະດູຝົນ|ຝົນຕົກ|ດິນຟ້າອາກາດ|မိုးရာသီ|မိုးရွာ",
    re.IGNORECASE,
)


# A dish to cook, or a person's life story: documents name a city's noodles and its mayor, none tells
# how to make the one or where the other went to school.
_COOKING = re.compile(
    r"\b(?:recipes?|ingredients|how (?:do (?:i|you)|to) (?:cook|bake|fry"
    r"|make (?:the |a )?(?:dish|noodles?|soup|curry))|resep|resipi|cara memasak|công thức nấu"
    r"|cách nấu|sangkap|paano lutuin)\b"
    r"|สูตรอาหาร|ส่วนผสม|วิธีทำอาหาร|食谱|菜谱|配料|食材|레시피|만드는 법|요리법|រូបមន្តធ្វើម្ហូប|ສູດອາຫານ|ချက်နည်း",
    re.IGNORECASE,
)
_LIFE = re.compile(
    r"\b(?:bio|biography|biodata|alma mater|educational background|personal life|where did (?:he|she) "
    r"(?:study|grow up|go to school)|(?:is|was) (?:he|she) married|how old is|date of birth|riwayat hidup"
    r"|tiểu sử|talambuhay)\b"
    r"|ประวัติส่วนตัว|生平|履历|履歷|简历|簡歷|약력|프로필|ជីវប្រវត្តិ|ຊີວະປະຫວັດ|ကိုယ်ရေးအကျဉ်း",
    re.IGNORECASE,
)


def asks_for_tips(question: str) -> bool:
    """Whether a message asks where to eat or stay, what to see or how to get there, what the weather
    will be, how to cook a dish or a person's life story: a visitor's question, not policy."""
    if _TIPS.search(question):
        return True
    if _POLICY.search(question):
        return False
    return any(p.search(question) is not None for p in (_RIDES, _OUTING, _COOKING, _LIFE))


# Something to enjoy rather than to know ("tell me a joke about recycling", "a poem on plastic bags"):
# the policy words in it find documents, none of which answers.
_FUN = re.compile(
    r"\b(?:jokes?|poems?|poetry|songs?|lyrics|riddles?|limericks?|haiku|rap|lelucon|jenaka|lawak|sajak"
    r"|puisi|pantun|truyện cười|bài thơ|bài hát|biro|tula|kanta|bugtong)\b"
    r"|เรื่องตลก|มุกตลก|กลอน|บทกวี|笑话|笑話|诗歌|詩歌|写首诗|寫首詩|농담|유머|시를|노래|ຕະຫຼົກ|កំប្លែង|ရယ်စရာ",
    re.IGNORECASE,
)


def asks_for_fun(question: str) -> bool:
    """Whether a message asks for a joke, a poem or a song rather than for what the documents say."""
    return _FUN.search(question) is not None
