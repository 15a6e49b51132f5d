"""Places named in text: countries (with demonyms and local spellings), cities and provinces, regions.

ASEAN, East Asia and South Asia first; a few cities elsewhere where plastics meetings are held.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

# canonical name: other names and demonyms (matched case-sensitively, whole words)
COUNTRIES: dict[str, str] = {
    "Brunei Darussalam": "Brunei|Bruneian|Negara Brunei Darussalam",
    "Cambodia": "Cambodian|Kingdom of Cambodia|Kampuchea|Khmer",
    "Indonesia": "Indonesian|Republic of Indonesia",
    "Lao PDR": "Laos|Lao People's Democratic Republic|Lao People’s Democratic Republic|Lao|Laotian",
    "Malaysia": "Malaysian",
    "Myanmar": "Burma|Burmese|Myanmar's",
    "Philippines": "the Philippines|Philippine|Filipino|Pilipinas",
    "Singapore": "Singaporean|Republic of Singapore",
    "Thailand": "Thai|Kingdom of Thailand|Siam|ประเทศไทย",
    "Viet Nam": "Vietnam|Việt Nam|Vietnamese|Socialist Republic of Viet Nam",
    "Timor-Leste": "East Timor|Timorese|Timor Leste",
    "China": "Chinese|People's Republic of China|People’s Republic of China|PRC|中国|中華人民共和國",
    "Japan": "Japanese|日本",
    "Republic of Korea": "South Korea|Korea|Korean|ROK|대한민국|한국",
    "North Korea": "DPRK|Democratic People's Republic of Korea|North Korean",
    "Mongolia": "Mongolian",
    "Taiwan": "Taiwanese|台灣|台湾",
    "India": "Indian|भारत",
    "Bangladesh": "Bangladeshi",
    "Pakistan": "Pakistani",
    "Sri Lanka": "Sri Lankan",
    "Nepal": "Nepalese|Nepali",
    "Bhutan": "Bhutanese",
    "Maldives": "Maldivian",
    # Elsewhere, names only: demonyms there ("UK Ambassador") say little about a document's place.
    "France": "",
    "Kenya": "",
    "Canada": "",
    "Switzerland": "",
    "Uruguay": "",
    "Australia": "",
    "Portugal": "",
    "Colombia": "",
    "United States": "USA|U.S.|United States of America",
    "United Kingdom": "UK|U.K.",
}

# city or province: (country, other names)
CITIES: dict[str, tuple[str, str]] = {
    "Bandar Seri Begawan": ("Brunei Darussalam", ""),
    "Brunei Muara": ("Brunei Darussalam", "Brunei-Muara"),
    "Phnom Penh": ("Cambodia", ""),
    "Siem Reap": ("Cambodia", ""),
    "Sihanoukville": ("Cambodia", ""),
    "Jakarta": ("Indonesia", "DKI Jakarta"),
    "Bali": ("Indonesia", "Denpasar"),
    "Bogor": ("Indonesia", "Bogor City"),
    "Bandung": ("Indonesia", ""),
    "Surabaya": ("Indonesia", ""),
    "West Java": ("Indonesia", "Jawa Barat"),
    "Vientiane": ("Lao PDR", "Vientiane Capital"),
    "Luang Prabang": ("Lao PDR", ""),
    "Kuala Lumpur": ("Malaysia", "KL"),
    "Putrajaya": ("Malaysia", ""),
    "Petaling Jaya": ("Malaysia", ""),
    "Penang": ("Malaysia", "Pulau Pinang|George Town"),
    "Selangor": ("Malaysia", ""),
    "Johor Bahru": ("Malaysia", ""),
    "Sabah": ("Malaysia", "Kota Kinabalu"),
    "Sarawak": ("Malaysia", "Kuching"),
    "Yangon": ("Myanmar", "Rangoon"),
    "Mandalay": ("Myanmar", ""),
    "Naypyidaw": ("Myanmar", "Nay Pyi Taw"),
    "Quezon City": ("Philippines", ""),
    "Manila": ("Philippines", "City of Manila"),
    "Metro Manila": ("Philippines", "National Capital Region"),
    "Cebu": ("Philippines", "Cebu City"),
    "Davao": ("Philippines", "Davao City"),
    "Bangkok": ("Thailand", "Krung Thep|กรุงเทพมหานคร"),
    "Chiang Mai": ("Thailand", ""),
    "Phuket": ("Thailand", ""),
    "Hua Hin": ("Thailand", ""),
    "Hanoi": ("Viet Nam", "Ha Noi|Hà Nội"),
    "Ho Chi Minh City": ("Viet Nam", "Saigon|Hồ Chí Minh|Ho Chi Minh"),
    "Da Nang": ("Viet Nam", "Danang|Đà Nẵng"),
    "Hai Phong": ("Viet Nam", "Haiphong"),
    "Dili": ("Timor-Leste", ""),
    "Beijing": ("China", "Peking|北京"),
    "Shanghai": ("China", "上海"),
    "Shenzhen": ("China", ""),
    "Guangzhou": ("China", ""),
    "Tianjin": ("China", ""),
    "Kunming": ("China", ""),
    "Hainan": ("China", "Hainan Province|Hainan Special Economic Zone|海南"),
    "Hong Kong": ("China", "Hong Kong SAR|香港"),
    "Macao": ("China", "Macau"),
    "Tokyo": ("Japan", "東京"),
    "Osaka": ("Japan", ""),
    "Kyoto": ("Japan", ""),
    "Kobe": ("Japan", ""),
    "Kamikatsu": ("Japan", "Kamikatsu-cho|Kamikatsu Town"),
    "Seoul": ("Republic of Korea", "서울"),
    "Busan": ("Republic of Korea", "Pusan|부산"),
    "Incheon": ("Republic of Korea", ""),
    "Jeju": ("Republic of Korea", "Jeju Island"),
    "Ulaanbaatar": ("Mongolia", "Ulan Bator"),
    "Taipei": ("Taiwan", "Taipei City|台北"),
    "Kaohsiung": ("Taiwan", ""),
    "New Delhi": ("India", "Delhi"),
    "Mumbai": ("India", "Bombay"),
    "Chennai": ("India", "Madras"),
    "Bengaluru": ("India", "Bangalore"),
    "Kolkata": ("India", "Calcutta"),
    "Maharashtra": ("India", ""),
    "Tamil Nadu": ("India", ""),
    "Kerala": ("India", ""),
    "Dhaka": ("Bangladesh", "Dacca"),
    "Karachi": ("Pakistan", ""),
    "Islamabad": ("Pakistan", ""),
    "Lahore": ("Pakistan", ""),
    "Colombo": ("Sri Lanka", ""),
    "Kathmandu": ("Nepal", ""),
    "Thimphu": ("Bhutan", ""),
    "Paris": ("France", ""),
    "Nairobi": ("Kenya", ""),
    "Ottawa": ("Canada", ""),
    "Geneva": ("Switzerland", ""),
    "Punta del Este": ("Uruguay", ""),
    "Adelaide": ("Australia", ""),
    "Matosinhos": ("Portugal", ""),
    "Cali": ("Colombia", ""),
    "New York": ("United States", ""),
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


@dataclass(frozen=True)
class Place:
    """One place named in a text: canonical `name`, its `country` ('' for a region), kind and where."""

    name: str
    country: str
    kind: str  # "country" | "city" | "region"
    span: tuple[int, int]


def _alternatives(canonical: str, others: str) -> list[str]:
    return [canonical, *filter(None, others.split("|"))]


@cache
def _table() -> tuple[re.Pattern[str], dict[str, tuple[str, str, str]]]:
    """One regex over every name (longest first) and name -> (canonical, country, kind)."""
    names: dict[str, tuple[str, str, str]] = {}
    for region, others in REGIONS.items():
        for name in _alternatives(region, others):
            names[name] = (region, "", "region")
    for country, others in COUNTRIES.items():
        for name in _alternatives(country, others):
            names[name] = (country, country, "country")
    for city, (country, others) in CITIES.items():
        for name in _alternatives(city, others):
            names[name] = (city, country, "city")
    alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    # Whole words; "Indian Ocean" and "Korean won" are no places.
    pattern = re.compile(rf"(?<![\w-])(?:{alternation})(?![\w]|-\w|\s+Ocean\b)")
    return pattern, names


@cache
def _folded() -> tuple[re.Pattern[str], dict[str, tuple[str, str, str]]]:
    """The same over names in any case, but acronyms ("KL", "PRC"), which lower-cased are words,
    only as written."""
    _, names = _table()
    folded = {n.casefold(): v for n, v in names.items() if not n.isupper() and len(n) >= 3}
    acronyms = {n: v for n, v in names.items() if n.isupper() and n.isascii()}
    words = "|".join(re.escape(n) for n in sorted(folded, key=len, reverse=True))
    capitals = "|".join(re.escape(n) for n in sorted(acronyms, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w-])(?:(?i:{words})|{capitals})(?![\w]|-\w|\s+(?i:ocean)\b)")
    return pattern, folded | acronyms


def find_places(text: str, *, any_case: bool = False) -> list[Place]:
    """Every country, city or region named in `text`, in order. `any_case` reads a question typed
    in lower case ("how much waste did korea generate?"); documents are read as written."""
    pattern, names = _folded() if any_case else _table()
    found = []
    for m in pattern.finditer(text):
        name = m.group()
        canonical, country, kind = names[name] if name in names else names[name.casefold()]
        found.append(Place(canonical, country, kind, m.span()))
    return found


def country_of(name: str) -> str:
    """The canonical country of a country, city or demonym name, or '' if unknown."""
    places = find_places(name.strip())
    return places[0].country if places else ""
