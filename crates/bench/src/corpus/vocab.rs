//! The lexicon the synthetic corpus is written from.
//!
//! The lists are deliberately broad: the benchmark is only meaningful if the
//! pipeline meets what real archives contain (names in several spellings,
//! outlets with different house styles, many kinds of event), not one text
//! copied a hundred thousand times.

/// A person the news talks about, with the spellings outlets use for them.
#[derive(Debug)]
pub struct Person {
    pub slug: &'static str,
    pub name: &'static str,
    /// Other spellings and short forms; the first is the usual short form.
    pub aliases: &'static [&'static str],
    /// The office named before the name ("الرئيس الروسي").
    pub role: &'static str,
    pub english: &'static str,
}

pub const PEOPLE: &[Person] = &[
    Person {
        slug: "donald-trump",
        name: "دونالد ترامب",
        aliases: &["ترامب", "ترمب", "دونالد ترمب"],
        role: "الرئيس الأميركي",
        english: "Donald Trump",
    },
    Person {
        slug: "vladimir-putin",
        name: "فلاديمير بوتين",
        aliases: &["بوتين"],
        role: "الرئيس الروسي",
        english: "Vladimir Putin",
    },
    Person {
        slug: "benjamin-netanyahu",
        name: "بنيامين نتنياهو",
        aliases: &["نتنياهو", "نتانياهو", "بنيامين نتانياهو"],
        role: "رئيس الوزراء الإسرائيلي",
        english: "Benjamin Netanyahu",
    },
    Person {
        slug: "kim-jong-un",
        name: "كيم جونغ أون",
        aliases: &["كيم", "كيم جونغ-أون"],
        role: "الزعيم الكوري الشمالي",
        english: "Kim Jong Un",
    },
    Person {
        slug: "volodymyr-zelensky",
        name: "فولوديمير زيلينسكي",
        aliases: &["زيلينسكي", "زيلنسكي"],
        role: "الرئيس الأوكراني",
        english: "Volodymyr Zelensky",
    },
    Person {
        slug: "recep-tayyip-erdogan",
        name: "رجب طيب أردوغان",
        aliases: &["أردوغان", "إردوغان"],
        role: "الرئيس التركي",
        english: "Recep Tayyip Erdogan",
    },
    Person {
        slug: "emmanuel-macron",
        name: "إيمانويل ماكرون",
        aliases: &["ماكرون", "إمانويل ماكرون"],
        role: "الرئيس الفرنسي",
        english: "Emmanuel Macron",
    },
    Person {
        slug: "xi-jinping",
        name: "شي جينبينغ",
        aliases: &["شي", "شي جين بينغ"],
        role: "الرئيس الصيني",
        english: "Xi Jinping",
    },
    Person {
        slug: "sergei-lavrov",
        name: "سيرغي لافروف",
        aliases: &["لافروف", "سيرجي لافروف"],
        role: "وزير الخارجية الروسي",
        english: "Sergei Lavrov",
    },
    Person {
        slug: "antonio-guterres",
        name: "أنطونيو غوتيريش",
        aliases: &["غوتيريش", "جوتيريش"],
        role: "الأمين العام للأمم المتحدة",
        english: "António Guterres",
    },
    Person {
        slug: "olaf-scholz",
        name: "أولاف شولتس",
        aliases: &["شولتس", "شولتز"],
        role: "المستشار الألماني",
        english: "Olaf Scholz",
    },
    Person {
        slug: "abdel-fattah-el-sisi",
        name: "عبد الفتاح السيسي",
        aliases: &["السيسي", "عبدالفتاح السيسي"],
        role: "الرئيس المصري",
        english: "Abdel Fattah el-Sisi",
    },
    Person {
        slug: "keir-starmer",
        name: "كير ستارمر",
        aliases: &["ستارمر"],
        role: "رئيس الوزراء البريطاني",
        english: "Keir Starmer",
    },
    Person {
        slug: "masoud-pezeshkian",
        name: "مسعود بزشكيان",
        aliases: &["بزشكيان", "بيزشكيان"],
        role: "الرئيس الإيراني",
        english: "Masoud Pezeshkian",
    },
    Person {
        slug: "narendra-modi",
        name: "ناريندرا مودي",
        aliases: &["مودي", "نارندرا مودي"],
        role: "رئيس الوزراء الهندي",
        english: "Narendra Modi",
    },
    Person {
        slug: "marco-rubio",
        name: "ماركو روبيو",
        aliases: &["روبيو"],
        role: "وزير الخارجية الأميركي",
        english: "Marco Rubio",
    },
    Person {
        slug: "ursula-von-der-leyen",
        name: "أورسولا فون دير لاين",
        aliases: &["فون دير لاين", "فون ديرلاين"],
        role: "رئيسة المفوضية الأوروبية",
        english: "Ursula von der Leyen",
    },
    Person {
        slug: "lee-jae-myung",
        name: "لي جاي ميونغ",
        aliases: &["لي جاي-ميونغ"],
        role: "الرئيس الكوري الجنوبي",
        english: "Lee Jae-myung",
    },
    Person {
        slug: "rafael-grossi",
        name: "رافاييل غروسي",
        aliases: &["غروسي", "رافائيل غروسي"],
        role: "المدير العام للوكالة الدولية للطاقة الذرية",
        english: "Rafael Grossi",
    },
    Person {
        slug: "tedros-ghebreyesus",
        name: "تيدروس أدهانوم غيبريسوس",
        aliases: &["تيدروس", "غيبريسوس"],
        role: "المدير العام لمنظمة الصحة العالمية",
        english: "Tedros Adhanom Ghebreyesus",
    },
];

/// A place: its name, and whether it is a country (for "الرئيس الـX" style
/// phrases) or a city (for datelines).
#[derive(Debug)]
pub struct Place {
    pub slug: &'static str,
    pub name: &'static str,
    pub aliases: &'static [&'static str],
    pub english: &'static str,
}

pub const COUNTRIES: &[Place] = &[
    Place {
        slug: "russia",
        name: "روسيا",
        aliases: &[],
        english: "Russia",
    },
    Place {
        slug: "ukraine",
        name: "أوكرانيا",
        aliases: &[],
        english: "Ukraine",
    },
    Place {
        slug: "north-korea",
        name: "كوريا الشمالية",
        aliases: &["كوريا الديمقراطية"],
        english: "North Korea",
    },
    Place {
        slug: "south-korea",
        name: "كوريا الجنوبية",
        aliases: &[],
        english: "South Korea",
    },
    Place {
        slug: "china",
        name: "الصين",
        aliases: &[],
        english: "China",
    },
    Place {
        slug: "iran",
        name: "إيران",
        aliases: &[],
        english: "Iran",
    },
    Place {
        slug: "turkey",
        name: "تركيا",
        aliases: &[],
        english: "Turkey",
    },
    Place {
        slug: "france",
        name: "فرنسا",
        aliases: &[],
        english: "France",
    },
    Place {
        slug: "germany",
        name: "ألمانيا",
        aliases: &[],
        english: "Germany",
    },
    Place {
        slug: "egypt",
        name: "مصر",
        aliases: &[],
        english: "Egypt",
    },
    Place {
        slug: "saudi-arabia",
        name: "السعودية",
        aliases: &["المملكة العربية السعودية"],
        english: "Saudi Arabia",
    },
    Place {
        slug: "syria",
        name: "سوريا",
        aliases: &["سورية"],
        english: "Syria",
    },
    Place {
        slug: "lebanon",
        name: "لبنان",
        aliases: &[],
        english: "Lebanon",
    },
    Place {
        slug: "iraq",
        name: "العراق",
        aliases: &[],
        english: "Iraq",
    },
    Place {
        slug: "qatar",
        name: "قطر",
        aliases: &[],
        english: "Qatar",
    },
    Place {
        slug: "united-states",
        name: "الولايات المتحدة",
        aliases: &["أميركا", "أمريكا"],
        english: "United States",
    },
    Place {
        slug: "israel",
        name: "إسرائيل",
        aliases: &[],
        english: "Israel",
    },
    Place {
        slug: "japan",
        name: "اليابان",
        aliases: &[],
        english: "Japan",
    },
    Place {
        slug: "india",
        name: "الهند",
        aliases: &[],
        english: "India",
    },
    Place {
        slug: "sudan",
        name: "السودان",
        aliases: &[],
        english: "Sudan",
    },
    Place {
        slug: "libya",
        name: "ليبيا",
        aliases: &[],
        english: "Libya",
    },
    Place {
        slug: "algeria",
        name: "الجزائر",
        aliases: &[],
        english: "Algeria",
    },
    Place {
        slug: "morocco",
        name: "المغرب",
        aliases: &[],
        english: "Morocco",
    },
    Place {
        slug: "yemen",
        name: "اليمن",
        aliases: &[],
        english: "Yemen",
    },
];

pub const CITIES: &[Place] = &[
    Place {
        slug: "moscow",
        name: "موسكو",
        aliases: &[],
        english: "Moscow",
    },
    Place {
        slug: "washington",
        name: "واشنطن",
        aliases: &[],
        english: "Washington",
    },
    Place {
        slug: "pyongyang",
        name: "بيونغ يانغ",
        aliases: &["بيونغيانغ"],
        english: "Pyongyang",
    },
    Place {
        slug: "kyiv",
        name: "كييف",
        aliases: &[],
        english: "Kyiv",
    },
    Place {
        slug: "gaza",
        name: "غزة",
        aliases: &[],
        english: "Gaza",
    },
    Place {
        slug: "jerusalem",
        name: "القدس",
        aliases: &[],
        english: "Jerusalem",
    },
    Place {
        slug: "tehran",
        name: "طهران",
        aliases: &[],
        english: "Tehran",
    },
    Place {
        slug: "beijing",
        name: "بكين",
        aliases: &[],
        english: "Beijing",
    },
    Place {
        slug: "ankara",
        name: "أنقرة",
        aliases: &[],
        english: "Ankara",
    },
    Place {
        slug: "paris",
        name: "باريس",
        aliases: &[],
        english: "Paris",
    },
    Place {
        slug: "berlin",
        name: "برلين",
        aliases: &[],
        english: "Berlin",
    },
    Place {
        slug: "london",
        name: "لندن",
        aliases: &[],
        english: "London",
    },
    Place {
        slug: "cairo",
        name: "القاهرة",
        aliases: &[],
        english: "Cairo",
    },
    Place {
        slug: "riyadh",
        name: "الرياض",
        aliases: &[],
        english: "Riyadh",
    },
    Place {
        slug: "damascus",
        name: "دمشق",
        aliases: &[],
        english: "Damascus",
    },
    Place {
        slug: "beirut",
        name: "بيروت",
        aliases: &[],
        english: "Beirut",
    },
    Place {
        slug: "baghdad",
        name: "بغداد",
        aliases: &[],
        english: "Baghdad",
    },
    Place {
        slug: "doha",
        name: "الدوحة",
        aliases: &[],
        english: "Doha",
    },
    Place {
        slug: "geneva",
        name: "جنيف",
        aliases: &[],
        english: "Geneva",
    },
    Place {
        slug: "new-york",
        name: "نيويورك",
        aliases: &[],
        english: "New York",
    },
    Place {
        slug: "seoul",
        name: "سيول",
        aliases: &[],
        english: "Seoul",
    },
    Place {
        slug: "tokyo",
        name: "طوكيو",
        aliases: &[],
        english: "Tokyo",
    },
    Place {
        slug: "khartoum",
        name: "الخرطوم",
        aliases: &[],
        english: "Khartoum",
    },
    Place {
        slug: "tripoli",
        name: "طرابلس",
        aliases: &[],
        english: "Tripoli",
    },
    Place {
        slug: "alaska",
        name: "ألاسكا",
        aliases: &[],
        english: "Alaska",
    },
    Place {
        slug: "istanbul",
        name: "إسطنبول",
        aliases: &["اسطنبول"],
        english: "Istanbul",
    },
];

pub const ORGANISATIONS: &[Place] = &[
    Place {
        slug: "united-nations",
        name: "الأمم المتحدة",
        aliases: &["المنظمة الدولية"],
        english: "United Nations",
    },
    Place {
        slug: "security-council",
        name: "مجلس الأمن",
        aliases: &["مجلس الأمن الدولي"],
        english: "UN Security Council",
    },
    Place {
        slug: "nato",
        name: "حلف شمال الأطلسي",
        aliases: &["الناتو", "حلف الناتو"],
        english: "NATO",
    },
    Place {
        slug: "european-union",
        name: "الاتحاد الأوروبي",
        aliases: &[],
        english: "European Union",
    },
    Place {
        slug: "kremlin",
        name: "الكرملين",
        aliases: &[],
        english: "Kremlin",
    },
    Place {
        slug: "white-house",
        name: "البيت الأبيض",
        aliases: &[],
        english: "White House",
    },
    Place {
        slug: "pentagon",
        name: "البنتاغون",
        aliases: &["وزارة الدفاع الأميركية"],
        english: "Pentagon",
    },
    Place {
        slug: "imf",
        name: "صندوق النقد الدولي",
        aliases: &[],
        english: "IMF",
    },
    Place {
        slug: "who",
        name: "منظمة الصحة العالمية",
        aliases: &[],
        english: "WHO",
    },
    Place {
        slug: "arab-league",
        name: "جامعة الدول العربية",
        aliases: &["الجامعة العربية"],
        english: "Arab League",
    },
    Place {
        slug: "opec",
        name: "أوبك",
        aliases: &["منظمة أوبك", "أوبك+"],
        english: "OPEC",
    },
    Place {
        slug: "world-bank",
        name: "البنك الدولي",
        aliases: &[],
        english: "World Bank",
    },
    Place {
        slug: "iaea",
        name: "الوكالة الدولية للطاقة الذرية",
        aliases: &[],
        english: "IAEA",
    },
];

/// How an outlet writes: the evidence nashra must read (sign-offs, datelines,
/// teasers) and the debris it must strip.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum HouseStyle {
    /// Wire copy: no headline line, a lede with the weekday, sign-off and
    /// desk codes at the end (بور/ناش/غ ر, Agence France-Presse ©).
    Wire,
    /// Headline printed several times, a lone "TT" marker, a trailing
    /// "مقالات ذات صلة" block of teasers.
    Newspaper,
    /// Headline, dek, inline "يقرأ" teasers between paragraphs.
    Portal,
    /// "CITY (Outlet) -" dateline in the lede.
    Agency,
    /// Maghrebi month names and a "نشر في" line.
    Maghreb,
}

#[derive(Debug)]
pub struct Outlet {
    pub name: &'static str,
    /// Phrases that identify the outlet in text (for `site.toml`).
    pub patterns: &'static [&'static str],
    pub style: HouseStyle,
}

pub const OUTLETS: &[Outlet] = &[
    Outlet {
        name: "فرانس برس",
        patterns: &["Agence France-Presse", "فرانس برس", "أ.ف.ب"],
        style: HouseStyle::Wire,
    },
    Outlet {
        name: "الشرق الأوسط",
        patterns: &["«الشرق الأوسط»"],
        style: HouseStyle::Newspaper,
    },
    Outlet {
        name: "الجزيرة",
        patterns: &["للجزيرة", "الجزيرة نت"],
        style: HouseStyle::Portal,
    },
    Outlet {
        name: "رويترز",
        patterns: &["(رويترز)", "Reuters"],
        style: HouseStyle::Agency,
    },
    Outlet {
        name: "سي إن إن",
        patterns: &["(CNN)", "سي إن إن بالعربية"],
        style: HouseStyle::Agency,
    },
    Outlet {
        name: "الخبر",
        patterns: &["«الخبر»", "elkhabar"],
        style: HouseStyle::Maghreb,
    },
    Outlet {
        name: "الأناضول",
        patterns: &["الأناضول"],
        style: HouseStyle::Wire,
    },
    Outlet {
        name: "العربي الجديد",
        patterns: &["العربي الجديد"],
        style: HouseStyle::Portal,
    },
];

/// Desk codes that close AFP-style wire copy.
pub const DESK_CODES: &[&str] = &[
    "بور/ناش/غ ر",
    "م ن/ب ق/ع ش",
    "ح س/س ح",
    "ك ب/ر ج/ب ح",
    "ع ص/م ك",
];

/// The kinds of event the corpus reports. Each kind has its own headlines,
/// ledes and body sentences so that topics and stories have something real
/// to separate.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum EventKind {
    Summit,
    PhoneCall,
    Strike,
    Sanctions,
    Oil,
    Outbreak,
    Quake,
    Election,
    Nuclear,
}

pub const EVENT_KINDS: &[EventKind] = &[
    EventKind::Summit,
    EventKind::PhoneCall,
    EventKind::Strike,
    EventKind::Sanctions,
    EventKind::Oil,
    EventKind::Outbreak,
    EventKind::Quake,
    EventKind::Election,
    EventKind::Nuclear,
];

/// Slots in templates: {A} {B} first and second person (a spelling chosen
/// per mention), {RA} {RB} their roles, {C} a country, {C2} another one,
/// {CITY}, {ORG}, {N} a number, {N2} another, {DAY} the weekday of the
/// event, {Q} a quotation with the outlet's quote marks, {MONTH} a
/// month-and-year phrase; {LOCAL}, {OFFICIAL}, {NAMED} and {PERSON} (see
/// [`LOCAL_DETAILS`]).
impl EventKind {
    pub fn topic(self) -> &'static str {
        match self {
            EventKind::Summit | EventKind::PhoneCall | EventKind::Election => "politics",
            EventKind::Strike | EventKind::Nuclear => "military",
            EventKind::Sanctions | EventKind::Oil => "economy",
            EventKind::Outbreak => "health",
            EventKind::Quake => "disasters",
        }
    }

    pub fn headlines(self) -> &'static [&'static str] {
        match self {
            EventKind::Summit => &[
                "{A} و{B} يعقدان قمة في {CITY} لبحث العلاقات الثنائية",
                "قمة مرتقبة بين {A} و{B} في {CITY}",
                "{A} يلتقي {B} في {CITY} وسط ترقب دولي",
                "لقاء {A} و{B}: ملفات شائكة على طاولة {CITY}",
            ],
            EventKind::PhoneCall => &[
                "{A} يبحث هاتفيا مع {B} تعزيز التعاون",
                "اتصال هاتفي بين {A} و{B} قبل أيام من محادثات حاسمة",
                "{B} يتلقى اتصالا من {A} بشأن الأزمة",
            ],
            EventKind::Strike => &[
                "{C} تعلن إسقاط {N} مسيّرة أطلقت من {C2}",
                "هجوم بالمسيّرات على {CITY} وسقوط {N} قتلى",
                "قصف مكثف على {CITY} و{C} تتوعد بالرد",
                "غارات جديدة على {CITY} تخلف {N} قتيلا",
            ],
            EventKind::Sanctions => &[
                "{ORG} يفرض عقوبات جديدة على {C}",
                "عقوبات جديدة على {C} تستهدف قطاع الطاقة",
                "{C} تندد بالعقوبات الجديدة وتتوعد بالرد",
            ],
            EventKind::Oil => &[
                "أسعار النفط ترتفع {N2} بالمئة بعد قرار {ORG}",
                "النفط يقفز إلى {N} دولارا للبرميل",
                "{ORG} تقرر خفض الإنتاج وأسعار الخام تتفاعل",
            ],
            EventKind::Outbreak => &[
                "{ORG} تحذر من تفشي الكوليرا في {C}",
                "تسجيل {N} إصابة جديدة بالكوليرا في {C}",
                "الكوليرا تنتشر في {C} و{ORG} تطلق نداء عاجلا",
            ],
            EventKind::Quake => &[
                "زلزال بقوة {M} درجات يضرب {C}",
                "مقتل {N} شخصا في زلزال عنيف ضرب {C}",
                "هزة أرضية قوية تضرب {CITY} وفرق الإنقاذ تبحث عن ناجين",
            ],
            EventKind::Election => &[
                "الناخبون في {C} يدلون بأصواتهم في انتخابات حاسمة",
                "نتائج أولية للانتخابات في {C} ونسبة المشاركة {N2} بالمئة",
                "انتخابات {C}: {A} يعلن فوزه والمعارضة تطعن",
            ],
            EventKind::Nuclear => &[
                "{ORG} تبحث مع {C} ملف البرنامج النووي",
                "{C} تجري تجربة صاروخية جديدة و{C2} تندد",
                "مخاوف من تصعيد نووي بعد إطلاق {C} صاروخا باليستيا",
            ],
        }
    }

    pub fn ledes(self) -> &'static [&'static str] {
        match self {
            EventKind::Summit => &[
                "التقى {RA} {A} {RB} {B} {DAY} في {CITY}، في أول قمة بين الجانبين منذ {N2} سنوات، وسط تساؤلات عن قدرتها على تحقيق اختراق.",
                "يعقد {RA} {A} و{RB} {B} قمة {DAY} في {CITY} تتناول الحرب والعقوبات والتعاون الاقتصادي، بحسب ما أعلن {ORG}.",
                "وصل {A} إلى {CITY} {DAY} للقاء {B}، في زيارة وصفها مسؤولون بأنها محطة مهمة في علاقات البلدين.",
            ],
            EventKind::PhoneCall => &[
                "بحث {RA} {A} مع {RB} {B} في اتصال هاتفي {DAY} سبل تعزيز التعاون بين بلديهما، وفق ما أفاد {ORG}.",
                "أجرى {A} اتصالا هاتفيا مع {B} {DAY} تناول فيه الأوضاع في {C} والجهود المبذولة لوقف التصعيد.",
                "أعلن {ORG} {DAY} أن {A} و{B} تحدثا هاتفيا في أجواء وصفها بأنها إيجابية وبناءة.",
            ],
            EventKind::Strike => &[
                "أعلنت {C} {DAY} أن دفاعاتها الجوية أسقطت {N} مسيّرة أطلقتها {C2} خلال الليل، فيما أفادت السلطات المحلية بسقوط قتلى في {CITY}.",
                "قتل {N} أشخاص على الأقل وأصيب العشرات في قصف استهدف {CITY} {DAY}، بحسب ما أعلنت السلطات.",
                "تعرضت {CITY} لهجوم واسع بالصواريخ والمسيّرات فجر {DAY}، في واحد من أعنف الهجمات منذ أشهر.",
            ],
            EventKind::Sanctions => &[
                "أعلن {ORG} {DAY} حزمة عقوبات جديدة على {C} تستهدف صادرات النفط والمصارف وشركات الشحن.",
                "فرض {ORG} عقوبات إضافية على {N} شركة وفردا في {C}، في خطوة قال إنها تهدف إلى تجفيف مصادر التمويل.",
                "ندّدت {C} {DAY} بالعقوبات التي أعلنها {ORG}، ووصفتها بأنها غير قانونية وتضر بالاقتصاد العالمي.",
            ],
            EventKind::Oil => &[
                "ارتفعت أسعار النفط {DAY} بنسبة {N2} بالمئة بعد أن قررت {ORG} خفض الإنتاج، ليصل سعر البرميل إلى {N} دولارا.",
                "قفزت أسعار الخام في الأسواق العالمية {DAY} مع تزايد المخاوف من نقص الإمدادات بسبب التوتر في {C}.",
                "قررت {ORG} في اجتماعها {DAY} خفض إنتاجها اليومي بمقدار {N} ألف برميل، ما دفع الأسعار إلى الارتفاع.",
            ],
            EventKind::Outbreak => &[
                "حذرت {ORG} {DAY} من تفشي وباء الكوليرا في {C} بعد تسجيل {N} إصابة خلال أسبوع واحد.",
                "أعلنت السلطات الصحية في {C} {DAY} ارتفاع عدد الإصابات بالكوليرا إلى {N} حالة، بينهم أطفال.",
                "أطلقت {ORG} نداء عاجلا {DAY} لجمع التمويل لمواجهة تفشي الكوليرا في {C}.",
            ],
            EventKind::Quake => &[
                "ضرب زلزال بقوة {M} درجات على مقياس ريختر {C} {DAY}، ما أدى إلى مقتل {N} شخصا على الأقل وانهيار مبان.",
                "هزّ زلزال عنيف مناطق واسعة من {C} فجر {DAY}، وشعر به سكان {CITY} والمدن المجاورة.",
                "ارتفعت حصيلة ضحايا الزلزال الذي ضرب {C} {DAY} إلى {N} قتيلا، وفق ما أعلنت فرق الإنقاذ.",
            ],
            EventKind::Election => &[
                "توجه الناخبون في {C} {DAY} إلى صناديق الاقتراع لاختيار رئيس جديد، في انتخابات يتنافس فيها {N} مرشحين.",
                "أعلنت اللجنة الانتخابية في {C} {DAY} أن نسبة المشاركة بلغت {N2} بالمئة، وسط إجراءات أمنية مشددة.",
                "أعلن {A} فوزه في الانتخابات التي جرت في {C} {DAY}، فيما طعنت المعارضة في النتائج.",
            ],
            EventKind::Nuclear => &[
                "أطلقت {C} {DAY} صاروخا باليستيا سقط في البحر، في أحدث تجربة من نوعها هذا العام، وفق ما أعلنت {C2}.",
                "بحث {RA} {A} مع مسؤولين في {ORG} {DAY} مستقبل البرنامج النووي لـ{C} وآليات التفتيش.",
                "حذرت {ORG} {DAY} من أن مخزون {C} من اليورانيوم المخصب ارتفع بنسبة {N2} بالمئة خلال أشهر.",
            ],
        }
    }

    /// Sentences only this kind of event tells.
    pub fn details(self) -> &'static [&'static str] {
        match self {
            EventKind::Summit | EventKind::PhoneCall => &[
                "وأكد {A} أن بلاده مستعدة لتعزيز التعاون مع {C} في مجالات الطاقة والتجارة والأمن.",
                "وقال {B} إن المحادثات كانت {Q}، مضيفا أن الجانبين اتفقا على مواصلة الاتصالات.",
                "وأفاد {ORG} في بيان بأن الزعيمين تبادلا وجهات النظر بشأن القضايا ذات الاهتمام المشترك.",
                "ويأتي اللقاء قبل أيام من اجتماع مرتقب لـ{ORG} يتوقع أن يناقش الأزمة في {C}.",
                "وتوطدت العلاقات بين البلدين في السنوات الأخيرة مع توقيع اتفاقات للدفاع والتجارة.",
                "وأشار مراقبون إلى أن القمة تعكس رغبة {A} في إظهار أن بلاده ليست معزولة على الساحة الدولية.",
                "وسبق أن التقى {A} و{B} في {CITY} قبل {N2} سنوات، في قمة انتهت دون اتفاق.",
                "وبحث الجانبان أيضا ملف الأسرى وتبادل الجثامين وفتح ممرات إنسانية.",
            ],
            EventKind::Strike | EventKind::Nuclear => &[
                "وقال متحدث عسكري إن الدفاعات الجوية تصدت لـ{N} صاروخا ومسيّرة خلال الليل.",
                "وأظهرت صور نشرت على مواقع التواصل الاجتماعي أعمدة دخان تتصاعد فوق {CITY}.",
                "واتهمت {C} جارتها {C2} بانتهاك الاتفاقات الدولية، وطالبت {ORG} بالتحرك.",
                "وأعلن الجيش أنه نفذ ضربات على مواقع عسكرية ومستودعات أسلحة ردا على الهجوم.",
                "وقال {A}: {Q}، متعهدا بالرد على أي اعتداء.",
                "وتقول أجهزة استخبارات غربية إن {C} تلقت أسلحة وذخائر من {C2} خلال الأشهر الماضية.",
                "ودعا {ORG} إلى ضبط النفس ووقف التصعيد فورا لتجنب حرب أوسع.",
                "وأفاد شهود بسماع دوي انفجارات قوية في أنحاء {CITY} بعد منتصف الليل.",
            ],
            EventKind::Sanctions | EventKind::Oil => &[
                "وتراجعت العملة المحلية في {C} بنسبة {N2} بالمئة أمام الدولار بعد الإعلان.",
                "وقال محللون إن العقوبات قد ترفع أسعار الطاقة في الأسواق الأوروبية خلال الشتاء.",
                "وأكد {ORG} أن الإجراءات تستهدف الشركات التي تساعد على الالتفاف على القيود.",
                "وبلغ سعر خام برنت {N} دولارا للبرميل، في أعلى مستوى له منذ أشهر.",
                "وقال وزير المالية في {C}: {Q}.",
                "ويعتمد اقتصاد {C} إلى حد كبير على صادرات النفط والغاز إلى آسيا.",
                "وتوقع صندوق النقد أن يتباطأ النمو الاقتصادي إلى {N2} بالمئة هذا العام.",
                "وارتفعت أسهم شركات الطاقة في البورصات الخليجية عند الافتتاح.",
            ],
            EventKind::Outbreak => &[
                "وقالت {ORG} إن المستشفيات في {CITY} تعاني من نقص حاد في الأدوية والمحاليل.",
                "وأوضح مسؤول صحي أن أغلب الإصابات سجلت في مخيمات النازحين حيث تنعدم المياه النظيفة.",
                "وأطلقت السلطات حملة تطعيم تستهدف {N} ألف شخص في المناطق الأكثر تضررا.",
                "وقال المتحدث باسم {ORG} إن الوضع {Q}.",
                "وحذرت منظمات إغاثة من أن موسم الأمطار قد يسرّع انتشار العدوى.",
            ],
            EventKind::Quake => &[
                "وقال الدفاع المدني إن فرق الإنقاذ تواصل البحث عن ناجين تحت الأنقاض.",
                "وأعلنت السلطات الحداد ثلاثة أيام على أرواح الضحايا.",
                "وأرسلت {C2} فرق إغاثة وطائرات محملة بالمساعدات إلى المناطق المنكوبة.",
                "وأفاد المعهد الجيولوجي بأن مركز الزلزال كان على عمق {N2} كيلومترات.",
                "وقال أحد السكان إن {Q}.",
                "وتضرر أكثر من {N} مبنى في {CITY} والقرى المحيطة بها.",
            ],
            EventKind::Election => &[
                "وانتشر آلاف من عناصر الأمن حول مراكز الاقتراع في {CITY} وبقية المدن.",
                "وقال {A} في خطاب أمام أنصاره إن {Q}.",
                "واتهمت المعارضة السلطات بالتضييق على مرشحيها خلال الحملة الانتخابية.",
                "وأشاد مراقبون من {ORG} بسير العملية الانتخابية رغم تسجيل بعض الخروقات.",
                "ومن المقرر أن تعلن النتائج النهائية خلال {N2} أيام.",
            ],
        }
    }
}

/// Syllables that local names are made of. News names thousands of places
/// and people once or twice (a village, a district official, an
/// operation); a lexicon of famous names alone would give a 10,000-article
/// archive two thousand distinct stems where a real one has tens of
/// thousands, and every structure sized by the vocabulary would be measured
/// too small.
pub const SYLLABLES: &[&str] = &[
    "بر", "نو", "سا", "مي", "قا", "لو", "حا", "طي", "زو", "را", "دي", "كو", "فا", "شو", "ني", "جا",
    "عو", "تي", "خا", "صو", "غا", "ذي", "وا", "هو", "لا", "مو", "سي", "كا", "بو", "دا", "رو", "جي",
    "نا", "سو", "فو", "قي", "طا", "زا", "شي", "حو",
];

/// What a local place is ("قرية …").
pub const LOCALITIES: &[&str] = &["قرية", "بلدة", "حي", "مخيم", "منطقة", "ضاحية"];

/// First names of the officials and witnesses a report quotes once.
pub const FIRST_NAMES: &[&str] = &[
    "محمد",
    "أحمد",
    "خالد",
    "عمر",
    "يوسف",
    "علي",
    "حسن",
    "إبراهيم",
    "سامي",
    "ناصر",
    "فادي",
    "طارق",
    "وليد",
    "كريم",
    "مصطفى",
    "عادل",
    "هشام",
    "رامي",
    "ماجد",
    "زياد",
    "سليم",
    "جمال",
    "مريم",
    "فاطمة",
    "ليلى",
    "هدى",
    "رنا",
    "سعاد",
    "نور",
    "دينا",
];

/// Event sentences about its own place, people and plan, for any kind of
/// event: slots {LOCAL} (a place named for this event), {OFFICIAL} (a
/// person named for it) and {NAMED} (the name given to its plan). {PERSON}
/// is someone quoted once, a new name each time.
pub const LOCAL_DETAILS: &[&str] = &[
    "وقال {OFFICIAL}، وهو مسؤول محلي في {LOCAL}، إن {Q}.",
    "وتقع {LOCAL} على بعد {N2} كيلومترا من {CITY}.",
    "وأطلقت السلطات على خطتها اسم {NAMED}، وقالت إنها تمتد أشهرا.",
    "وقال أحد سكان {LOCAL} إن {Q}.",
    "وأكد {OFFICIAL} أن التحقيقات ما زالت جارية لمعرفة ملابسات ما جرى في {LOCAL}.",
];

/// Background sentences any story may carry: the connective tissue of news
/// writing that keeps bodies from being pure event facts.
pub const BACKGROUND: &[&str] = &[
    "ويأتي ذلك في وقت تشهد فيه المنطقة توترا متصاعدا منذ أشهر.",
    "ولم يصدر أي تعليق فوري من {C2} على هذه التصريحات.",
    "وكان {ORG} قد حذر في تقرير سابق من تداعيات استمرار الأزمة على المدنيين.",
    "وتقول {C} إنها تسعى إلى حل سياسي يضمن مصالح جميع الأطراف.",
    "وتشير تقديرات إلى أن أكثر من {X} ألف شخص نزحوا من منازلهم منذ بداية العام.",
    "وقال دبلوماسي غربي طلب عدم كشف اسمه إن {Q}.",
    "وتتابع العواصم الأوروبية التطورات عن كثب، وسط مخاوف من انعكاساتها على الأمن والطاقة.",
    "وأكد مسؤولون في {CITY} أن الاتصالات مستمرة على أكثر من مستوى.",
    "وفي {MONTH}، أعلنت {C} عن خطة من {X2} نقاط لتسوية الأزمة، لكنها لم تلق قبولا.",
    "ويرى محللون أن الأسابيع المقبلة ستكون حاسمة في تحديد مسار الأحداث.",
    "وتعود جذور الخلاف إلى سنوات مضت، حين فشلت جولات تفاوض متتالية في التوصل إلى اتفاق.",
    "ودعت منظمات حقوقية إلى فتح تحقيق مستقل في ما جرى.",
    "وأعرب {A} في وقت سابق عن تقديره {Q}.",
    "وبحسب أرقام رسمية، بلغ حجم التبادل التجاري بين البلدين {X} مليار دولار العام الماضي.",
    "وتستضيف {CITY} منذ {MONTH} جولات من المحادثات غير المباشرة.",
    "وأضاف المصدر أن الوفود ستعود إلى عواصمها للتشاور قبل استئناف النقاش.",
    "وتعهد المانحون بتقديم {X} مليون دولار لدعم جهود الإغاثة وإعادة الإعمار.",
    "وكانت {C} قد استدعت سفيرها لدى {C2} للتشاور احتجاجا على تصريحات مسؤوليها.",
    "ووفق ما نقلت وسائل إعلام محلية، فإن الاجتماع استمر أكثر من {X2} ساعات.",
    "وشدد البيان على ضرورة احترام القانون الدولي وسيادة الدول.",
    "وتراقب أسواق المال التطورات، إذ يخشى المستثمرون من اضطراب سلاسل الإمداد.",
    "وفي سياق متصل، أعلن {ORG} عقد اجتماع طارئ لمناقشة المستجدات.",
    "ولطالما تباهى {A} بـ{Q} مع نظرائه.",
    "وقال مقربون ل{A} إن الاتصالات لم تنقطع خلال الأيام الماضية.",
    "واتصل {A} ب{B} مرتين خلال الأسبوع الماضي لبحث التطورات.",
    "ورحب مسؤولون في {CITY} بالبيان، فيما التزمت {C2} الصمت.",
    "من جهته، قال {RB} {B} إن {Q}.",
];

/// Pieces of attributed sentences ("وأوضح مصدر دبلوماسي أن …"), combined
/// freely once an article has used up its template sentences, so that long
/// bodies do not repeat themselves.
pub const SAY_VERBS: &[&str] = &[
    "وقال",
    "وأكد",
    "وأوضح",
    "وأضاف",
    "وأشار",
    "وذكر",
    "ولفت",
    "واعتبر",
];

pub const SPEAKERS: &[&str] = &[
    "{RA} {A}",
    "{A}",
    "المتحدث باسم {ORG}",
    "مسؤول رفيع في {CITY}",
    "مصدر دبلوماسي مطلع",
    "محلل في مركز أبحاث ب{CITY}",
    "{RB} {B}",
    "سفير {C} لدى {C2}",
    "نائب في برلمان {C}",
    "خبير في الشؤون الاستراتيجية",
    "الناطق باسم حكومة {C}",
    "مراسل وكالة محلية في {CITY}",
    "الناشط {PERSON}",
    "المحامي {PERSON}",
    "الأكاديمي {PERSON}",
];

pub const CLAIMS: &[&str] = &[
    "المفاوضات دخلت مرحلة حساسة تتطلب تنازلات متبادلة",
    "بلاده لن تقبل بفرض أمر واقع بالقوة",
    "الأوضاع الميدانية تغيرت كثيرا خلال الأسابيع الأخيرة",
    "الضغوط الاقتصادية تدفع الحكومة إلى مراجعة حساباتها",
    "{C} تملك أوراقا كثيرة لم تستخدمها بعد",
    "الحل لن يكون عسكريا مهما طال النزاع",
    "العلاقات مع {C2} تمر بأصعب مراحلها منذ عقود",
    "{ORG} فقد جزءا كبيرا من تأثيره في الملف",
    "الاتفاق المقترح يتضمن بنودا غامضة تثير القلق",
    "التصعيد الأخير يهدد بنسف ما تحقق من تقدم",
    "الرأي العام في {C} منقسم حيال الخطوات المقبلة",
    "الأزمة انعكست على أسعار الغذاء والوقود في {CITY}",
    "زيارة {A} المرتقبة قد تحمل مفاجآت",
    "اللقاءات السرية بين الطرفين لم تتوقف",
    "ملف اللاجئين سيكون حاضرا بقوة في أي تسوية",
    "الدعم الغربي لـ{C} بدأ يتراجع",
    "التحالفات الإقليمية يعاد رسمها بسرعة",
    "الجيش يستعد لسيناريوهات عدة",
    "الانتخابات المقبلة ستحدد اتجاه السياسة الخارجية",
    "العقوبات لم تحقق أهدافها حتى الآن",
    "الوساطة القطرية والمصرية ما زالت قائمة",
    "المساعدات الإنسانية لا تصل إلى مستحقيها",
    "{B} أبدى مرونة أكبر من المتوقع",
    "الشركات الأجنبية بدأت تعيد النظر في استثماراتها في {C}",
    "المرحلة المقبلة تتطلب حوارا وطنيا شاملا",
    "الخلافات داخل الائتلاف الحاكم تعرقل اتخاذ القرار",
];

pub const TAILS: &[&str] = &[
    "",
    "، وفق ما نقلت وسائل إعلام رسمية",
    "، في تصريحات صحفية {DAY}",
    "، خلال مؤتمر صحفي في {CITY}",
    "، في مقابلة تلفزيونية",
    "، بحسب بيان صدر لاحقا",
];

/// What speakers say: the inside of quotation marks.
pub const QUOTES: &[&str] = &[
    "لن نقبل بأي حل يمس سيادتنا",
    "الأمور تسير وفق الخطة المرسومة",
    "ما زال أمامنا طريق طويل",
    "الوضع الإنساني كارثي بكل المقاييس",
    "نحن مستعدون للحوار من دون شروط مسبقة",
    "هذه خطوة إيجابية لكنها غير كافية",
    "بناءة وصريحة",
    "نريد سلاما عادلا ودائما",
    "العلاقة الشخصية بيننا ممتازة",
    "الأيام المقبلة ستكون صعبة",
    "سنرد في الوقت والمكان المناسبين",
    "لا تزال هناك الكثير من الأمور غير المؤكدة",
];

/// Teasers that portals paste between paragraphs ("يقرأ …"), and the related
/// articles newspapers list at the end.
pub const TEASERS: &[&str] = &[
    "ألقى الجيش جوا {N} طنا من المساعدات على القطاع",
    "{A} يلتقي قادة أوروبا لحشد الدعم",
    "أسعار الذهب تسجل مستوى قياسيا جديدا",
    "{C} تعلن حالة الطوارئ بسبب الفيضانات",
    "مباحثات في {CITY} حول تبادل الأسرى",
    "{ORG} يحذر من أزمة غذاء عالمية",
    "ماذا نعرف عن الصاروخ الجديد الذي أطلقته {C}؟",
    "{A} ووعد إنهاء الحروب: ورقة انتخابية أم خطط واقعية؟",
];

/// Section subheadings in longer pieces.
pub const SUBHEADINGS: &[&str] = &[
    "تداعيات إقليمية",
    "قلق دولي",
    "خلفية الأزمة",
    "ردود فعل",
    "موقف المعارضة",
    "الوضع الإنساني",
    "حسابات اقتصادية",
    "ما الخطوة التالية؟",
];

/// Extra topics written into the generated `site.toml`, beyond politics,
/// military and economy, so that every event kind can be classified.
pub const TOPICS: &[(&str, &str, &[&str])] = &[
    (
        "سياسة دولية",
        "politics",
        &[
            "قمة",
            "رئيس",
            "دبلوماسي",
            "محادثات",
            "علاقات",
            "اتفاق",
            "زيارة",
            "انتخابات",
            "اتصال",
        ],
    ),
    (
        "عسكري وأمني",
        "military",
        &[
            "جيش",
            "صاروخ",
            "صواريخ",
            "مسيرة",
            "قصف",
            "غارات",
            "عسكري",
            "أسلحة",
            "نووي",
            "دفاع",
        ],
    ),
    (
        "اقتصاد",
        "economy",
        &[
            "اقتصاد",
            "تجارة",
            "عقوبات",
            "نفط",
            "أسعار",
            "برميل",
            "أسواق",
            "إنتاج",
        ],
    ),
    (
        "صحة",
        "health",
        &["الكوليرا", "وباء", "إصابة", "تطعيم", "مستشفيات", "صحية"],
    ),
    (
        "كوارث",
        "disasters",
        &["زلزال", "هزة", "إنقاذ", "أنقاض", "فيضانات", "ضحايا"],
    ),
];
