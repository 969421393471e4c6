//! Speed of card text wrapping: 20,000 card texts of about 60 characters,
//! wrapped at 180px (14px Liberation Sans), as layout does for a large map.
//! One set per path of the wrapper: ASCII, accented Latin, Japanese, and a
//! mix with emoji sequences and combining marks (UAX #29 segmentation).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use journeymap::text::{Weight, text_width, wrap_lines};

const CARDS: usize = 20_000;

const ASCII_WORDS: &[&str] = &[
    "customer",
    "signs",
    "up",
    "for",
    "the",
    "newsletter",
    "and",
    "receives",
    "a",
    "welcome",
    "email",
    "with",
    "discount",
    "code",
    "checkout",
    "fails",
    "when",
    "payment",
    "provider",
    "times",
    "out",
    "support",
    "ticket",
    "opened",
    "by",
    "agent",
    "(priority)",
    "onboarding",
    "step",
    "3/5",
    "-",
    "self-service",
    "portal",
];

const LATIN_WORDS: &[&str] = &[
    "Le",
    "client",
    "reçoit",
    "l'e-mail",
    "de",
    "bienvenue",
    "avec",
    "un",
    "code",
    "promo",
    "Der",
    "Kunde",
    "öffnet",
    "die",
    "App",
    "und",
    "bestätigt",
    "Zahlung",
    "fehlgeschlagen",
    "él",
    "está",
    "añadiendo",
    "artículos",
    "al",
    "carrito",
    "«",
    "»",
    "—",
];

const JAPANESE_WORDS: &[&str] = &[
    "顧客が会員登録する",
    "注文確認メールが届く",
    "支払いに失敗した",
    "サポートに問い合わせる",
    "。",
    "、",
];

const MIXED_WORDS: &[&str] = &[
    "client",
    "reçoit",
    "l'e-mail",
    "de",
    "bienvenue",
    "Kunde",
    "öffnet",
    "die",
    "App",
    "顧客が",
    "登録する",
    "注文確認",
    "😀",
    "👩‍👩‍👧‍👦",
    "🇫🇷",
    "לקוח",
    "נרשם",
    "Клиент",
    "оплачивает",
    "заказ",
    "café",
    "naïve",
    "e\u{301}lan",
    "ok",
];

/// Deterministic card texts of at least 60 characters from `words`.
fn cards(words: &[&str]) -> Vec<String> {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    (0..CARDS)
        .map(|_| {
            let mut text = String::new();
            while text.chars().count() < 60 {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                let index = usize::try_from(state >> 33).unwrap_or(0) % words.len();
                if !text.is_empty() {
                    text.push(' ');
                }
                text.push_str(words.get(index).copied().unwrap_or("x"));
            }
            text
        })
        .collect()
}

fn wrap_all(texts: &[String]) -> usize {
    texts
        .iter()
        .map(|t| wrap_lines(black_box(t), 180.0, 14.0, Weight::Regular).len())
        .sum()
}

fn bench(c: &mut Criterion) {
    for (name, words) in [
        ("ASCII", ASCII_WORDS),
        ("accented Latin", LATIN_WORDS),
        ("Japanese", JAPANESE_WORDS),
        ("mixed with emoji", MIXED_WORDS),
    ] {
        let texts = cards(words);
        c.bench_function(&format!("wrap 20k {name} cards (60 chars, 180px)"), |b| {
            b.iter(|| wrap_all(&texts));
        });
    }
    let ascii = cards(ASCII_WORDS);
    c.bench_function("measure 20k ASCII cards", |b| {
        b.iter(|| {
            ascii
                .iter()
                .map(|t| text_width(black_box(t), 14.0, Weight::Bold))
                .sum::<f64>()
        });
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
