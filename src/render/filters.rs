//! The Tera filters through which templates write numbers: counted nouns
//! in the grammatical case of their place in the sentence, ordinals, and
//! bare numbers, all in the site's digits; and `digits`, which writes the
//! numbers inside article text in them too (outlets mix ٢٢٩ and 7.3).
//!
//! Rust computes the numbers; the words around them are the templates', so
//! a site's template can reword any phrase, and the Arabic grammar of the
//! counted noun stays in one place ([`arabic::numbers`]).

use std::collections::HashMap;

use arabic::dates::{DateStyle, format_number};
use arabic::numbers::{self, Case};
use tera::{Result, Tera, Value, from_value, to_value};

/// Registers `count`, `ordinal`, `num` and `digits` on `tera`, writing
/// digits as `style` says.
pub(super) fn register(tera: &mut Tera, style: &DateStyle) {
    let arabic_digits = style.digits == arabic::dates::Digits::Arabic;
    tera.register_filter(
        "digits",
        move |value: &Value, _: &HashMap<String, Value>| digits(value, arabic_digits),
    );
    let s = style.clone();
    tera.register_filter(
        "count",
        move |value: &Value, args: &HashMap<String, Value>| count(value, args, &s),
    );
    let s = style.clone();
    tera.register_filter(
        "ordinal",
        move |value: &Value, _: &HashMap<String, Value>| ordinal(value, &s),
    );
    let s = style.clone();
    tera.register_filter("num", move |value: &Value, _: &HashMap<String, Value>| {
        Ok(to_value(format_number(number(value, "num")?, &s))?)
    });
}

/// `{{ n | count(noun="article", case="genitive") }}`: «في مقالين»,
/// «في 3 مقالات». `case` defaults to the nominative (a phrase standing
/// alone); the nouns are those of [`numbers::noun_named`].
fn count(value: &Value, args: &HashMap<String, Value>, style: &DateStyle) -> Result<Value> {
    let n = number(value, "count")?;
    let noun_name = args
        .get("noun")
        .and_then(Value::as_str)
        .ok_or("the `count` filter needs `noun`, e.g. count(noun=\"article\")")?;
    let noun = numbers::noun_named(noun_name)
        .ok_or_else(|| format!("the `count` filter knows no noun `{noun_name}`"))?;
    let case = match args.get("case").and_then(Value::as_str) {
        None => Case::Nominative,
        Some(name) => Case::named(name).ok_or_else(|| {
            format!("the `count` filter's case is nominative, accusative or genitive, not `{name}`")
        })?,
    };
    Ok(to_value(format_number(
        numbers::count_in(n, noun, case),
        style,
    ))?)
}

/// `{{ 8 | ordinal }}`: «الثامن»; a number beyond the words, in digits.
fn ordinal(value: &Value, style: &DateStyle) -> Result<Value> {
    let n = number(value, "ordinal")?;
    Ok(to_value(
        numbers::ordinal(n).unwrap_or_else(|| format_number(n, style)),
    )?)
}

/// `{{ text | digits }}`: the text with every digit in the site's digits.
/// Text already in them (most of it) is passed on as it is.
fn digits(value: &Value, arabic_digits: bool) -> Result<Value> {
    let Some(text) = value.as_str() else {
        return Ok(value.clone());
    };
    let foreign = |c: char| match arabic_digits {
        true => c.is_ascii_digit(),
        false => matches!(c, '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}'),
    };
    if !text.chars().any(foreign) {
        return Ok(value.clone());
    }
    let latin = arabic::fold_digits(text);
    Ok(Value::String(if arabic_digits {
        arabic::to_arabic_indic_digits(&latin)
    } else {
        latin
    }))
}

fn number(value: &Value, filter: &str) -> Result<usize> {
    from_value::<usize>(value.clone())
        .map_err(|_| format!("the `{filter}` filter takes a whole number, not {value}").into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use arabic::dates::Digits;
    use tera::Context;

    fn render(template: &str, digits: Digits) -> String {
        let mut tera = Tera::default();
        let style = DateStyle {
            digits,
            ..DateStyle::default()
        };
        register(&mut tera, &style);
        tera.render_str(template, &Context::new()).unwrap()
    }

    #[test]
    fn counted_nouns_take_the_case_and_the_digits() {
        let line = "{{ 2 | count(noun=\"mention\") }} في {{ 2 | count(noun=\"article\", case=\"genitive\") }}";
        assert_eq!(render(line, Digits::Latin), "إشارتان في مقالين");
        let line = "{{ 13 | count(noun=\"article\") }} في {{ 4 | count(noun=\"story\", case=\"genitive\") }}";
        assert_eq!(render(line, Digits::Arabic), "١٣ مقالاً في ٤ قصص");
        assert_eq!(render("{{ 1250 | num }}", Digits::Arabic), "١٢٥٠");
        assert_eq!(
            render("الأسبوع {{ 8 | ordinal }}", Digits::Latin),
            "الأسبوع الثامن"
        );
    }

    #[test]
    fn numbers_in_text_follow_the_sites_digits() {
        let mixed = "{{ \"قتل ٢٢٩ شخصاً في زلزال بقوة 7.3\" | digits }}";
        assert_eq!(
            render(mixed, Digits::Latin),
            "قتل 229 شخصاً في زلزال بقوة 7.3"
        );
        assert_eq!(
            render(mixed, Digits::Arabic),
            "قتل ٢٢٩ شخصاً في زلزال بقوة ٧.٣"
        );
    }

    #[test]
    fn a_mistyped_noun_or_case_is_an_error_naming_it() {
        let mut tera = Tera::default();
        register(&mut tera, &DateStyle::default());
        for (template, word) in [
            ("{{ 2 | count(noun=\"articles\") }}", "articles"),
            (
                "{{ 2 | count(noun=\"article\", case=\"dative\") }}",
                "dative",
            ),
        ] {
            let err = tera.render_str(template, &Context::new()).unwrap_err();
            let text = format!("{err:?}");
            assert!(text.contains(word), "{text}");
        }
    }
}
