//! Extractive summaries: the sentences that best say what an article (or a
//! story told by several outlets) is about, picked, never rewritten.
//!
//! Centrality is LexRank-style: a sentence is central when it resembles
//! many other sentences, weighted by how central those are in turn. News
//! puts the essentials first, so the random walk restarts preferably at the
//! lede (biased LexRank), which keeps background paragraphs out of the
//! summary even when they are long and wordy.

use arabic::depends_on_previous;

use crate::article::{Article, Origin};
use crate::vectors::{Sparse, cosine, idf, normalize_vector};

/// Only the first sentences of an article compete: it keeps the work per
/// article bounded (the similarity graph is quadratic) and the rest of an
/// article is background anyway.
const MAX_ARTICLE_SENTENCES: usize = 25;

/// At most this many sentences of all a story's articles compete.
const MAX_STORY_SENTENCES: usize = 40;

/// Each article of a story offers at least this many of its first sentences.
const MIN_SENTENCES_PER_ARTICLE: usize = 4;

/// Probability that the walk follows similarity rather than jumping back
/// to the lede.
const DAMPING: f32 = 0.8;

/// The walk stops once ranks move less than this in total, or after
/// `MAX_ITERATIONS` steps.
const CONVERGED: f32 = 1e-4;
const MAX_ITERATIONS: usize = 50;

/// A sentence that repeats a picked one this much is left out.
const ARTICLE_REDUNDANCY: f32 = 0.5;

/// Across outlets the same fact comes in other words, so the bar is lower.
const STORY_REDUNDANCY: f32 = 0.35;

/// Two sentences of a story from different outlets repeat one fact when
/// this share of the shorter one's words is in the other: outlets retell
/// a fact in longer or shorter sentences, which a cosine over all the
/// words of both undervalues.
const STORY_WORD_OVERLAP: f32 = 0.4;

/// Whether `text` is as long as a sentence: neither debris nor a run-on
/// paragraph.
fn has_sentence_length(text: &str) -> bool {
    (MIN_WORDS..=MAX_WORDS).contains(&text.split_whitespace().count())
}

/// Sentences shorter than this are headings, captions or debris.
const MIN_WORDS: usize = 6;

/// Sentences longer than this are run-on paragraphs the splitter missed.
const MAX_WORDS: usize = 90;

/// A sentence in the pool: where it comes from and how it reads.
struct Candidate<'a> {
    text: &'a str,
    doc: usize,
    /// Position in its document.
    position: usize,
    /// TF-IDF over the pool, for centrality.
    terms: Sparse,
    /// Every word alike, for redundancy: two sentences telling the same
    /// fact share most of their words, whether those words are rare or not.
    words: Sparse,
}

/// A sentence offered to the pool: its document, its position there, its
/// text and its stored stems.
type Offered<'a> = (usize, usize, &'a str, &'a [u32]);

/// Sets an article's summary to its two most central sentences, unless
/// its front matter states one.
pub fn summarize_unless_stated(article: &mut Article) {
    if article.summary_origin != Origin::FrontMatter {
        let picked = summarize_article(article, 2);
        article.summary = picked
            .iter()
            .map(|&i| article.sentence(i))
            .collect::<Vec<_>>()
            .join(" ");
        article.summary_origin = Origin::Text;
    }
}

/// Indices of the sentences that summarise an article, in original order:
/// the `max` most central complete sentences, none repeating another.
///
/// The summary opens on the lede, the article's first sentence of a
/// sentence's length that does not lean on an earlier one («وأضاف …»،
/// «جاء ذلك …»; see [`depends_on_previous`]), even where the scrape lost
/// its full stop: a column's most central sentence sits in its middle and
/// opens «وإذا نظرنا …», not as the article does.
pub fn summarize_article(article: &Article, max: usize) -> Vec<usize> {
    let pool: Vec<Offered> = (0..article.sentence_count().min(MAX_ARTICLE_SENTENCES))
        .map(|i| (0, i, article.sentence(i), article.sentence_stems(i)))
        .collect();
    let redundancy = Redundancy {
        cosine: ARTICLE_REDUNDANCY,
        overlap: None,
    };
    pick(pool, max, redundancy)
        .into_iter()
        .map(|(_, i)| i)
        .collect()
}

/// The sentences that summarise several articles about one event, as
/// `(article, sentence)` positions into `docs`, in the order of `docs`
/// (oldest first, as stories hold them) and of the text: a story that runs
/// over days reads in time order. No two say the same thing, even in
/// different words from different outlets, and the first is the lede of
/// one of them: a reader meets the story as an outlet opened it, never on
/// a sentence from the middle of an article. Each article offers its first
/// sentences, so that every outlet can be heard and the pool stays bounded.
pub fn summarize_documents(docs: &[&Article], max: usize) -> Vec<(usize, usize)> {
    let per_doc = (MAX_STORY_SENTENCES / docs.len().max(1)).max(MIN_SENTENCES_PER_ARTICLE);
    let pool: Vec<Offered> = docs
        .iter()
        .enumerate()
        .flat_map(|(d, a)| {
            (0..a.sentence_count().min(per_doc))
                .map(move |i| (d, i, a.sentence(i), a.sentence_stems(i)))
        })
        .take(MAX_STORY_SENTENCES.max(docs.len() * MIN_SENTENCES_PER_ARTICLE))
        .collect();
    let redundancy = Redundancy {
        cosine: STORY_REDUNDANCY,
        overlap: Some(STORY_WORD_OVERLAP),
    };
    pick(pool, max, redundancy)
}

/// When a sentence repeats one already picked: the cosine of their words
/// reaches `cosine`, or (between documents) the share of the shorter
/// one's words found in the other reaches `overlap`.
#[derive(Debug, Clone, Copy)]
struct Redundancy {
    cosine: f32,
    overlap: Option<f32>,
}

impl Redundancy {
    fn repeats(&self, a: &Candidate, b: &Candidate) -> bool {
        if cosine(&a.words, &b.words) >= self.cosine {
            return true;
        }
        let Some(overlap) = self.overlap.filter(|_| a.doc != b.doc) else {
            return false;
        };
        let shorter = a.words.len().min(b.words.len());
        shorter > 0 && shared_terms(&a.words, &b.words) as f32 >= overlap * shorter as f32
    }
}

/// How many terms two term-sorted vectors share.
fn shared_terms(a: &Sparse, b: &Sparse) -> usize {
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    shared
}

/// Ranks the pool by centrality and takes the best complete sentences,
/// skipping those too close to one already taken, and returns them in
/// reading order (document, then position). A sentence that is no lede
/// of its document is taken only where a taken sentence comes before it,
/// so the summary opens as an article does. Falls back to any complete
/// sentence when no lede can open, and to any sentence when none reads as
/// complete.
fn pick(pool: Vec<Offered<'_>>, max: usize, redundancy: Redundancy) -> Vec<(usize, usize)> {
    if pool.is_empty() || max == 0 {
        return Vec::new();
    }
    let (candidates, postings) = vectors(pool);
    let scores = centrality(&candidates, &postings);
    let mut order: Vec<usize> = (0..candidates.len()).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));

    let place = |c: usize| (candidates[c].doc, candidates[c].position);
    let dependent: Vec<bool> = candidates
        .iter()
        .map(|c| depends_on_previous(c.text))
        .collect();
    // Only a document's lede may open: its first sentence of a sentence's
    // length that stands on its own, even where the scrape lost its full
    // stop. In the middle of an article most sentences go on from the one
    // before («و…», and verbs no list holds all of), and a summary is read
    // before the article, on a briefing page or in a feed. The pool holds
    // each document's sentences together and in order.
    let mut may_open = vec![false; candidates.len()];
    let mut last_lede_doc = None;
    for (i, c) in candidates.iter().enumerate() {
        if last_lede_doc != Some(c.doc) && has_sentence_length(c.text) && !dependent[i] {
            may_open[i] = true;
            last_lede_doc = Some(c.doc);
        }
    }
    let complete: Vec<bool> = candidates
        .iter()
        .zip(&may_open)
        .map(|(c, &lede)| lede || reads_complete(c.text))
        .collect();
    let mut chosen: Vec<usize> = Vec::new();
    // Strict: complete sentences, never opening on one that may not; then
    // complete ones opening on any that stands on its own; then any
    // sentences so opened (a lede without its full stop reads better than
    // «إلى ذلك، …»); then anything.
    for pass in 0..4 {
        for &c in &order {
            if chosen.len() == max {
                break;
            }
            if chosen.contains(&c) || (pass < 2 && !complete[c]) {
                continue;
            }
            let opens = chosen.iter().all(|&k| place(k) > place(c));
            if opens && (pass == 0 && !may_open[c] || pass < 3 && dependent[c]) {
                continue;
            }
            let repeats = chosen
                .iter()
                .any(|&k| redundancy.repeats(&candidates[k], &candidates[c]));
            if !repeats {
                chosen.push(c);
            }
        }
        if !chosen.is_empty() {
            break;
        }
    }
    let mut picked: Vec<(usize, usize)> = chosen.into_iter().map(place).collect();
    picked.sort_unstable();
    picked
}

/// Term vectors of the sentences, weighted by how few sentences share a
/// term (a word in every sentence links everything and tells nothing).
fn vectors(pool: Vec<Offered<'_>>) -> (Vec<Candidate<'_>>, Vec<Posting>) {
    let mut candidates: Vec<Candidate> = pool
        .into_iter()
        .map(|(doc, position, text, stems)| {
            let mut terms: Sparse = stems.iter().map(|&s| (s, 1.0)).collect();
            terms.sort_unstable_by_key(|t| t.0);
            terms.dedup_by(|b, a| {
                let same = a.0 == b.0;
                if same {
                    a.1 += b.1;
                }
                same
            });
            let mut words: Sparse = terms.iter().map(|&(t, _)| (t, 1.0)).collect();
            normalize_vector(&mut words);
            Candidate {
                text,
                doc,
                position,
                terms,
                words,
            }
        })
        .collect();
    let postings = postings(&candidates);
    let n = candidates.len() as f32;
    for group in postings.chunk_by(|a, b| a.term == b.term) {
        let df = group.len() as u32;
        for p in group {
            let w = &mut candidates[p.candidate as usize].terms[p.index as usize].1;
            *w = (1.0 + w.ln()) * idf(df, n);
        }
    }
    for c in &mut candidates {
        normalize_vector(&mut c.terms);
    }
    (candidates, postings)
}

/// One term of one candidate: which term, whose, and where in its terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Posting {
    term: u32,
    candidate: u32,
    index: u32,
}

/// Every term of the pool, grouped by term (candidates in order within a
/// group): one sort gives the document frequencies and, term by term, the
/// pairs of sentences that share a word, without a hash map or a merge of
/// every pair of vectors.
fn postings(candidates: &[Candidate]) -> Vec<Posting> {
    let mut postings: Vec<Posting> = candidates
        .iter()
        .enumerate()
        .flat_map(|(c, cand)| {
            cand.terms
                .iter()
                .enumerate()
                .map(move |(k, &(term, _))| Posting {
                    term,
                    candidate: c as u32,
                    index: k as u32,
                })
        })
        .collect();
    postings.sort_unstable();
    postings
}

/// Cosine similarity of every pair of candidates `(i, j)` with `i < j`, at
/// `i * n + j`: the weights of the terms they share, multiplied and added
/// in term order, exactly as [`cosine`] of their vectors would.
fn similarities(candidates: &[Candidate], postings: &[Posting]) -> Vec<f32> {
    let n = candidates.len();
    let mut sims = vec![0.0f32; n * n];
    let weight = |p: &Posting| candidates[p.candidate as usize].terms[p.index as usize].1;
    for group in postings.chunk_by(|a, b| a.term == b.term) {
        for (k, a) in group.iter().enumerate() {
            let (i, wa) = (a.candidate as usize, weight(a));
            for b in &group[k + 1..] {
                sims[i * n + b.candidate as usize] += wa * weight(b);
            }
        }
    }
    sims
}

/// Biased LexRank scores: the stationary distribution of a walk that moves
/// between similar sentences and restarts at a document's opening.
fn centrality(candidates: &[Candidate], postings: &[Posting]) -> Vec<f32> {
    let n = candidates.len();
    let restart: Vec<f32> = {
        let raw: Vec<f32> = candidates
            .iter()
            .map(|c| 1.0 / (1.0 + c.position as f32))
            .collect();
        let total: f32 = raw.iter().sum();
        raw.into_iter().map(|r| r / total).collect()
    };
    // Most sentence pairs share no word: keep only the links that exist.
    let sims = similarities(candidates, postings);
    let mut links: Vec<Vec<(usize, f32)>> = vec![Vec::new(); n];
    for i in 0..n {
        for j in i + 1..n {
            let s = sims[i * n + j];
            if s > 0.0 {
                links[i].push((j, s));
                links[j].push((i, s));
            }
        }
    }
    let row_sums: Vec<f32> = links
        .iter()
        .map(|l| l.iter().map(|&(_, s)| s).sum())
        .collect();
    let mut rank = restart.clone();
    let mut next = vec![0.0f32; n];
    for _ in 0..MAX_ITERATIONS {
        // Sentences like no other hand their weight back to the openings.
        let stranded: f32 = (0..n)
            .filter(|&i| row_sums[i] == 0.0)
            .map(|i| rank[i])
            .sum();
        for (x, r) in next.iter_mut().zip(&restart) {
            *x = (1.0 - DAMPING + DAMPING * stranded) * r;
        }
        for i in (0..n).filter(|&i| row_sums[i] > 0.0) {
            let share = DAMPING * rank[i] / row_sums[i];
            for &(j, s) in &links[i] {
                next[j] += share * s;
            }
        }
        let change: f32 = rank.iter().zip(&next).map(|(a, b)| (a - b).abs()).sum();
        std::mem::swap(&mut rank, &mut next);
        if change < CONVERGED {
            break;
        }
    }
    rank
}

/// True for a sentence a reader can take on its own: long enough to be a
/// sentence, short enough not to be a paragraph run together, and ending as
/// a sentence ends rather than cut off, a heading or a caption.
fn reads_complete(text: &str) -> bool {
    if !has_sentence_length(text) {
        return false;
    }
    let end = text
        .trim_end()
        .trim_end_matches(['»', '"', '”', '’', '\'', ')', ']', '“']);
    end.ends_with(['.', '!', '؟', '?']) && !end.ends_with("..")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Article {
        Article::from_markdown_file(
            "content/x.md".into(),
            String::new(),
            Default::default(),
            vec![crate::article::Block::paragraph(text)],
        )
    }

    /// Shaped like seed 004 after cleaning: a lede, follow-up sentences, a
    /// subheading and background.
    const ARTICLE: &str = "أعلن الرئيس الروسي فلاديمير بوتين الإثنين أن العلاقات بين موسكو وبيونغ يانغ تتطور وفق الخطة المرسومة، خلال استقباله وزيرة الخارجية الكورية الشمالية تشوي سون هوي في الكرملين.
من جانبها، قالت تشوي سون هوي إنها ستنقل تحيات بوتين الحارة إلى الزعيم الكوري الشمالي كيم جونغ أون.
تحالف عسكري
وقعت الدولتان في العام 2024 اتفاق دفاع متبادل، بعد زيارة رسمية أجراها بوتين إلى بيونغ يانغ.
وشاركت كوريا الشمالية في الحرب الروسية عبر إرسال آلاف الجنود إلى منطقة كورسك الحدودية.
وتقول سيول إن بيونغ يانغ تلقت في المقابل تقنيات عسكرية روسية متقدمة.";

    #[test]
    fn article_summary_is_the_lede_and_a_central_sentence_in_order() {
        let sentences = split(ARTICLE);
        let picked = summarize_article(&sentences, 2);
        assert_eq!(picked.len(), 2);
        assert_eq!(picked[0], 0, "the lede leads: {picked:?}");
        assert!(picked.windows(2).all(|w| w[0] < w[1]), "original order");
        let heading = sentences
            .sentences()
            .position(|s| s == "تحالف عسكري")
            .expect("heading is a sentence");
        assert!(
            !picked.contains(&heading),
            "a subheading is never a summary sentence"
        );
    }

    #[test]
    fn article_summary_never_takes_a_cut_off_sentence() {
        let sentences = split(
            "التقى الرئيس الروسي فلاديمير بوتين وزيرة خارجية كوريا الشمالية في الكرملين وبحثا العلاقات الثنائية.
وقال الكرملين إن اللقاء تناول العلاقات الثنائية والتعاون العسكري بين البلدين
وأضاف البيان أن الجانبين اتفقا على مواصلة المشاورات بين وزارتي الخارجية.",
        );
        let picked = summarize_article(&sentences, 2);
        assert_eq!(
            picked,
            vec![0, 2],
            "the sentence without its full stop is left out"
        );
    }

    #[test]
    fn short_articles_and_empty_ones() {
        assert!(summarize_article(&split(""), 2).is_empty());
        let one = split("أعلن البنك المركزي المصري تثبيت أسعار الفائدة الرئيسية دون تغيير الخميس.");
        assert_eq!(summarize_article(&one, 2), vec![0]);
    }

    #[test]
    fn story_summary_says_a_fact_once_across_outlets() {
        let afp = split(
            "أبقى البنك المركزي المصري أسعار الفائدة الرئيسية دون تغيير الخميس، مشيراً إلى استمرار الضغوط التضخمية.
وتراجع معدل التضخم السنوي في المدن المصرية إلى 13.9 في المئة في يوليو.",
        );
        let masrawy = split(
            "قررت لجنة السياسة النقدية بالبنك المركزي المصري تثبيت أسعار الفائدة الرئيسية دون تغيير في اجتماعها الخميس.
وأشار البيان إلى أن البنك يستهدف الوصول بالتضخم إلى متوسط 7% بحلول عام 2026.",
        );
        let picked = summarize_documents(&[&afp, &masrawy], 3);
        let first_sentences = picked.iter().filter(|&&(_, s)| s == 0).count();
        assert_eq!(
            first_sentences, 1,
            "both ledes say the rates are unchanged: {picked:?}"
        );
        assert!(picked.len() >= 2);
        let docs: Vec<usize> = picked.iter().map(|&(d, _)| d).collect();
        assert!(
            docs.contains(&0) && docs.contains(&1),
            "both outlets are heard: {picked:?}"
        );
    }

    #[test]
    fn a_summary_never_opens_on_a_sentence_that_leans_on_another() {
        // The lede is too long to be a summary sentence; the next one
        // speaks for someone the reader has not met.
        let long_lede = format!(
            "{} انتهى.",
            "أعلنت وزارة العمل في بيان مطول صدر صباح اليوم عن تفاصيل البرنامج الجديد".repeat(8)
        );
        let sentences = split(&format!(
            "{long_lede}\nوأضاف أن البرنامج سيطبق على مراحل تبدأ في الربع الثاني من العام الجاري.\nويستهدف البرنامج توظيف مئة ألف مواطن في القطاع الخاص خلال ثلاث سنوات.\nوتراجع معدل البطالة بين المواطنين إلى 12.8 في المئة في الربع الأخير من العام الماضي."
        ));
        let picked = summarize_article(&sentences, 2);
        assert!(!picked.is_empty());
        assert!(
            !depends_on_previous(sentences.sentence(picked[0])),
            "opens on «{}»",
            sentences.sentence(picked[0])
        );
    }

    #[test]
    fn a_lede_that_lost_its_full_stop_still_opens_the_summary() {
        // Scraped without its final stop, the lede is not a complete
        // sentence; the ones after it go on from it, some with verbs no
        // list of connectives holds («وواصلت»).
        let sentences = split(
            "أعلنت مندوبة الولايات المتحدة في جلسة لمجلس الأمن مساء الأربعاء أن بلادها تحمل روسيا مسؤولية تسميم العميل السابق في بريطانيا\nوواصلت المندوبة تحذيراتها من أن الهجوم يهدد الأمن في أوروبا كلها.\nإلى ذلك، شدد المندوب البريطاني على أن بلاده لم تتلق أي رد روسي حتى الآن.",
        );
        let picked = summarize_article(&sentences, 2);
        assert_eq!(picked.first(), Some(&0), "{picked:?}");
    }

    #[test]
    fn story_summary_reads_in_time_order_and_tells_a_fact_once() {
        // Three outlets over two days: the first two retell one fact in
        // their own words, the third brings the next day's development.
        let monday_a = split(
            "أعلنت رئيسة الوزراء البريطانية طرد 23 دبلوماسيا روسيا ردا على تسميم عميل روسي سابق في سالزبري.
وقالت إن الدبلوماسيين أمامهم أسبوع واحد لمغادرة البلاد.",
        );
        let monday_b = split(
            "قررت الحكومة البريطانية الأربعاء طرد 23 دبلوماسيا روسيا من أراضيها إثر اتهامها موسكو بمحاولة اغتيال العميل السابق.
وتعد هذه أكبر عملية طرد لدبلوماسيين من بريطانيا منذ ثلاثين عاما.",
        );
        let tuesday = split(
            "ردت موسكو السبت بطرد 23 دبلوماسيا بريطانيا وإغلاق المركز الثقافي البريطاني في العاصمة الروسية.
وأمهلت الخارجية الروسية الدبلوماسيين أسبوعا لمغادرة البلاد.",
        );
        let picked = summarize_documents(&[&monday_a, &monday_b, &tuesday], 3);
        assert!(
            picked.windows(2).all(|w| w[0] < w[1]),
            "time order: {picked:?}"
        );
        let ledes: Vec<usize> = picked
            .iter()
            .filter(|&&(d, s)| s == 0 && d < 2)
            .map(|&(d, _)| d)
            .collect();
        assert_eq!(ledes.len(), 1, "the expulsion is told once: {picked:?}");
        assert!(picked.contains(&(2, 0)), "the reply is told: {picked:?}");
    }

    #[test]
    fn story_summary_opens_on_the_lede_of_an_outlet() {
        // The older report's second paragraph is the most central sentence
        // of the story (every outlet gives the vote count), but it opens
        // with «و» on a vote the reader has not been told of.
        let older = split(
            "انتخب البرلمان الألماني أنغيلا ميركل مستشارة لولاية رابعة بعد أشهر من المفاوضات لتشكيل الحكومة.
وصوت 364 نائبا لصالح إعادة انتخاب ميركل مقابل 315 نائبا رافضا وامتناع تسعة نواب عن التصويت.
وكانت ميركل قد تولت منصبها للمرة الأولى في عام 2005.",
        );
        let newer = split(
            "أدت المستشارة الألمانية أنغيلا ميركل اليمين الدستورية لولاية رابعة أمام البرلمان في برلين الأربعاء.
وحصلت ميركل على 364 صوتا من أصل 709 نواب، أي أكثر بتسعة أصوات فقط من الغالبية المطلوبة.",
        );
        let docs = [&older, &newer];
        let picked = summarize_documents(&docs, 3);
        let (d, s) = picked[0];
        assert_eq!(s, 0, "opens on «{}»", docs[d].sentence(s));
        assert!(
            picked.windows(2).all(|w| w[0] < w[1]),
            "time order: {picked:?}"
        );
    }
}
