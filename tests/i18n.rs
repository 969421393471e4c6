//! The built-in words and numbers per language (`journeymap::i18n`): the
//! data files are complete and consistent, the packed tables read back the
//! same, fallback picks the right table, numbers and plurals follow CLDR.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use journeymap::i18n::{
    self, Key, Words, format_number as format, format_percent as percent, is_rtl_lang,
    number_format,
};
use serde_json::Value;

/// The languages issue 13 asks for.
const REQUIRED: [&str; 23] = [
    "en", "de", "fr", "es", "pt", "pt-BR", "it", "nl", "pl", "tr", "ru", "uk", "ar", "he", "fa",
    "hi", "th", "vi", "id", "ja", "ko", "zh-Hans", "zh-Hant",
];

fn words_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src/i18n/words")
}

/// Every data file: tag → key → text or plural forms.
fn data() -> BTreeMap<String, serde_json::Map<String, Value>> {
    let mut out = BTreeMap::new();
    for entry in std::fs::read_dir(words_dir()).unwrap() {
        let path = entry.unwrap().path();
        let tag = path.file_stem().unwrap().to_str().unwrap().to_owned();
        let text = std::fs::read_to_string(&path).unwrap();
        let object: serde_json::Map<String, Value> =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        out.insert(tag, object);
    }
    out
}

/// A regional variant (`pt-BR`) holds only what differs from its language.
fn parent_of(tag: &str, all: &BTreeMap<String, serde_json::Map<String, Value>>) -> Option<String> {
    let (head, _) = tag.rsplit_once('-')?;
    all.contains_key(head).then(|| head.to_owned())
}

fn forms(value: &Value) -> Vec<(&str, &str)> {
    match value {
        Value::String(text) => vec![("", text.as_str())],
        Value::Object(forms) => forms
            .iter()
            .map(|(category, text)| (category.as_str(), text.as_str().unwrap()))
            .collect(),
        other => panic!("not a text: {other}"),
    }
}

fn placeholders(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                out.insert(after[..close].to_owned());
                rest = &after[close + 1..];
            }
            None => break,
        }
    }
    out
}

#[test]
fn the_required_languages_ship_and_nothing_else() {
    let files: BTreeSet<String> = data().into_keys().collect();
    let required: BTreeSet<String> = REQUIRED.iter().map(|s| s.to_string()).collect();
    assert_eq!(files, required);
    let shipped: BTreeSet<String> = i18n::languages().map(str::to_owned).collect();
    assert_eq!(shipped, required);
    assert_eq!(i18n::languages().next(), Some("en"));
}

#[test]
fn every_language_has_every_key_and_no_other() {
    let all = data();
    let keys: BTreeSet<&str> = Key::ALL.iter().map(|k| k.as_str()).collect();
    for (tag, words) in &all {
        let have: BTreeSet<&str> = words.keys().map(String::as_str).collect();
        let unknown: Vec<_> = have.difference(&keys).collect();
        assert!(unknown.is_empty(), "{tag}.json: unknown keys {unknown:?}");
        if parent_of(tag, &all).is_none() {
            let missing: Vec<_> = keys.difference(&have).collect();
            assert!(missing.is_empty(), "{tag}.json: missing keys {missing:?}");
        }
        for (key, value) in words {
            for (category, text) in forms(value) {
                assert!(
                    !text.trim().is_empty(),
                    "{tag}.json: {key} {category} is empty"
                );
                assert_eq!(
                    text.trim(),
                    text,
                    "{tag}.json: {key} {category}: spaces at an end"
                );
            }
        }
    }
}

#[test]
fn translations_have_the_placeholders_of_english() {
    let all = data();
    let english = &all["en"];
    for (tag, words) in &all {
        for (key, value) in words {
            let wanted: BTreeSet<String> = forms(&english[key])
                .iter()
                .flat_map(|(_, text)| placeholders(text))
                .collect();
            for (category, text) in forms(value) {
                let have = placeholders(text);
                // A plural form may say its number in words ("مشكلتان").
                let mut allowed = wanted.clone();
                if !category.is_empty() && !have.contains("n") {
                    allowed.remove("n");
                }
                assert_eq!(have, allowed, "{tag}.json: {key} {category}: {text:?}");
            }
        }
    }
}

#[test]
fn plural_forms_are_those_of_the_language() {
    let all = data();
    for (tag, words) in &all {
        let reached: BTreeSet<&str> = (0..=1000).map(|n| i18n::plural_category(tag, n)).collect();
        for (key, value) in words {
            let english_is_plural = all["en"][key].is_object();
            if let Value::Object(forms) = value {
                assert!(
                    english_is_plural,
                    "{tag}.json: {key} has no plural forms in English"
                );
                let have: BTreeSet<&str> = forms.keys().map(String::as_str).collect();
                assert_eq!(have, reached, "{tag}.json: {key}: the forms {tag} needs");
            }
        }
    }
}

#[test]
fn the_packed_tables_read_back_as_the_data_files() {
    let all = data();
    for tag in all.keys() {
        let words = Words::for_lang(tag);
        assert_eq!(words.language(), tag);
        for key in Key::ALL {
            let mut source = Some(tag.clone());
            let value = loop {
                let here = source.clone().unwrap_or_else(|| "en".to_owned());
                if let Some(value) = all[&here].get(key.as_str()) {
                    break value;
                }
                source = parent_of(&here, &all);
            };
            match value {
                Value::String(text) => {
                    assert_eq!(words.get(key), text, "{tag}: {}", key.as_str());
                    let counted = words.count(key, 3, &[]);
                    assert_eq!(
                        counted,
                        i18n::fill(text, &[("n", "3")]),
                        "{tag}: {}",
                        key.as_str()
                    );
                }
                Value::Object(forms) => {
                    for n in 0..=120 {
                        let category = i18n::plural_category(tag, n);
                        let form = forms[category].as_str().unwrap();
                        let n_text = n.to_string();
                        let wanted = i18n::fill(form, &[("n", &n_text), ("names", "A")]);
                        assert_eq!(
                            words.count(key, n, &[("names", "A")]),
                            wanted,
                            "{tag}: {} {n}",
                            key.as_str()
                        );
                    }
                }
                other => panic!("{other}"),
            }
        }
    }
}

#[test]
fn tags_fall_back_to_the_nearest_language() {
    let cases = [
        ("pt-BR", "pt-BR"),
        ("pt-br", "pt-BR"),
        ("PT_br", "pt-BR"),
        ("pt", "pt"),
        ("pt-PT", "pt"),
        ("pt-AO", "pt"),
        ("zh", "zh-Hans"),
        ("zh-CN", "zh-Hans"),
        ("zh-SG", "zh-Hans"),
        ("zh-Hans", "zh-Hans"),
        ("zh-hans-hk", "zh-Hans"),
        ("zh-TW", "zh-Hant"),
        ("zh-HK", "zh-Hant"),
        ("zh-MO", "zh-Hant"),
        ("zh-Hant", "zh-Hant"),
        ("zh-Hant-TW", "zh-Hant"),
        ("ZH-HANT-CN", "zh-Hant"),
        ("de-CH", "de"),
        ("de-AT", "de"),
        ("fr-CA", "fr"),
        ("es-419", "es"),
        ("en-GB", "en"),
        ("ja-JP", "ja"),
        ("sr-Latn-RS", "en"),
        ("iw", "he"),
        ("in", "id"),
        ("xx", "en"),
        ("", "en"),
        ("not a tag", "en"),
    ];
    for (tag, table) in cases {
        assert_eq!(Words::for_lang(tag).language(), table, "{tag:?}");
    }
}

#[test]
fn a_variant_takes_the_rest_from_its_language_then_english() {
    let brazil = Words::for_lang("pt-BR");
    assert_eq!(brazil.get(Key::LaneTouchpoints), "Pontos de contato");
    assert_eq!(brazil.get(Key::Legend), "Legenda");
    assert_eq!(
        Words::for_lang("pt").get(Key::LaneTouchpoints),
        "Pontos de contacto"
    );
    assert_eq!(Words::for_lang("xx").get(Key::LanePains), "Pain points");
    // A word a language writes as English does (packed as "same as English").
    assert_eq!(Words::for_lang("de").get(Key::ChannelSms), "SMS");
}

#[test]
fn labels_replace_single_words() {
    let words = Words::for_lang("de").with_labels([
        (Key::LanePains, "Schmerzpunkte"),
        (Key::ProblemCount, "Probleme: {n}"),
    ]);
    assert_eq!(words.get(Key::LanePains), "Schmerzpunkte");
    assert_eq!(words.get(Key::LaneGoals), "Ziele");
    assert_eq!(words.count(Key::ProblemCount, 1, &[]), "Probleme: 1");
    assert_eq!(
        words.count(Key::ProblemCount, 12000, &[]),
        "Probleme: 12.000"
    );
    assert_eq!(Key::from_name("lane-pains"), Some(Key::LanePains));
    assert_eq!(Key::from_name("lane-pain"), None);
}

#[test]
fn templates_fill_named_placeholders_only() {
    let words = Words::for_lang("en");
    let text = words.fill(
        Key::ViewStage,
        &[("n", "2"), ("total", "6"), ("name", "Sign up")],
    );
    assert_eq!(text, "Stage 2 of 6: Sign up");
    assert_eq!(i18n::fill("{a} {b} {", &[("a", "{b}")]), "{b} {b} {");
    assert_eq!(i18n::fill("}{x}{", &[("x", "1")]), "}1{");
    let fr = Words::for_lang("fr");
    let point = fr.fill(Key::EmotionPoint, &[("label", "Payer"), ("value", "4")]);
    assert_eq!(point, "Payer\u{a0}: 4");
}

#[test]
fn plural_rules_follow_cldr() {
    let cases: [(&str, &[(u64, &str)]); 11] = [
        ("en", &[(0, "other"), (1, "one"), (2, "other")]),
        ("fr", &[(0, "one"), (1, "one"), (2, "other")]),
        ("pt", &[(0, "other"), (1, "one"), (2, "other")]),
        ("pt-BR", &[(0, "one"), (1, "one"), (2, "other")]),
        (
            "ru",
            &[
                (1, "one"),
                (2, "few"),
                (4, "few"),
                (5, "many"),
                (11, "many"),
                (12, "many"),
                (21, "one"),
                (22, "few"),
                (111, "many"),
                (0, "many"),
            ],
        ),
        ("uk", &[(1, "one"), (3, "few"), (14, "many"), (101, "one")]),
        (
            "pl",
            &[
                (0, "many"),
                (1, "one"),
                (2, "few"),
                (5, "many"),
                (12, "many"),
                (21, "many"),
                (22, "few"),
            ],
        ),
        (
            "ar",
            &[
                (0, "zero"),
                (1, "one"),
                (2, "two"),
                (3, "few"),
                (10, "few"),
                (11, "many"),
                (99, "many"),
                (100, "other"),
                (102, "other"),
                (103, "few"),
            ],
        ),
        ("he", &[(1, "one"), (2, "two"), (3, "other"), (20, "other")]),
        ("hi", &[(0, "one"), (1, "one"), (2, "other")]),
        ("ja", &[(0, "other"), (1, "other"), (2, "other")]),
    ];
    for (tag, expected) in cases {
        for &(n, category) in expected {
            assert_eq!(i18n::plural_category(tag, n), category, "{tag} {n}");
        }
    }
    let ru = Words::for_lang("ru");
    let counted: Vec<String> = [1, 3, 5, 21]
        .iter()
        .map(|&n| ru.count(Key::ProblemCount, n, &[]))
        .collect();
    assert_eq!(
        counted,
        ["1 проблема", "3 проблемы", "5 проблем", "21 проблема"]
    );
    let ar = Words::for_lang("ar");
    assert_eq!(ar.count(Key::ProblemCount, 2, &[]), "مشكلتان");
    assert_eq!(ar.count(Key::ProblemCount, 7, &[]), "7 مشكلات");
}

#[test]
fn numbers_are_written_as_each_language_writes_them() {
    const NB: &str = "\u{a0}";
    const NN: &str = "\u{202f}";
    // tag, 1234, 12000, 1234567.5, -3.25, 27 %
    let cases = [
        ("en", "1234", "12,000", "1,234,567.5", "-3.25", "27%"),
        ("en-IN", "1,234", "12,000", "12,34,567.5", "-3.25", "27%"),
        ("de", "1.234", "12.000", "1.234.567,5", "-3,25", "27\u{a0}%"),
        (
            "de-AT",
            &format!("1{NB}234"),
            &format!("12{NB}000"),
            &format!("1{NB}234{NB}567,5"),
            "-3,25",
            "27\u{a0}%",
        ),
        ("de-CH", "1'234", "12'000", "1'234'567.5", "-3.25", "27%"),
        (
            "fr",
            &format!("1{NN}234"),
            &format!("12{NN}000"),
            &format!("1{NN}234{NN}567,5"),
            "-3,25",
            "27\u{a0}%",
        ),
        (
            "fr-CH",
            &format!("1{NN}234"),
            &format!("12{NN}000"),
            &format!("1{NN}234{NN}567,5"),
            "-3,25",
            "27%",
        ),
        ("es", "1234", "12.000", "1.234.567,5", "-3,25", "27\u{a0}%"),
        ("es-MX", "1,234", "12,000", "1,234,567.5", "-3.25", "27%"),
        (
            "pt",
            "1234",
            &format!("12{NB}000"),
            &format!("1{NB}234{NB}567,5"),
            "-3,25",
            "27%",
        ),
        ("pt-BR", "1.234", "12.000", "1.234.567,5", "-3,25", "27%"),
        ("it", "1234", "12.000", "1.234.567,5", "-3,25", "27%"),
        ("it-CH", "1234", "12'000", "1'234'567.5", "-3.25", "27%"),
        ("nl", "1.234", "12.000", "1.234.567,5", "-3,25", "27%"),
        (
            "pl",
            "1234",
            &format!("12{NB}000"),
            &format!("1{NB}234{NB}567,5"),
            "-3,25",
            "27%",
        ),
        ("tr", "1.234", "12.000", "1.234.567,5", "-3,25", "%27"),
        (
            "ru",
            &format!("1{NB}234"),
            &format!("12{NB}000"),
            &format!("1{NB}234{NB}567,5"),
            "-3,25",
            "27\u{a0}%",
        ),
        (
            "uk",
            &format!("1{NB}234"),
            &format!("12{NB}000"),
            &format!("1{NB}234{NB}567,5"),
            "-3,25",
            "27%",
        ),
        ("ar", "1,234", "12,000", "1,234,567.5", "-3.25", "27%"),
        ("he", "1,234", "12,000", "1,234,567.5", "-3.25", "27%"),
        ("fa", "1,234", "12,000", "1,234,567.5", "-3.25", "27%"),
        ("hi", "1,234", "12,000", "12,34,567.5", "-3.25", "27%"),
        ("th", "1,234", "12,000", "1,234,567.5", "-3.25", "27%"),
        ("vi", "1.234", "12.000", "1.234.567,5", "-3,25", "27%"),
        ("id", "1.234", "12.000", "1.234.567,5", "-3,25", "27%"),
        ("ja", "1,234", "12,000", "1,234,567.5", "-3.25", "27%"),
        ("ko", "1,234", "12,000", "1,234,567.5", "-3.25", "27%"),
        ("zh-Hans", "1,234", "12,000", "1,234,567.5", "-3.25", "27%"),
        ("zh-TW", "1,234", "12,000", "1,234,567.5", "-3.25", "27%"),
        ("xx", "1234", "12,000", "1,234,567.5", "-3.25", "27%"),
    ];
    for (tag, a, b, c, d, e) in cases {
        let style = number_format(tag);
        let got = [
            format(1234.0, &style),
            format(12000.0, &style),
            format(1234567.5, &style),
            format(-3.25, &style),
            percent(27.0, &style),
        ];
        assert_eq!(got, [a, b, c, d, e], "{tag}");
    }
    assert_eq!(format(120000.0, &number_format("hi")), "1,20,000");
    assert_eq!(percent(-4.5, &number_format("tr")), "-%4,5");
    assert_eq!(Words::for_lang("de-CH").number(12000.0), "12'000");
    assert_eq!(Words::for_lang("fr").percent(27.0), "27\u{a0}%");
}

#[test]
fn right_to_left_languages() {
    for tag in [
        "ar", "ar-EG", "he", "iw", "fa", "fa-IR", "ur", "ps", "yi", "ckb", "az-Arab", "HE-il",
    ] {
        assert!(is_rtl_lang(tag), "{tag}");
    }
    for tag in ["en", "ja", "zh-Hant", "tr", "ku-Latn", "ar-Latn", "", "hi"] {
        assert!(!is_rtl_lang(tag), "{tag}");
    }
}

#[test]
fn the_documentation_lists_every_key() {
    let doc =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/languages.md"))
            .unwrap();
    for key in Key::ALL {
        assert!(
            doc.contains(&format!("`{}`", key.as_str())),
            "docs/languages.md: no `{}`",
            key.as_str()
        );
    }
    for tag in REQUIRED {
        assert!(
            doc.contains(&format!("`{tag}`")),
            "docs/languages.md: no `{tag}`"
        );
    }
}

#[test]
fn a_persona_is_named_once_by_its_curve_and_a_card_says_its_score() {
    // A card's points are dots without words: the card's accessible name
    // says its score (`emotion-point`); a stage's score, which no card
    // stands for, is a point titled with the stage (`emotion-point-persona`,
    // which a map may make name the persona).
    let map = |labels: &str| {
        format!(
            r#"{{"title":"t","personas":[{{"id":"ann","name":"Ann"}}],{labels}
            "stages":[{{"name":"Buy","cells":{{"actions":[{{"text":"Pays","score":4}}]}}}},
                      {{"name":"Wait","score":2,"cells":{{"actions":["Waits"]}}}}]}}"#
        )
    };
    let options = journeymap::render::RenderOptions::default();
    let svg = journeymap::render_svg(&map(""), &options).unwrap();
    assert!(svg.contains("data-persona-index=\"0\">\n<title>Ann</title>"));
    assert!(svg.contains("aria-label=\"Pays: 4\""));
    assert!(svg.contains("aria-label=\"Waits\""));
    assert!(!svg.contains("<title>Pays"));
    assert!(svg.contains("<title>Wait: 2</title>"));
    let own = map(
        r#""labels":{"emotion-point":"{label}, {value} of 5","emotion-point-persona":"{label} = {value} by {name}"},"#,
    );
    let svg = journeymap::render_svg(&own, &options).unwrap();
    assert!(svg.contains("aria-label=\"Pays, 4 of 5\""));
    assert!(svg.contains("<title>Wait = 2 by Ann</title>"));
}
