//! Hostile input at the limits: the oversized document, the largest valid
//! map, every example in every theme, narrowed link schemes, and the output
//! oracle itself. The hostile corpus (`tests/hostile/`, each case with its
//! expected outcome) runs in the golden harness: `tests/golden.rs`.

#[path = "support/oracle.rs"]
mod oracle;

use journeymap::model::ThemeMode;
use journeymap::render::{RenderOptions, render};
use std::fs;

#[test]
fn an_oversized_document_is_refused_before_parsing() {
    let padding = " ".repeat(journeymap::parse::MAX_DOCUMENT_BYTES);
    let text = format!("{{\"title\": \"t\", \"stages\": [{{\"name\": \"A\"}}]}}{padding}");
    let errors = journeymap::validate(&text).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0].message.contains("the limit is 5000000 bytes"),
        "{}",
        errors[0].message
    );
}

#[test]
fn the_largest_valid_map_renders_and_passes_the_oracle() {
    let stages: Vec<serde_json::Value> = (0..200)
        .map(|s| {
            let items: Vec<String> = (0..100)
                .map(|i| format!("Item {i} of stage {s} <&>"))
                .collect();
            serde_json::json!({ "name": format!("Stage {s}"), "cells": { "actions": items } })
        })
        .collect();
    let text = serde_json::json!({ "title": "Largest", "stages": stages }).to_string();
    let map = journeymap::validate(&text).unwrap();
    let svg = render(&journeymap::layout::layout(&map), &RenderOptions::default());
    oracle::check(&svg, &map, "jm").unwrap();
}

#[test]
fn every_example_passes_the_oracle_in_every_theme_and_layout() {
    let mut examples: Vec<_> = fs::read_dir("examples")
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    examples.sort();
    assert!(examples.len() >= 6);
    for path in examples {
        let map = journeymap::validate(&fs::read_to_string(&path).unwrap()).unwrap();
        for layout in [
            journeymap::layout::layout(&map),
            journeymap::layout::stacked(&map, journeymap::layout::STACKED_WIDTH),
            journeymap::layout::stacked(&map, 320.0),
        ] {
            oracle_in_every_theme(&path, &map, &layout);
        }
    }
}

/// `layout` drawn in every theme passes the output oracle.
fn oracle_in_every_theme(
    path: &std::path::Path,
    map: &journeymap::model::Map,
    layout: &journeymap::Layout,
) {
    for theme in [
        None,
        Some(ThemeMode::Light),
        Some(ThemeMode::Dark),
        Some(ThemeMode::Auto),
    ] {
        let options = RenderOptions {
            id_prefix: "ex1".into(),
            theme,
            ..RenderOptions::default()
        };
        let svg = render(layout, &options);
        if let Err(problem) = oracle::check(&svg, map, "ex1") {
            panic!(
                "{} ({:?}, {theme:?}): {problem}",
                path.display(),
                layout.kind
            );
        }
    }
}

#[test]
fn a_page_can_narrow_the_link_schemes() {
    let text = r#"{"title": "t", "stages": [{"name": "A", "cells": {"actions": [
        {"text": "web", "url": "https://example.com"},
        {"text": "mail", "url": "mailto:help@example.com"}]}}]}"#;
    let everything = journeymap::render_svg(text, &RenderOptions::default()).unwrap();
    assert_eq!(everything.matches("<a ").count(), 2);
    let narrowed = RenderOptions {
        link_schemes: vec!["https".into()],
        ..RenderOptions::default()
    };
    let svg = journeymap::render_svg(text, &narrowed).unwrap();
    assert_eq!(svg.matches("<a ").count(), 1);
    assert!(svg.contains("href=\"https://example.com\""));
    assert_eq!(
        svg.matches("jm-link-hint").count(),
        everything.matches("jm-link-hint").count() - 1,
        "no link hint on the card whose link is not drawn"
    );
    assert!(
        svg.contains(">mail</"),
        "the text stays, only the link goes"
    );
}

#[test]
fn the_oracle_rejects_what_it_must() {
    let text = r#"{"title": "t", "stages": [{"name": "A", "cells": {"actions": [
        {"text": "web", "url": "https://example.com"}]}}]}"#;
    let map = journeymap::validate(text).unwrap();
    let options = RenderOptions {
        id_prefix: "jm7".into(),
        ..RenderOptions::default()
    };
    let svg = render(&journeymap::layout::layout(&map), &options);
    oracle::check(&svg, &map, "jm7").unwrap();
    let style_start = svg.find("<style>").unwrap();
    let (head, style) = svg.split_at(style_start);
    let broken = [
        svg.replacen("<title", "<script>alert(1)</script><title", 1),
        svg.replacen("<g ", "<g onload=\"alert(1)\" ", 1),
        svg.replacen("https://example.com", "javascript:alert(1)", 1),
        svg.replacen("<g ", "<foreignObject/><g ", 1),
        format!("{head}{}", style.replacen("#jm7", "#page-header", 1)),
        format!("{head}{}", style.replacen(":#", ":url(x) #", 1)),
        svg.replacen("id=\"jm7\"", "id=\"other\"", 1),
        svg.replacen(">web<", ">webs<", 1),
    ];
    for (index, svg) in broken.iter().enumerate() {
        assert!(
            oracle::check(svg, &map, "jm7").is_err(),
            "mutation {index} passed the oracle"
        );
    }
}
