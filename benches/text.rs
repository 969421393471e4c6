//! Speed of card text wrapping: 20,000 card texts of about 60 characters,
//! wrapped at 180px (14px Liberation Sans), as layout does for a large map.

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

/// Deterministic card texts of at least 60 bytes from `words`.
fn cards(words: &[&str]) -> Vec<String> {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    (0..CARDS)
        .map(|_| {
            let mut text = String::new();
            while text.len() < 60 {
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
    let ascii = cards(ASCII_WORDS);
    let mixed = cards(MIXED_WORDS);
    c.bench_function("wrap 20k ASCII cards (~60 chars, 180px)", |b| {
        b.iter(|| wrap_all(&ascii));
    });
    c.bench_function("wrap 20k mixed-script cards (~60 bytes, 180px)", |b| {
        b.iter(|| wrap_all(&mixed));
    });
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
