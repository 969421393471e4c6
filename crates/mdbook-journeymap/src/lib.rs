//! mdbook-journeymap: an mdBook preprocessor that replaces every
//! ```` ```journeymap ```` block of a book (a JSON map or a Mermaid
//! `journey` diagram) by the map's inline SVG, rendered by the journeymap
//! core itself at build time: no browser, no JavaScript.
//!
//! It speaks mdBook's preprocessor protocol directly (`supports RENDERER`,
//! then `[context, book]` as JSON on stdin and the book on stdout) rather
//! than through the `mdbook` crates: the book is walked as plain JSON, so
//! only chapters' `content` changes and every other field passes through
//! untouched, whatever mdBook version wrote it (0.4's `sections`, 0.5's
//! `items`).
//!
//! Errors name the chapter's file and the line in it, `src/FILE.md:LINE:COL:
//! PATH: MESSAGE`: the fence's line plus the map's own line.

use journeymap::mermaid::{MermaidOptions, from_mermaid, looks_like_mermaid};
use journeymap::render::RenderOptions;
use journeymap::{Diagnostic, render_svg};
use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag, TagEnd};
use serde_json::Value;
use std::ops::Range;

/// The fence language this preprocessor renders.
pub const LANGUAGE: &str = "journeymap";

/// A ```` ```journeymap ```` block of a chapter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// Bytes of the chapter the block spans, fences included.
    pub range: Range<usize>,
    /// The block's text, as the Markdown parser gives it (container
    /// indentation and `>` markers removed).
    pub text: String,
    /// 1-based line of the opening fence.
    pub fence_line: usize,
}

/// The journeymap blocks of a chapter, in order.
pub fn blocks(markdown: &str) -> Vec<Block> {
    let mut found = Vec::new();
    let mut open: Option<Block> = None;
    for (event, range) in Parser::new(markdown).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info)))
                if info.split_whitespace().next() == Some(LANGUAGE) =>
            {
                open = Some(Block {
                    fence_line: line_of(markdown, range.start),
                    range,
                    text: String::new(),
                });
            }
            Event::Text(text) => {
                if let Some(block) = open.as_mut() {
                    block.text.push_str(&text);
                }
            }
            Event::End(TagEnd::CodeBlock) => found.extend(open.take()),
            _ => {}
        }
    }
    found
}

/// 1-based line of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    text.get(..offset)
        .map_or(0, |before| before.matches('\n').count())
        + 1
}

/// A block's diagnostic as a line of the chapter file: `FILE:LINE:COL: PATH:
/// MESSAGE`. The line is the fence's plus the map's; the column adds what
/// the Markdown parser removed from the start of that line (a list's
/// indentation, a quote's `> `).
fn locate(diagnostic: &Diagnostic, block: &Block, chapter: &str, file: &str) -> String {
    let (Some(line), Some(column)) = (diagnostic.line(), diagnostic.column()) else {
        return diagnostic.display_in(&format!("{file}:{}", block.fence_line));
    };
    let source_line = chapter
        .lines()
        .nth(block.fence_line + line - 1)
        .unwrap_or("");
    let map_line = block.text.lines().nth(line.saturating_sub(1)).unwrap_or("");
    let removed = if source_line.ends_with(map_line) {
        source_line.chars().count() - map_line.chars().count()
    } else {
        0
    };
    format!(
        "{file}:{}:{}: {}: {}",
        block.fence_line + line,
        column + removed,
        diagnostic.path(),
        diagnostic.text()
    )
}

/// The SVG of one block (JSON, or Mermaid when it reads as a `journey`
/// diagram), every id starting with `id_prefix`.
pub fn render_block(text: &str, id_prefix: &str) -> Result<String, Vec<Diagnostic>> {
    let options = RenderOptions {
        id_prefix: id_prefix.to_owned(),
        ..RenderOptions::default()
    };
    if looks_like_mermaid(text) {
        let imported = from_mermaid(text, &MermaidOptions::default())?;
        render_svg(&imported.json, &options)
    } else {
        render_svg(text, &options)
    }
}

/// A chapter with its blocks replaced by their SVG. `counter` numbers the
/// maps across the book (`jm-1`, `jm-2` …): mdBook's print page holds every
/// chapter at once, so ids must be unique book-wide. Errors are located
/// lines of `file`.
pub fn render_chapter(
    chapter: &str,
    file: &str,
    counter: &mut usize,
) -> Result<String, Vec<String>> {
    let mut out = String::with_capacity(chapter.len());
    let mut errors = Vec::new();
    let mut copied = 0;
    for block in blocks(chapter) {
        *counter += 1;
        match render_block(&block.text, &format!("jm-{counter}")) {
            Ok(svg) => {
                out.push_str(chapter.get(copied..block.range.start).unwrap_or(""));
                out.push_str(&as_html_block(&svg, chapter, &block));
                copied = block.range.end;
            }
            Err(problems) => {
                errors.extend(problems.iter().map(|d| locate(d, &block, chapter, file)))
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    out.push_str(chapter.get(copied..).unwrap_or(""));
    Ok(out)
}

/// The SVG as a Markdown HTML block in the fence's place: wrapped in a
/// `<div class="journeymap">`, each line after the first prefixed with what
/// precedes the fence on its line (so it stays inside a list item or a
/// quote), and ending with the line break the fence ended with. The SVG has
/// no blank line, which would end the HTML block.
fn as_html_block(svg: &str, chapter: &str, block: &Block) -> String {
    let line_start = chapter
        .get(..block.range.start)
        .and_then(|before| before.rfind('\n'))
        .map_or(0, |i| i + 1);
    let prefix = chapter.get(line_start..block.range.start).unwrap_or("");
    let mut html = String::from("<div class=\"journeymap\">");
    for (i, line) in svg.lines().enumerate() {
        if i > 0 {
            html.push('\n');
            html.push_str(prefix);
        }
        html.push_str(line);
    }
    html.push_str("</div>");
    if chapter
        .get(..block.range.end)
        .is_some_and(|spanned| spanned.ends_with('\n'))
    {
        html.push('\n');
    }
    html
}

/// The preprocessor's work: `[context, book]` (mdBook's JSON) in, the book
/// out. Every chapter with a source file is rendered; the errors of all
/// chapters are collected, each naming `SRC/FILE` relative to the book's
/// root.
pub fn process(input: &str) -> Result<String, Vec<String>> {
    let parsed: Value = serde_json::from_str(input).map_err(|e| {
        vec![format!(
            "mdbook-journeymap: cannot read mdBook's input: {e}"
        )]
    })?;
    let Value::Array(mut pair) = parsed else {
        return Err(vec![
            "mdbook-journeymap: expected [context, book] from mdBook".into(),
        ]);
    };
    let (Some(mut book), Some(context)) = (pair.pop(), pair.pop()) else {
        return Err(vec![
            "mdbook-journeymap: expected [context, book] from mdBook".into(),
        ]);
    };
    let src = context
        .pointer("/config/book/src")
        .and_then(Value::as_str)
        .unwrap_or("src")
        .trim_end_matches('/')
        .to_owned();
    let mut counter = 0;
    let mut errors = Vec::new();
    visit_chapters(&mut book, &mut |chapter| {
        let Some(content) = chapter.get("content").and_then(Value::as_str) else {
            return;
        };
        let file = match chapter.get("source_path").and_then(Value::as_str) {
            Some(path) => format!("{src}/{path}"),
            None => chapter
                .get("name")
                .and_then(Value::as_str)
                .unwrap_or("chapter")
                .to_owned(),
        };
        match render_chapter(content, &file, &mut counter) {
            Ok(rendered) => {
                chapter.insert("content".into(), Value::String(rendered));
            }
            Err(problems) => errors.extend(problems),
        }
    });
    if !errors.is_empty() {
        return Err(errors);
    }
    serde_json::to_string(&book)
        .map_err(|e| vec![format!("mdbook-journeymap: cannot write the book: {e}")])
}

/// Calls `visit` on every chapter object (`{"Chapter": {…}}`) of the book,
/// in book order, nested chapters after their parent.
fn visit_chapters(value: &mut Value, visit: &mut dyn FnMut(&mut serde_json::Map<String, Value>)) {
    match value {
        Value::Object(object) => {
            if let Some(Value::Object(chapter)) = object.get_mut("Chapter") {
                visit(chapter);
            }
            for child in object.values_mut() {
                visit_chapters(child, visit);
            }
        }
        Value::Array(items) => items
            .iter_mut()
            .for_each(|item| visit_chapters(item, visit)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MAP: &str =
        r#"{ "title": "T", "stages": [ { "name": "Cart", "cells": { "actions": ["Add"] } } ] }"#;

    #[test]
    fn finds_only_journeymap_fences_with_their_lines() {
        let md =
            format!("# A\n\n```rust\nfn main() {{}}\n```\n\n```journeymap\n{MAP}\n```\n\ntext\n");
        let found = blocks(&md);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].fence_line, 7);
        assert_eq!(found[0].text, format!("{MAP}\n"));
        assert!(md[found[0].range.clone()].starts_with("```journeymap"));
        assert!(md[found[0].range.clone()].trim_end().ends_with("```"));
    }

    #[test]
    fn replaces_the_fence_and_numbers_ids_across_chapters() {
        let md = format!("before\n\n```journeymap\n{MAP}\n```\n\nafter\n");
        let mut counter = 4;
        let out = render_chapter(&md, "src/a.md", &mut counter).unwrap();
        assert_eq!(counter, 5);
        assert!(out.starts_with("before\n\n<div class=\"journeymap\"><svg xmlns=\"http://www.w3.org/2000/svg\" id=\"jm-5\""));
        assert!(out.ends_with("</svg></div>\n\nafter\n"));
        assert!(!out.contains("```"));
    }

    #[test]
    fn errors_add_the_fence_line_and_the_quote_marker() {
        let md = "# Title\n\n> ```journeymap\n> { \"title\": \"T\",\n>   \"stages\": 3 }\n> ```\n";
        let errors = render_chapter(md, "src/ch.md", &mut 0).unwrap_err();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0].starts_with("src/ch.md:5:5: stages: expected an array"),
            "{}",
            errors[0]
        );
    }

    #[test]
    fn renders_mermaid_and_locates_its_errors() {
        let md = "```journeymap\njourney\n  title Tea\n  section Go\n    Make tea: 5: Me\n```\n";
        let out = render_chapter(md, "src/m.md", &mut 0).unwrap();
        assert!(out.contains("Make tea"));
        let bad = "\n```journeymap\njourney\n  section Go\n    Make tea: 9: Me\n```\n";
        let errors = render_chapter(bad, "src/m.md", &mut 0).unwrap_err();
        assert!(errors[0].starts_with("src/m.md:5:"), "{errors:?}");
    }

    #[test]
    fn a_list_item_keeps_its_indentation() {
        let md = format!("- item\n\n  ```journeymap\n  {MAP}\n  ```\n");
        let out = render_chapter(&md, "src/l.md", &mut 0).unwrap();
        assert!(
            out.contains("\n  <title id=\"jm-1-title\">T</title>"),
            "{out}"
        );
    }
}
