"""What an asked amount or date is of: a fine is not a tax, the day a law takes effect is not the
day it went to consultation.

"What is the fine for ... in Bogor?" was answered by a national excise proposal in rupiah, and "When
will the Act come into force?" by the month its draft was consulted on: the kind of value was right,
what it measured was not. A question that asks for one of these specific things is answered only by
a sentence that speaks of it, in the question's language or the document's.
"""

from __future__ import annotations

import re

# A span of days ("13-19 November", "25 November-1 December") gives an event's first and last day.
_SPAN = r"|\b\d{1,2}(?:\s+[A-Za-z]{3,9})?\s*(?:[-–]|to|until)\s*\d{1,2}\b"

# "Which hotel or building?" in the officials' languages ("hotel mana", "khách sạn nào", 哪家酒店): asks
# where, whatever other question word there is.
HOTEL_ASKED = (
    r"\b(?:anong|saang) (?:hotel|gusali|venue)\b|\b(?:hotel|gedung|bangunan|dewan) (?:apa|mana)\b"
    r"|\b(?:khách sạn|tòa nhà) (?:nào|gì)\b|โรงแรม(?:ไหน|ใด|อะไร)"
    r"|(?:哪家|哪个|哪個|哪間|哪间|什么|什麼)(?:酒店|饭店|飯店|宾馆|賓館)|(?:어느|무슨|어떤) 호텔"
)
# "Which hotel was it in?" and "the venue?" ask for a building, not the city a lead sentence names.
_BUILDING_ASKED = (
    r"\b(?:which|what|in which|name of the) (?:hotel|building|hall|convention cent(?:re|er))\b"
    r"|\bvenues?\b|\bwhere exactly\b|\bhotel name\b|\bdi mana (?:tepatnya|persisnya)\b|\bđịa điểm\b"
    r"|สถานที่จัด|会场|會場|场地|場地|举办地点|舉辦地點|행사장|개최 장소|" + HOTEL_ASKED
)
# A named building where something was held: "at the Shangri-La Hotel", "Venue | Bali International
# Convention Centre", "at The Empire Brunei", "Hotel Indonesia" (in capitals, and introduced as the
# place: "its Regional Knowledge Centre" is a body, not a venue).
_BUILDING_STATED = (
    r"(?-i:(?:\b(?:at|in|inside)\s+(?:the\s+|The\s+)?|^\s*|\|\s*|:\s*)[A-Z][\w'’.-]*\s+(?:[A-Z&][\w'’.-]*\s+){0,4}"
    r"(?:Hotel|Centre|Center|Hall|Resort|Plaza|Building|Auditorium|Complex|Headquarters|Campus|Museum|Stadium"
    r"|Palace)\b|\bHotel\s+[A-Z]|\bat\s+The\s+[A-Z])"
    r"|\bkhách sạn\b|โรงแรม|ศูนย์ประชุม|หอประชุม|酒店|饭店|飯店|宾馆|賓館|会议中心|會議中心|호텔|컨벤션"
)

# Women, in each answered language ("perempuan", "phụ nữ", ผู้หญิง, 女性, 여성, ແມ່ຍິງ, ស្ត្រី, အမျိုးသမီး).
_WOMEN = (
    r"\b(?:women|woman|female|females|wanita|perempuan|phụ nữ|nữ giới|kababaihan|babae)\b"
    r"|ผู้หญิง|สตรี|女性|妇女|婦女|여성|ແມ່ຍິງ|ເພດຍິງ|ស្ត្រី|အမျိုးသမီး"
)

# "When is the next KEP?", "where is the upcoming session?": a coming event, not the one a document
# reports ("the KEP on 18-19 November 2025"). Only a sentence that speaks of what is to come answers.
_NEXT = (
    r"\b(?:next|upcoming|forthcoming|berikutnya|selanjutnya|seterusnya|akan datang|tiếp theo"
    r"|kế tiếp|sắp tới|susunod|darating)\b|ครั้งหน้า|ครั้งถัดไป|ถัดไป|下一|下次|下届|下屆|다음|ຄັ້ງຕໍ່ໄປ|ຄັ້ງໜ້າ"
    r"|លើកក្រោយ|បន្ទាប់|နောက်တစ်ကြိမ်|နောက်လာမည့်"
)
_TO_COME = (
    r"\b(?:next|upcoming|forthcoming|will|shall|to be (?:held|hosted|convened|organi[sz]ed)|to host"
    r"|offered to host|agreed to host|plans? to|planned|scheduled|due (?:in|on|to)|expected|future"
    r"|berikutnya|selanjutnya|seterusnya|akan|tiếp theo|kế tiếp|sẽ|susunod|gaganapin)\b"
    r"|ครั้งหน้า|ครั้งถัดไป|ถัดไป|จะ|下一|下次|下届|下屆|将|將|다음|예정|ຕໍ່ໄປ|ຈະ|បន្ទាប់|នឹង|နောက်|မည်"
)

# kind of fact -> specific thing -> (how a question asks for it, how a sentence speaks of it)
_SPECIFICS: dict[str, dict[str, tuple[str, str]]] = {
    "number": {
        "penalty": (
            r"\b(?:fines?|penalt(?:y|ies)|sanctions?|imprisonment|jail|prison|denda|kompaun|sanksi"
            r"|hukuman|multa|parusa|phạt)\b|ពិន័យ|ປັບໃໝ|ဒဏ်ငွေ"
            # Thai ปรับ alone fines ("ปรับร้าน...เท่าไหร่"), unless it adjusts or improves (ปรับปรุง, ปรับตัว).
            r"|ค่าปรับ|ปรับ(?!ปรุง|ตัว|เปลี่ยน|ใช้|ลด|ขึ้น|แก้)|จำคุก|罚款|罰款|罚金|徒刑|监禁|벌금|과태료|징역",
            r"\b(?:fine[sd]?|penal(?:ty|ties|ised|ized|ise|ize)|sanctions?|offen[cs]es?|violat\w*|breach\w*"
            r"|punish\w*|imprison\w*|jail\w*|prison\w*|compound|denda\w*|kompaun|multa\w*|phạt|vi phạm"
            r"|penjara|sanksi|hukuman|parusa)\b|ពិន័យ|ປັບໃໝ|ဒဏ်"
            r"|ปรับ|จำคุก|罚|罰|处罚|徒刑|监禁|벌금|과태료|처벌|징역",
        ),
        # "How many of the participants were women?" is not answered by the participants' number.
        "women": (
            _WOMEN,
            _WOMEN + r"|\b(?:gender|sex)\b|\bmen\b|\bmale\b|laki-laki|lelaki|nam giới|ผู้ชาย|男性|남성",
        ),
        # "Jail time for a third offence?" is not answered by the third offence's fine.
        "prison": (
            r"\b(?:jail|prison|imprison\w*|penjara|kurungan|kulong|pagkakakulong|bilangguan|tù)\b"
            r"|จำคุก|监禁|監禁|徒刑|拘役|징역|ពន្ធនាគារ|ຈຳຄຸກ|ထောင်ဒဏ်",
            r"\b(?:jail\w*|prison\w*|imprison\w*|custod\w*|detention|penjara|kurungan|kulong|pagkakakulong"
            r"|bilangguan|tù)\b|จำคุก|监禁|監禁|徒刑|拘役|징역|ពន្ធនាគារ|ຈຳຄຸກ|ထောင်",
        ),
        "tax": (
            r"\b(?:tax(?:es)?|excise|levy|levies|duty|duties|cukai|pajak|thuế|buwis)\b|ภาษี|税|稅|세금",
            r"\b(?:tax\w*|excise|levy|levies|levied|duty|duties|cukai|pajak|thuế|buwis)\b|ภาษี|税|稅|세금|부담금",
        ),
    },
    "when": {
        "next": (_NEXT, _TO_COME),
        "start": (
            r"\b(?:(?:come|comes|came|coming|enter|enters|entered|go|goes) into force|in force|take effect"
            r"|takes effect|took effect|effective|effectivity|start(?:s|ed|ing)?|begin(?:s|ning)?|began"
            r"|commenc\w*|implement\w*|enforced|roll(?:ed|s)? out|kick(?:s|ed)? off"
            r"|berkuat ?kuasa|dikuatkuasakan|mula(?:i)?|efektif|diterapkan|dilaksanakan"
            r"|có hiệu lực|hiệu lực|áp dụng|bắt đầu|epektibo|magsisimula|ipapatupad|ipinatupad)\b"
            r"|มีผลบังคับ|บังคับใช้|เริ่ม|生效|施行|实施|實施|开始|開始|起施行|시행|발효|시작"
            # "Since when?" asks when something began, in each language.
            r"|\b(?:since when|as of when|sejak (?:bila|kapan)|mulai (?:bila|kapan)|từ khi nào|từ bao giờ"
            r"|mula kailan)\b|从什么时候|從什麼時候|什么时候起|什麼時候起|언제부터|ตั้งแต่เมื่อ|ចាប់ពីពេលណា"
            r"|ຕັ້ງແຕ່ເມື່ອໃດ|ဘယ်တုန်းက(?:စ|စပြီး)",
            r"\b(?:(?:in|into) force|effect(?:ive)?|effectivity|from|since|as of|start\w*|began|begin\w*"
            r"|commenc\w*|implement\w*|appl(?:y|ies|ied|ying)|enforce\w*|roll(?:ed|s|ing)? out|launch\w*"
            r"|introduc\w*|kick\w* off|took hold|berkuat ?kuasa|berlaku|mula(?:i)?|sejak|efektif|diterapkan"
            r"|dilaksanakan|hiệu lực|áp dụng|bắt đầu|từ ngày|kể từ|epektibo|simula|ipinatupad)\b"
            r"|มีผลบังคับ|บังคับใช้|เริ่ม|ตั้งแต่|生效|施行|实施|實施|开始|開始|起|自|시행|발효|부터|시작" + _SPAN,
        ),
        # "By what year does Beijing want to be zero-waste?" asks for a target, not the day it spoke
        "target": (
            r"\bby (?:what|which) (?:year|date|time)\b|\bby when\b|\btarget (?:year|date)\b"
            r"|\b(?:menjelang|sebelum) tahun (?:berapa|bila)\b|\b(?:sasaran|target) tahun\b"
            r"|\bđến năm nào\b|\bnăm mục tiêu\b|\bpagsapit ng anong taon\b"
            r"|ภายในปี(?:ไหน|ใด|อะไร)|ปีเป้าหมาย|到哪一?年|目标年|몇 ?년까지|언제까지|목표 ?(?:연도|시점)",
            r"\bby\s+(?:the\s+(?:end|middle)\s+of\s+)?(?:[A-Z][a-z]+\s+)?(?:19|20)\d\d\b"
            r"|\b(?:target\w*|goals?|aim\w*|deadline|pledge\w*|commit\w*|menjelang|sasaran|mục tiêu"
            r"|đến năm|pagsapit|layunin)\b|ภายใน|เป้าหมาย|目标|到\s?(?:19|20)\d\d|목표|까지",
        ),
        # "When was the ban extended to the whole country?" is not answered by the day it began in one valley.
        "extension": (
            r"\b(?:extend(?:s|ed|ing)?|extension|expand(?:s|ed|ing)?|expansion|widen(?:s|ed|ing)?"
            r"|broaden(?:s|ed|ing)?|memperluas|diperluas|perluasan|mở rộng|pinalawak|palawakin)\b"
            r"|ขยาย|扩大|擴大|扩展|擴展|推广到|推廣到|확대|확장",
            r"\b(?:extend\w*|extension|expand\w*|expansion|widen\w*|broaden\w*|nationwide|whole country"
            r"|all (?:provinces|states|cities|regions)|memperluas|diperluas|perluasan|mở rộng|toàn quốc"
            r"|pinalawak|buong bansa)\b"
            r"|ขยาย|ทั่วประเทศ|扩大|擴大|扩展|擴展|全国|全國|확대|확장|전국",
        ),
        "end": (
            # "When did the consultation close?", "the deadline": not "a campaign to end plastic waste"
            r"\b(?:close[sd]?|end(?:s|ed)?|finish(?:es|ed)?|conclude[sd]?|expire[sd]?)\s*\W*$"
            r"|\b(?:closing date|deadline|due date|last day|end date|berakhir|ditutup|tamat|kết thúc"
            r"|hết hạn)\b"
            r"|สิ้นสุด|截止|结束|結束|마감|종료",
            r"\b(?:close[sd]?|closing|end(?:s|ed|ing)?|until|till|through|deadline|due|expir\w*|conclu\w*"
            r"|finish\w*|last day|berakhir|ditutup|tamat|sehingga|hingga|sampai|kết thúc|đến ngày|hết hạn)\b"
            r"|สิ้นสุด|ถึง|截止|结束|結束|至|마감|종료|까지"
            # "register by 30 June 2022", "by the end of 2025": the day something is due
            r"|\bby\s+(?:the\s+end\s+of\s+)?(?:(?:\d{1,2}\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
            r"[a-z]*|(?:19|20)\d\d)\b" + _SPAN,
        ),
    },
    "where": {"building": (_BUILDING_ASKED, _BUILDING_STATED), "next": (_NEXT, _TO_COME)},
    # "Who funds SEA-MaP?" is not answered by who took part in its programme, nor "Who opened the 9th 3R
    # Forum?" by the names of its side events (issue #11). Who hosted, asked the same way, lost a test
    # question and was left out.
    "who": {
        "chair": (
            r"\b(?:chair(?:ed|s|ing|man|woman|person)?|moderat\w*|presid(?:ed|es|ing)|mempengerusikan|pengerusi"
            r"|dipengerusikan|dipimpin|memimpin|chủ trì|điều phối|điều hành|nangulo|namuno|pinangunahan)\b"
            r"|ประธาน|ดำเนินรายการ|主持|主席|좌장|사회자|의장|ប្រធាន|សម្របសម្រួល|ປະທານ|ဥက္ကဋ္ဌ|ဦးဆောင်",
            r"\b(?:chair\w*|co-chair\w*|moderat\w*|presid\w*|led by|facilitat\w*|pengerusi|mempengerusikan"
            r"|dipengerusikan|dipimpin|chủ trì|điều phối|nangulo|pinangunahan)\b"
            r"|ประธาน|ดำเนินรายการ|主持|主席|좌장|사회|의장|ប្រធាន|ປະທານ|ဥက္ကဋ္ဌ",
        ),
        "opener": (
            r"\b(?:open(?:ed|s)?|inaugurat\w*|kick(?:ed|s)? off|welcom\w*|keynote|merasmikan|membuka|dibuka"
            r"|perasmian|pembukaan|khai mạc|phát biểu khai mạc|nagbukas|binuksan)\b"
            r"|เปิดงาน|เปิดการประชุม|กล่าวเปิด|开幕|致辞|致辭|揭幕|개막|개회|환영사|បើក|ເປີດ|ဖွင့်",
            r"\b(?:open\w*|inaugurat\w*|kick\w* off|welcom\w*|keynote|remarks|address\w*|speech|launch\w*"
            r"|merasmikan|membuka|dibuka|perasmian|pembukaan|khai mạc|phát biểu|nagbukas|binuksan)\b"
            r"|เปิด|กล่าว|开幕|致辞|致辭|揭幕|개막|개회|환영|បើក|ເປີດ|ဖွင့်",
        ),
        "funder": (
            r"\b(?:fund(?:s|ed|ing)?|financ\w*|sponsor\w*|donors?|bankroll\w*|pays? for|paid for|membiayai"
            r"|dibiayai|mendanai|didanai|pembiayaan|tài trợ|cấp vốn|nagpopondo|pinondohan)\b"
            r"|สนับสนุนงบ|ให้ทุน|资助|資助|赞助|贊助|出资|出資|후원|자금|재정 지원|ឧបត្ថម្ភ|ສະໜັບສະໜູນທຶນ|ငွေကြေးထောက်ပံ့",
            # who paid, not a topic such as "financial mechanisms for EPR"
            r"\b(?:(?:funded|financed|sponsored|supported|backed|bankrolled|paid for)\s+by|(?:funding|grants?"
            r"|financial support|financing|contributions?|money)\s+(?:from|of)|donors?|sponsors?|funders?"
            r"|dibiayai|didanai|dana dari|được tài trợ|tài trợ bởi|pinondohan)\b"
            r"|ได้รับการสนับสนุน|ทุนจาก|资助|資助|赞助|贊助|出资|出資|후원|지원을 받|지원으로",
        ),
    },
}


# What a whole document must speak of when a question asks about it: "When did Thailand ban plastic
# bags?" is not answered by a document on Thailand's recycling target that names no ban at all, though
# the sentence giving the date need not repeat the word ("wet markets covered before 2024").
_TOPICS: dict[str, tuple[str, str]] = {
    "ban": (
        r"\b(?:ban(?:s|ned|ning)?|prohibit\w*|forbid\w*|outlaw\w*|(?:me|di|pe)?larang\w*"
        r"|(?:meng|di|peng)haram\w*|cấm|ipinagbawal|ipagbawal|bawal)\b"
        r"|ห้าม|禁止|禁用|禁塑|금지|ហាមឃាត់|ຫ້າມ|ပိတ်ပင်|တားမြစ်",
        r"\b(?:ban(?:s|ned|ning)?|prohibit\w*|forbid\w*|forbade|outlaw\w*|no longer|phase[sd]? out"
        r"|phasing out|(?:me|di|pe)?larang\w*|(?:meng|di|peng)haram\w*|cấm|ipinagbawal|bawal)\b"
        r"|ห้าม|งด|禁|금지|ហាមឃាត់|ຫ້າມ|ပိတ်ပင်|တားမြစ်",
    ),
}


# "How many machines were actually installed by 2022?" asks what happened: a target ("place one machine
# in each atoll by 2022", under "Targets") or a proposal does not state it.
_ACTUAL_ASKED = re.compile(
    r"\bactual(?:ly)?\b|\bin (?:practice|reality)\b|\bso far\b|\bto date\b|\breally\b"
    # "What recycling rate did Korea reach in 2022?" asks what was reached, not a target for 2022.
    r"|\b(?:did|has|have|had)\b(?:\s+\S+){0,5}?\s+(?:reach(?:ed)?|achiev(?:e|ed)|attain(?:ed)?|record(?:ed)?)\b"
    r"|\bsebenarnya\b|\bsesungguhnya\b|\b(?:te)?realisasi\b|\bthực tế\b|\bthực sự\b|\btalaga\b"
    r"|\baktwal\b|\bsetakat (?:ini|ni)\b|\bsejauh ini\b|\bhingga kini\b|\bcho đến nay\b|\btính đến nay\b"
    r"|\bsa ngayon\b|จริง|จนถึงปัจจุบัน|ถึงตอนนี้|实际|實際|迄今|至今|到目前为止|실제|지금까지",
    re.IGNORECASE,
)
# Plans, targets and proposals in every language answered; "will" and "expected" only for an amount: "the
# scheme will start on 1 April" does say when it actually starts.
_PLANNED = re.compile(
    r"\b(?:targets?|targeted|aims?|aimed|goals?|plans?|planned|propos\w*|pledge[sd]?|intends?|envisag\w*"
    r"|draft|consult\w*|rencana|sasaran|usulan|konsultasi|mục tiêu|kế hoạch|dự kiến|đề xuất|tham vấn|layunin"
    r"|plano|panukala)\b|เป้าหมาย|แผน|ประชาพิจารณ์|目标|目標|计划|計劃|拟|擬|征求意见|목표|계획|의견 ?수렴",
    re.IGNORECASE,
)
# What could be ("Ipoh can avoid 50 million straws a year") is no more what happened than what will be.
_FORESEEN = re.compile(
    r"\b(?:will|shall|expects?|expected|can|could|would|might|akan|sẽ)\b|预计|預計|将|將|예정", re.IGNORECASE
)


def asks_actual(question: str) -> bool:
    """Whether a question asks what actually happened ("actually installed", "so far"), not a plan."""
    return _ACTUAL_ASKED.search(question) is not None


def planned(text: str, kind: str) -> bool:
    """Whether a sentence (or its section's heading) speaks of a plan, target or proposal rather than
    what happened; for an amount, also of what will or is expected to happen."""
    return _PLANNED.search(text) is not None or (kind == "number" and _FORESEEN.search(text) is not None)


# Whom an amount is for: "the fine for an individual" is not answered by "companies face a fine of up to
# NZ$100,000", nor a shopper's fine by the penalty for making or importing bags.
_ACTORS = {
    "person": re.compile(
        r"\b(?:individuals?|persons?|people|citizens?|consumers?|shoppers?|customers?|residents?|tourists?"
        r"|visitors?|households?|perorangan|individu|cá nhân|người dân|indibidwal|mamimili)\b"
        r"|บุคคล|ประชาชน|个人|個人|消费者|消費者|개인|소비자",
        re.IGNORECASE,
    ),
    "business": re.compile(
        r"\b(?:compan(?:y|ies)|corporat\w*|business(?:es)?|firms?|retailers?|shops?|stores?|producers?"
        r"|manufactur\w*|importers?|importing|making|establishments?|vendors?|traders?|syarikat|perusahaan"
        r"|peniaga|doanh nghiệp|cơ sở|kumpanya|negosyo)\b"
        r"|บริษัท|ผู้ประกอบการ|企业|企業|公司|商家|기업|업체|사업자",
        re.IGNORECASE,
    ),
}


def actor_asked(question: str) -> str:
    """Whom an asked amount is for: "person", "business", or "" (neither, or both named)."""
    named = [actor for actor, words in _ACTORS.items() if words.search(question)]
    return named[0] if len(named) == 1 else ""


def speaks_only_of_other_actor(sentence: str, actor: str) -> bool:
    """Whether a sentence names only the other kind of actor than the one asked about."""
    other = "business" if actor == "person" else "person"
    return _ACTORS[other].search(sentence) is not None and _ACTORS[actor].search(sentence) is None


def _compiled(table: dict[str, tuple[str, str]]) -> dict[str, tuple[re.Pattern[str], re.Pattern[str]]]:
    """Each (how a question asks, how a text speaks of it) pair, compiled without regard to case."""
    return {name: (re.compile(a, re.I), re.compile(s, re.I)) for name, (a, s) in table.items()}


_COMPILED = {kind: _compiled(things) for kind, things in _SPECIFICS.items()}
_TOPICS_COMPILED = _compiled(_TOPICS)


def asked_of(question: str, kind: str) -> tuple[str, ...]:
    """The specific things a question of `kind` asks about ("penalty", "tax", "start", "end"); read the
    question together with the English of its glossary terms."""
    return tuple(name for name, (asks, _) in _COMPILED.get(kind, {}).items() if asks.search(question))


def speaks_of(sentence: str, kind: str, things: tuple[str, ...]) -> bool:
    """Whether a sentence speaks of every specific thing asked."""
    table = _COMPILED.get(kind, {})
    return all(table[name][1].search(sentence) is not None for name in things)


def topics_asked(question: str) -> tuple[str, ...]:
    """What a question asks about that its source document must speak of somewhere ("ban")."""
    return tuple(name for name, (asks, _) in _TOPICS_COMPILED.items() if asks.search(question))


def document_speaks_of(text: str, topics: tuple[str, ...]) -> bool:
    """Whether a document's text speaks of every topic asked."""
    return all(_TOPICS_COMPILED[name][1].search(text) is not None for name in topics)
