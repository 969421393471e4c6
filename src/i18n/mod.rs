//! The words the renderer and the browser view add to a map themselves
//! (default lane labels, "Legend", "Reach", "Stage 2 of 6: …"), in the map's
//! language, and how that language writes numbers.
//!
//! The words live in data files, one per language (`words/<tag>.json`,
//! every [`Key`] in each; a regional variant such as `pt-BR` holds only what
//! differs from its language). `build.rs` packs them into one compact table
//! that the crate embeds; [`Words::for_lang`] picks a language by its BCP 47
//! tag with fallback (`pt-BR` → `pt` → English, `zh-TW` → `zh-Hant`, an
//! unknown tag → English) and [`Words::with_labels`] lays a map's own
//! `labels` over them. Texts are templates with named placeholders
//! (`{n}`, `{total}`, `{name}`, `{value}`, `{label}`, `{names}`); a text
//! that depends on a count has CLDR plural forms. See `docs/languages.md`.

mod keys;
mod lang;
mod pack;
mod view;

use std::borrow::Cow;

pub use keys::Key;
pub use lang::{is_rtl_lang, number_format};
/// How a language writes numbers, and the writers that take it.
pub use number::{NumberFormat, Percent, format as format_number, percent as format_percent};
pub use view::{ViewWords, lang_of_document};

use crate::number;

include!(concat!(env!("OUT_DIR"), "/words.rs"));

use pack::{FORM_SEPARATOR, TEXT_SEPARATOR};
const OTHER: usize = 5;

/// Whether `tag` is a language other than English that this build has no
/// table for (the browser core, built without `all-languages`).
pub fn lacks(tag: &str) -> bool {
    table_chain(&TABLES, tag).first() == Some(&0) && !lang::Tag::parse(tag).is("en")
}

/// The tags of the shipped tables, English first.
pub fn languages() -> impl Iterator<Item = &'static str> {
    TABLES.iter().map(|(tag, _)| *tag)
}

/// One language's words supplied at run time rather than built in (the
/// browser core carries English only; the words companion brings the
/// others): its tag and its texts, packed as the built-in tables are.
#[derive(Debug, Clone, PartialEq)]
pub struct WordTable {
    tag: String,
    packed: String,
}

impl WordTable {
    /// A language's words from the object of its data file
    /// (`words/<tag>.json`: key → text or plural forms); what is wrong
    /// otherwise, naming the key.
    pub fn from_json(tag: &str, words: &serde_json::Value) -> Result<WordTable, String> {
        let object = words
            .as_object()
            .ok_or_else(|| format!("{tag}: expected an object of words"))?;
        if let Some(unknown) = object.keys().find(|name| Key::from_name(name).is_none()) {
            return Err(format!("{tag}: unknown built-in word \"{unknown}\""));
        }
        let texts: Result<Vec<String>, String> = Key::ALL
            .iter()
            .map(|key| match object.get(key.as_str()) {
                None => Ok(String::new()),
                Some(value) => {
                    pack::pack(value).map_err(|why| format!("{tag}: {}: {why}", key.as_str()))
                }
            })
            .collect();
        Ok(WordTable {
            tag: tag.to_owned(),
            packed: texts?.join(&TEXT_SEPARATOR.to_string()),
        })
    }
}

/// The built-in words of one language, with a map's overrides.
#[derive(Debug, Clone, PartialEq)]
pub struct Words {
    table: String,
    texts: Vec<Cow<'static, str>>,
    number: NumberFormat,
}

impl Words {
    /// The words for a BCP 47 tag (`"ja"`, `"pt-BR"`, `"zh-TW"`), matched
    /// case-insensitively; numbers as the tag's language and region write
    /// them (`de-CH`: Swiss grouping, German words).
    pub fn for_lang(tag: &str) -> Words {
        Words::for_lang_with(tag, &[])
    }

    /// The words for `tag` from the built-in tables and `extra` (a page's,
    /// which win over a built-in table of the same tag).
    pub fn for_lang_with(tag: &str, extra: &[WordTable]) -> Words {
        // English stays table 0, the last fallback of every language.
        let tables: Vec<(&str, &str)> = TABLES
            .iter()
            .take(1)
            .copied()
            .chain(extra.iter().map(|t| (t.tag.as_str(), t.packed.as_str())))
            .chain(TABLES.iter().skip(1).copied())
            .collect();
        let chain = table_chain(&tables, tag);
        // English first, then each more specific table over it.
        let mut texts: Vec<Cow<'static, str>> = Vec::with_capacity(Key::ALL.len());
        for (_, packed) in chain.iter().rev().filter_map(|&index| tables.get(index)) {
            for (k, text) in packed.split(TEXT_SEPARATOR).enumerate() {
                if text.is_empty() {
                    continue;
                }
                if texts.len() <= k {
                    texts.resize(k + 1, Cow::Borrowed(""));
                }
                if let Some(slot) = texts.get_mut(k) {
                    *slot = Cow::Owned(text.to_owned());
                }
            }
        }
        texts.resize(Key::ALL.len(), Cow::Borrowed(""));
        let table = chain
            .first()
            .and_then(|&index| tables.get(index))
            .map_or("en", |(tag, _)| *tag)
            .to_owned();
        Words {
            table,
            texts,
            number: number_format(tag),
        }
    }

    /// These words with some replaced (a map's `labels`). A replacement of
    /// a text with plural forms serves every count.
    pub fn with_labels<I, S>(mut self, overrides: I) -> Words
    where
        I: IntoIterator<Item = (Key, S)>,
        S: Into<String>,
    {
        for (key, text) in overrides {
            if let Some(slot) = self.texts.get_mut(key as usize) {
                let text: String = text.into();
                *slot = Cow::Owned(text.replace(FORM_SEPARATOR, ""));
            }
        }
        self
    }

    /// The table these words come from (`"pt-BR"`, `"en"` …).
    pub fn language(&self) -> &str {
        &self.table
    }

    /// How this language writes numbers.
    pub fn number_format(&self) -> &NumberFormat {
        &self.number
    }

    /// A number as this language writes it (`12,000`, `12.000`, `12 000`).
    pub fn number(&self, value: f64) -> String {
        number::format(value, &self.number)
    }

    /// A percentage as this language writes it (`27%`, `27 %`, `%27`).
    pub fn percent(&self, value: f64) -> String {
        number::percent(value, &self.number)
    }

    /// The text of `key` as it is, placeholders unfilled; of a text with
    /// plural forms, the form for many ("other").
    pub fn get(&self, key: Key) -> &str {
        self.form(key, None)
    }

    /// The text of `key` with its placeholders filled from `args`.
    pub fn fill(&self, key: Key, args: &[(&str, &str)]) -> String {
        fill(self.get(key), args)
    }

    /// The form of `key` for the count `n`, with `{n}` written as this
    /// language writes numbers and the other placeholders from `args`.
    pub fn count(&self, key: Key, n: u64, args: &[(&str, &str)]) -> String {
        let written = self.number(n as f64);
        let mut all = vec![("n", written.as_str())];
        all.extend_from_slice(args);
        fill(self.form(key, Some(n)), &all)
    }

    fn form(&self, key: Key, n: Option<u64>) -> &str {
        let text = self.texts.get(key as usize).map_or("", |t| t.as_ref());
        if !text.bytes().any(|b| b == FORM_SEPARATOR as u8) {
            return text;
        }
        let category = n.map_or(OTHER, |n| lang::plural(&self.table, n));
        let forms: Vec<&str> = text.split(FORM_SEPARATOR).collect();
        let pick = |i: usize| forms.get(i).copied().filter(|f| !f.is_empty());
        pick(category)
            .or_else(|| pick(OTHER))
            .or_else(|| forms.iter().copied().find(|f| !f.is_empty()))
            .unwrap_or_default()
    }
}

impl Key {
    /// The key of a `labels` entry (`"lane-pains"`), if there is one.
    pub fn from_name(name: &str) -> Option<Key> {
        Key::ALL.into_iter().find(|key| key.as_str() == name)
    }
}

/// The plural category CLDR gives the whole number `n` in the language of
/// `tag` (`"one"`, `"few"`, `"many"`, `"other"` …).
pub fn plural_category(tag: &str, n: u64) -> &'static str {
    let table = Words::for_lang(tag).table;
    lang::CATEGORIES
        .get(lang::plural(&table, n))
        .copied()
        .unwrap_or("other")
}

/// The tables that serve `tag`, most specific first, English last.
fn table_chain(tables: &[(&str, &str)], tag: &str) -> Vec<usize> {
    let tag = lang::Tag::parse(tag);
    let find = |second: Option<&str>| tables.iter().position(|(t, _)| tag.names(t, second));
    let start = [tag.script, tag.region]
        .into_iter()
        .flatten()
        .find_map(|second| find(Some(second)))
        .or_else(|| find(None))
        .unwrap_or(0);
    let mut chain = vec![start];
    let mut current = start;
    while current != 0 {
        let shorter = tables
            .get(current)
            .and_then(|(t, _)| t.split_once('-'))
            .and_then(|(head, _)| {
                tables
                    .iter()
                    .position(|(t, _)| t.eq_ignore_ascii_case(head))
            });
        current = shorter.unwrap_or(0);
        chain.push(current);
    }
    chain
}

/// Replaces each `{name}` of `template` that `args` names; any other text,
/// braces included, stays as it is.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some((before, from_brace)) =
        rest.find('{').and_then(|open| rest.split_at_checked(open))
    {
        out.push_str(before);
        let value = from_brace.find('}').and_then(|close| {
            let name = from_brace.get(1..close)?;
            let value = args.iter().find(|(n, _)| *n == name)?.1;
            Some((value, close))
        });
        match value {
            Some((value, close)) => {
                out.push_str(value);
                rest = from_brace.get(close + 1..).unwrap_or_default();
            }
            None => {
                out.push('{');
                rest = from_brace.get(1..).unwrap_or_default();
            }
        }
    }
    out.push_str(rest);
    out
}
