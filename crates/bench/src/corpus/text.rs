//! Writing one generated article: filling sentence templates, then laying
//! the text out the way its outlet's pages are scraped (or as Markdown).

use chrono::{Datelike, NaiveDate};

use super::vocab::{self, EventKind, HouseStyle, Outlet};
use super::{Event, Generated, Rng};
use arabic::dates::{MONTHS_EGYPTIAN, MONTHS_LEVANTINE, MONTHS_MAGHREBI, WEEKDAYS};
use arabic::to_arabic_indic_digits;
use nashra::article::{Block, BlockKind};

/// Whether an article is a raw scraped page or a Markdown file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Raw,
    Markdown,
}

/// How one article writes: quotation marks, digits and month names differ
/// between outlets and even between articles of one outlet.
struct Voice<'a> {
    event: &'a Event,
    open: &'static str,
    close: &'static str,
    indic_digits: bool,
    months: Months,
    /// "يوم الأربعاء", "الأربعاء", "اليوم (الأربعاء)".
    weekday_form: u8,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Months {
    Egyptian,
    Levantine,
    Maghrebi,
    /// آب/أغسطس
    Paired,
    /// أغسطس (آب)
    Glossed,
}

impl Voice<'_> {
    fn number(&self, n: impl std::fmt::Display) -> String {
        let text = n.to_string();
        if self.indic_digits {
            to_arabic_indic_digits(&text)
        } else {
            text
        }
    }

    fn month(&self, month: u32) -> String {
        let i = (month - 1) as usize;
        match self.months {
            Months::Egyptian => MONTHS_EGYPTIAN[i].to_string(),
            Months::Levantine => MONTHS_LEVANTINE[i].to_string(),
            Months::Maghrebi => MONTHS_MAGHREBI[i].to_string(),
            Months::Paired => format!("{}/{}", MONTHS_LEVANTINE[i], MONTHS_EGYPTIAN[i]),
            Months::Glossed => format!("{} ({})", MONTHS_EGYPTIAN[i], MONTHS_LEVANTINE[i]),
        }
    }

    fn weekday(&self, date: NaiveDate) -> String {
        let mut name = WEEKDAYS[date.weekday().num_days_from_monday() as usize];
        // Both spellings of Monday are common.
        if name == "الإثنين" && self.indic_digits {
            name = "الاثنين";
        }
        match self.weekday_form {
            0 => format!("يوم {name}"),
            1 => format!("اليوم ({name})"),
            _ => name.to_string(),
        }
    }

    /// A full date as a dateline writes it.
    fn date(&self, date: NaiveDate) -> String {
        format!(
            "{} {} {}",
            self.number(date.day()),
            self.month(date.month()),
            self.number(date.year())
        )
    }
}

fn voice<'a>(event: &'a Event, outlet: &Outlet, rng: &mut Rng) -> Voice<'a> {
    let (open, close) = match (outlet.style, rng.below(4)) {
        (HouseStyle::Newspaper | HouseStyle::Portal, 0..3) => ("«", "»"),
        (HouseStyle::Wire, 0..2) => ("\"", "\""),
        (_, 0) => ("«", "»"),
        _ => ("“", "”"),
    };
    let months = match outlet.style {
        HouseStyle::Maghreb => Months::Maghrebi,
        HouseStyle::Wire => rng.pick(&[Months::Paired, Months::Egyptian]),
        HouseStyle::Newspaper => rng.pick(&[Months::Glossed, Months::Egyptian]),
        _ => rng.pick(&[
            Months::Egyptian,
            Months::Egyptian,
            Months::Levantine,
            Months::Paired,
        ]),
    };
    Voice {
        event,
        open,
        close,
        indic_digits: outlet.style == HouseStyle::Portal && rng.chance(0.4),
        months,
        weekday_form: match outlet.style {
            HouseStyle::Newspaper => 1,
            HouseStyle::Wire => 2,
            _ => rng.below(3) as u8,
        },
    }
}

/// A person as one mention writes them: the full name or another spelling.
fn spelling(person: &vocab::Person, rng: &mut Rng) -> &'static str {
    if person.aliases.is_empty() || rng.chance(0.4) {
        person.name
    } else {
        rng.pick(person.aliases)
    }
}

fn place_spelling(place: &vocab::Place, rng: &mut Rng) -> &'static str {
    if place.aliases.is_empty() || rng.chance(0.8) {
        place.name
    } else {
        rng.pick(place.aliases)
    }
}

/// Fills the `{SLOT}`s of `template` (see [`EventKind`]) into `out`.
fn fill(template: &str, voice: &Voice, date: NaiveDate, rng: &mut Rng, out: &mut String) {
    let e = voice.event;
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let close = open + rest[open..].find('}').expect("template slots are closed");
        match &rest[open + 1..close] {
            "A" => out.push_str(spelling(e.a, rng)),
            "B" => out.push_str(spelling(e.b, rng)),
            "RA" => out.push_str(e.a.role),
            "RB" => out.push_str(e.b.role),
            "C" => out.push_str(place_spelling(e.country, rng)),
            "C2" => out.push_str(place_spelling(e.other_country, rng)),
            "CITY" => out.push_str(place_spelling(e.city, rng)),
            "ORG" => out.push_str(place_spelling(e.org, rng)),
            "N" => out.push_str(&voice.number(e.count)),
            "N2" => out.push_str(&voice.number(e.small)),
            "X" => out.push_str(&voice.number(rng.between(2, 900))),
            "X2" => out.push_str(&voice.number(rng.between(2, 30))),
            "LOCAL" => out.push_str(&e.locality),
            "OFFICIAL" => out.push_str(&e.official),
            "NAMED" => out.push_str(&e.named),
            "PERSON" => out.push_str(&super::coined_person(rng)),
            "M" => out.push_str(&voice.number(format!("{}.{}", e.magnitude.0, e.magnitude.1))),
            "DAY" => out.push_str(&voice.weekday(date)),
            "Q" => {
                out.push_str(voice.open);
                out.push_str(rng.pick(vocab::QUOTES));
                out.push_str(voice.close);
            }
            "MONTH" => {
                let month = (date.month() + 12 - 1 - rng.below(5) as u32) % 12 + 1;
                out.push_str(&voice.month(month));
                out.push_str(" الماضي");
            }
            other => unreachable!("unknown template slot {other}"),
        }
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
}

fn filled(template: &str, voice: &Voice, date: NaiveDate, rng: &mut Rng) -> String {
    let mut out = String::with_capacity(template.len() + 64);
    fill(template, voice, date, rng, &mut out);
    out
}

/// The body: a lede, then paragraphs of one to three sentences, with the
/// odd subheading, until the target length (150–1,000 words) is reached.
/// Template sentences are dealt without replacement, then attributed
/// sentences are composed, so that no sentence repeats within an article.
fn body(
    voice: &Voice,
    date: NaiveDate,
    member: usize,
    subheadings: bool,
    rng: &mut Rng,
) -> Vec<Block> {
    let kind = voice.event.kind;
    let target = if rng.chance(0.3) {
        rng.between(150, 970)
    } else {
        rng.between(150, 560)
    };
    // Each outlet reporting the event opens in its own words.
    let ledes = kind.ledes();
    let lede = ledes[(voice.event.first_lede + member) % ledes.len()];
    let lede = filled(lede, voice, date, rng);
    let mut words = lede.split_whitespace().count();
    let mut blocks = vec![Block::paragraph(lede)];
    let mut deck: Vec<&str> = kind
        .details()
        .iter()
        .chain(vocab::LOCAL_DETAILS)
        .chain(vocab::BACKGROUND)
        .copied()
        .collect();
    // Event sentences first, mostly: they carry what the story is about.
    let details = kind.details().len() + vocab::LOCAL_DETAILS.len();
    for i in (1..deck.len()).rev() {
        let j = if i < details {
            rng.below(i + 1)
        } else {
            details + rng.below(i + 1 - details)
        };
        deck.swap(i, j);
    }
    deck.reverse();
    let mut since_heading = 0;
    while words < target {
        if subheadings && since_heading >= 4 && rng.chance(0.25) {
            blocks.push(Block::heading(rng.pick(vocab::SUBHEADINGS)));
            since_heading = 0;
        }
        let mut paragraph = String::new();
        for _ in 0..rng.between(1, 3) {
            if !paragraph.is_empty() {
                paragraph.push(' ');
            }
            let from_details = deck.len() > vocab::BACKGROUND.len() && rng.chance(0.6);
            let drawn = if from_details {
                deck.pop()
            } else if deck.len() > 1 {
                let i = rng.below(deck.len());
                Some(deck.swap_remove(i))
            } else {
                None
            };
            match drawn {
                Some(template) => fill(template, voice, date, rng, &mut paragraph),
                None => attributed(voice, date, rng, &mut paragraph),
            }
        }
        words += paragraph.split_whitespace().count();
        blocks.push(Block::paragraph(paragraph));
        since_heading += 1;
    }
    blocks
}

/// "وأوضح مصدر دبلوماسي مطلع أن الحل لن يكون عسكريا، في مقابلة تلفزيونية."
fn attributed(voice: &Voice, date: NaiveDate, rng: &mut Rng, out: &mut String) {
    let verb = rng.pick(vocab::SAY_VERBS);
    out.push_str(verb);
    out.push(' ');
    fill(rng.pick(vocab::SPEAKERS), voice, date, rng, out);
    out.push_str(if verb == "وقال" {
        " إن "
    } else {
        " أن "
    });
    fill(rng.pick(vocab::CLAIMS), voice, date, rng, out);
    fill(rng.pick(vocab::TAILS), voice, date, rng, out);
    out.push('.');
}

/// One report to write: which event, by whom, when and in what form.
pub(super) struct Assignment<'a> {
    pub event: &'a Event,
    pub outlet: &'static Outlet,
    pub date: NaiveDate,
    pub format: Format,
    /// Which of the event's reports this is (0 for the first).
    pub member: usize,
    pub path: String,
}

/// Writes the article for `job`. `body_rng` drives the words of the body and
/// `rng` everything around them, so that a republished copy can share a
/// body while its page differs.
pub(super) fn write(job: Assignment, rng: &mut Rng, body_rng: &mut Rng) -> Generated {
    let Assignment {
        event,
        outlet,
        date,
        format,
        member,
        path,
    } = job;
    let voice = voice(event, outlet, body_rng);
    let title = filled(rng.pick(event.kind.headlines()), &voice, date, rng);
    let subheadings = matches!(outlet.style, HouseStyle::Newspaper | HouseStyle::Portal)
        || format == Format::Markdown;
    let body = body(&voice, date, member, subheadings, body_rng);
    let mut topics = vec![event.kind.topic()];
    if matches!(event.kind, EventKind::Sanctions | EventKind::Nuclear) {
        topics.push("politics");
    }
    let entities = vec![
        event.a.name,
        event.b.name,
        event.country.name,
        event.city.name,
        event.org.name,
    ];
    let file = match format {
        Format::Markdown => markdown(&title, date, outlet, &topics, &entities, &body, rng),
        Format::Raw => raw(&title, date, outlet, &voice, &body, rng),
    };
    Generated {
        path,
        format,
        title,
        date,
        outlet: outlet.name,
        topics,
        entities,
        body,
        file,
    }
}

fn markdown(
    title: &str,
    date: NaiveDate,
    outlet: &Outlet,
    topics: &[&str],
    entities: &[&str],
    body: &[Block],
    rng: &mut Rng,
) -> String {
    let mut out = String::with_capacity(body.iter().map(|b| b.text.len() + 4).sum::<usize>() + 512);
    out.push_str("+++\n");
    out.push_str(&format!("title = {}\n", super::quoted(title)));
    if rng.chance(0.5) {
        out.push_str(&format!("date = {date}\n"));
    } else {
        let (h, m) = (rng.between(6, 23), rng.below(60));
        out.push_str(&format!("date = \"{date}T{h:02}:{m:02}:00+03:00\"\n"));
    }
    if rng.chance(0.85) {
        out.push_str(&format!("source = {}\n", super::quoted(outlet.name)));
    }
    if rng.chance(0.5) {
        // Editors name topics by their Arabic name as often as by slug.
        let names: Vec<&str> = topics
            .iter()
            .map(|slug| match vocab::TOPICS.iter().find(|t| t.1 == *slug) {
                Some((name, _, _)) if rng.chance(0.5) => *name,
                _ => *slug,
            })
            .collect();
        out.push_str(&format!("topics = {}\n", super::quoted_list(&names)));
    }
    if rng.chance(0.1) {
        out.push_str(&format!(
            "entities = {}\n",
            super::quoted_list(&entities[..2])
        ));
    }
    if rng.chance(0.05) {
        out.push_str("draft = true\n");
    }
    out.push_str("+++\n\n");
    for block in body {
        match block.kind {
            BlockKind::Heading => {
                out.push_str("## ");
                out.push_str(&block.text);
            }
            BlockKind::Paragraph if rng.chance(0.05) => {
                out.push_str("> ");
                out.push_str(&block.text);
            }
            BlockKind::Paragraph => out.push_str(&block.text),
        }
        out.push_str("\n\n");
    }
    out
}

/// A raw page in the outlet's house style, with the debris its pages carry.
fn raw(
    title: &str,
    date: NaiveDate,
    outlet: &Outlet,
    voice: &Voice,
    body: &[Block],
    rng: &mut Rng,
) -> String {
    let mut out =
        String::with_capacity(body.iter().map(|b| b.text.len() + 4).sum::<usize>() + 1024);
    let dated = rng.chance(0.95);
    let paragraphs = |out: &mut String, rng: &mut Rng, teasers: bool| {
        for (i, block) in body.iter().enumerate() {
            out.push_str(&block.text);
            out.push_str("\n\n");
            if teasers && i > 1 && i + 1 < body.len() && rng.chance(0.12) {
                out.push_str("يقرأ  ");
                fill(rng.pick(vocab::TEASERS), voice, date, rng, out);
                out.push_str("\n\n");
            }
        }
    };
    match outlet.style {
        HouseStyle::Wire => {
            if rng.chance(0.5) {
                out.push_str(title);
                out.push_str("\n\n");
            }
            if dated {
                out.push_str(&format!(" date {date} "));
            }
            paragraphs(&mut out, rng, false);
            if outlet.name == "فرانس برس" {
                out.push_str(rng.pick(vocab::DESK_CODES));
                out.push_str("\nAgence France-Presse ©\n\n\n\n");
            } else {
                out.push_str(&format!("({})\n", outlet.name));
            }
        }
        HouseStyle::Newspaper => {
            let dek = filled(rng.pick(vocab::TEASERS), voice, date, rng);
            out.push_str(&format!(
                "{title}\n\n{dek}\n\n{title}\nTT\n\n{title}\n\n{title}\n\n"
            ));
            if dated {
                out.push_str(&format!("نشر: {}\n\n", voice.date(date)));
            }
            paragraphs(&mut out, rng, false);
            out.push_str("\nمقالات ذات صلة\n\n");
            for _ in 0..rng.between(2, 5) {
                let teaser = filled(rng.pick(vocab::TEASERS), voice, date, rng);
                let section = rng.pick(&[
                    "أوروبا",
                    "المشرق العربي",
                    "الولايات المتحدة",
                    "العالم",
                    "اقتصاد",
                ]);
                let city = rng.pick_ref(vocab::CITIES).name;
                out.push_str(&format!(
                    "{section} صورة أرشيفية من {city} (أ.ف.ب)\n\n{teaser}\n\n{}\n\n«الشرق الأوسط» ({city})\n",
                    filled(rng.pick(vocab::BACKGROUND), voice, date, rng)
                ));
            }
        }
        HouseStyle::Portal => {
            let dek = filled(
                rng.pick(vocab::EventKind::headlines(voice.event.kind)),
                voice,
                date,
                rng,
            );
            out.push_str(&format!("{title}\n\n{dek}\n"));
            if dated {
                out.push_str(&format!("نشر في {}\n\n", voice.date(date)));
            } else {
                out.push('\n');
            }
            paragraphs(&mut out, rng, true);
            out.push_str(&format!(
                "وقال محلل سياسي {}: {}الأيام المقبلة ستكون حاسمة{}\n",
                outlet.patterns[0], voice.open, voice.close
            ));
        }
        HouseStyle::Agency => {
            out.push_str(title);
            out.push_str("\n\n");
            if dated {
                out.push_str(&format!(
                    "{} {}\n\n",
                    WEEKDAYS[date.weekday().num_days_from_monday() as usize],
                    voice.date(date)
                ));
            }
            let city = voice.event.city.name;
            let credit = outlet.patterns[0];
            for (i, block) in body.iter().enumerate() {
                if i == 0 {
                    out.push_str(&format!("{city} {credit} - "));
                }
                out.push_str(&block.text);
                out.push_str("\n\n");
            }
        }
        HouseStyle::Maghreb => {
            out.push_str(title);
            out.push_str("\n\n");
            if dated {
                out.push_str(&format!(
                    "نشر في {} على الساعة {}\n\n",
                    voice.date(date),
                    voice.number(format!("{:02}:{:02}", rng.between(6, 23), rng.below(60)))
                ));
            }
            paragraphs(&mut out, rng, false);
            out.push_str("المصدر: «الخبر»\n");
        }
    }
    out
}
