//! The output oracle: what every SVG journeymap writes must satisfy,
//! whatever the map. Used by the tests and by the fuzz targets
//! (`fuzz/`, which include this file by path).
//!
//! It parses the SVG as XML and checks: element names, and attribute names
//! per element, within an allowlist; no `on*` attribute; every `href` with an
//! allowed scheme; no external reference anywhere; the style sheet made only
//! of the code's own characters; every number finite; every id carrying the
//! instance prefix and every id reference resolving; the cards of each
//! stage showing its items' texts (whitespace aside), each once and in the
//! map's order (lane by lane, item by item).

use journeymap::model::Map;

/// Element → the attributes it may carry (besides the common ones).
const ALLOWED: &[(&str, &[&str])] = &[
    (
        "svg",
        &[
            "xmlns",
            "id",
            "viewBox",
            "width",
            "height",
            "role",
            "aria-labelledby",
            "font-family",
            "font-size",
            "direction",
            // `lang` and `xml:lang` (the map's language).
            "lang",
        ],
    ),
    ("title", &["id"]),
    ("desc", &["id"]),
    ("style", &[]),
    (
        "g",
        &[
            "role",
            "tabindex",
            "aria-label",
            "transform",
            "data-stage-index",
            "data-lane-index",
            "data-persona-index",
            "data-channel",
            "data-owner",
            "id",
        ],
    ),
    ("rect", &["x", "y", "width", "height", "rx", "fill"]),
    ("line", &["x1", "y1", "x2", "y2", "data-lane-index"]),
    ("polyline", &["points", "data-lane-index"]),
    // A dots path (persona markers, emotion points) says its dots' width.
    ("path", &["d", "stroke-width"]),
    ("circle", &["cx", "cy", "r", "fill"]),
    (
        "text",
        &[
            "font-size",
            "font-weight",
            "font-style",
            "direction",
            "text-anchor",
            "x",
            "y",
        ],
    ),
    ("tspan", &["x", "y"]),
    ("a", &["href", "target", "rel"]),
];
const COMMON: &[&str] = &["class"];
const NUMERIC: &[&str] = &[
    "x",
    "y",
    "width",
    "height",
    "rx",
    "x1",
    "y1",
    "x2",
    "y2",
    "cx",
    "cy",
    "r",
    "font-size",
    "stroke-width",
    "data-persona-index",
    "data-channel",
    "data-owner",
];
const GEOMETRY: &[&str] = &["d", "points", "transform", "viewBox"];
const SCHEMES: &[&str] = &["http:", "https:", "mailto:"];

pub fn check(svg: &str, map: &Map, prefix: &str) -> Result<(), String> {
    let document = roxmltree::Document::parse(svg).map_err(|e| format!("not XML: {e}"))?;
    let root = document.root_element();
    if root.tag_name().name() != "svg"
        || root.tag_name().namespace() != Some("http://www.w3.org/2000/svg")
    {
        return Err("the root is not an SVG element".into());
    }
    let mut ids = Vec::new();
    let mut references = Vec::new();
    let mut style_ids = Vec::new();
    for node in document.descendants().filter(|n| n.is_element()) {
        let name = node.tag_name().name();
        let Some((_, allowed)) = ALLOWED.iter().find(|(element, _)| *element == name) else {
            return Err(format!("element <{name}> is not allowed"));
        };
        for attribute in node.attributes() {
            let key = attribute.name();
            let value = attribute.value();
            if key.to_ascii_lowercase().starts_with("on") {
                return Err(format!("event attribute {key} on <{name}>"));
            }
            if !allowed.contains(&key) && !COMMON.contains(&key) {
                return Err(format!("attribute {key} is not allowed on <{name}>"));
            }
            // The one namespaced attribute allowed: `xml:lang` on the root.
            let xml_lang = name == "svg"
                && key == "lang"
                && attribute.namespace() == Some("http://www.w3.org/XML/1998/namespace");
            if attribute.namespace().is_some() && !xml_lang {
                return Err(format!("namespaced attribute {key} on <{name}>"));
            }
            let lower = value.to_ascii_lowercase();
            // A reference out of the drawing hides in a CSS `url(…)` or a
            // script URL. Not in an accessible name (text), nor in a link,
            // where such words are only part of the address and the
            // scheme is checked below: a query may say `url(` or
            // `javascript:` (the fuzzer found the first).
            if !matches!(key, "aria-label" | "href")
                && (lower.contains("url(") || lower.contains("javascript:"))
            {
                return Err(format!("{key}={value:?} on <{name}> refers outside"));
            }
            if NUMERIC.contains(&key) && !value.parse::<f64>().is_ok_and(f64::is_finite) {
                return Err(format!(
                    "{key}={value:?} on <{name}> is not a finite number"
                ));
            }
            if GEOMETRY.contains(&key) && (lower.contains("nan") || lower.contains("inf")) {
                return Err(format!(
                    "{key}={value:?} on <{name}> holds a non-finite number"
                ));
            }
            match key {
                "href" => {
                    let scheme_ok = SCHEMES.iter().any(|s| lower.starts_with(s));
                    if !scheme_ok || value.chars().any(char::is_control) {
                        return Err(format!("href {value:?} has a scheme that is not allowed"));
                    }
                }
                "id" => ids.push(value.to_owned()),
                "aria-labelledby" => references.extend(value.split_whitespace().map(str::to_owned)),
                "fill" if !is_hex_color(value) => {
                    return Err(format!("fill {value:?} is not a colour"));
                }
                "font-family"
                    if !value
                        .chars()
                        .all(|c| c.is_alphanumeric() || " ,-'".contains(c)) =>
                {
                    return Err(format!("font-family {value:?} carries other characters"));
                }
                _ => {}
            }
        }
        if name == "style" {
            let css = node.text().unwrap_or("");
            if !css
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "#{}:;-.,()%@ _".contains(c))
            {
                return Err("the style sheet holds characters the code never writes".into());
            }
            if css.to_ascii_lowercase().contains("url(") {
                return Err("the style sheet refers outside (url)".into());
            }
            style_ids.extend(style_id_selectors(css)?);
        }
    }
    for id in &ids {
        if id != prefix && !id.starts_with(&format!("{prefix}-")) {
            return Err(format!("id {id:?} does not carry the prefix {prefix:?}"));
        }
    }
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    if unique.len() != ids.len() {
        return Err("an id appears twice".into());
    }
    for reference in references.into_iter().chain(style_ids) {
        if !ids.contains(&reference) {
            return Err(format!(
                "reference to {reference:?}, which is not in the document"
            ));
        }
    }
    check_cards(&document, map)
}

/// The ids the style sheet's selectors name (`#jm1 .jm-card` → `jm1`);
/// a `#` inside declarations may only start a hex colour.
fn style_id_selectors(css: &str) -> Result<Vec<String>, String> {
    let mut ids = Vec::new();
    let mut chunk = String::new();
    for c in css.chars() {
        match c {
            '{' => {
                if !chunk.trim_start().starts_with('@') {
                    for part in chunk.split('#').skip(1) {
                        let id: String = part
                            .chars()
                            .take_while(|c| c.is_ascii_alphanumeric() || "-_".contains(*c))
                            .collect();
                        ids.push(id);
                    }
                }
                chunk.clear();
            }
            '}' => {
                for part in chunk.split('#').skip(1) {
                    let colour: String = part.chars().take_while(char::is_ascii_hexdigit).collect();
                    if !is_hex_color(&format!("#{colour}")) {
                        return Err(format!("a # in the declarations {chunk:?} is not a colour"));
                    }
                }
                chunk.clear();
            }
            _ => chunk.push(c),
        }
    }
    Ok(ids)
}

fn is_hex_color(value: &str) -> bool {
    value.len() == 7
        && value.starts_with('#')
        && value.chars().skip(1).all(|c| c.is_ascii_hexdigit())
}

fn without_whitespace(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Each card's lines, joined, give back the text of an item of its stage,
/// and the cards of a stage, in document order, are its items in the
/// map's order, each once (a card carries its stage's index; which lane
/// and item it is, its text and place tell).
fn check_cards(document: &roxmltree::Document<'_>, map: &Map) -> Result<(), String> {
    let mut shown: Vec<Vec<String>> = vec![Vec::new(); map.stages.len()];
    for card in document.descendants().filter(|n| {
        n.attribute("class")
            .is_some_and(|c| c.split(' ').any(|c| c == "jm-card"))
    }) {
        let stage = card
            .attribute("data-stage-index")
            .and_then(|v| v.parse::<usize>().ok())
            .ok_or("a card without its stage index")?;
        let text = card
            .descendants()
            .find(|n| n.has_tag_name("text") && n.attribute("class") == Some("jm-card-text"))
            .ok_or("a card without text")?;
        let text: String = text
            .descendants()
            .filter(|n| n.is_text())
            .filter_map(|n| n.text())
            .map(without_whitespace)
            .collect();
        shown.get_mut(stage).ok_or("a card of no stage")?.push(text);
    }
    for (stage, shown) in map.stages.iter().zip(&shown) {
        let expected: Vec<String> = stage
            .cells
            .iter()
            .flatten()
            .map(|item| without_whitespace(&item.text))
            .collect();
        if *shown != expected {
            return Err(format!(
                "the cards of stage {:?} show {shown:?}, its items are {expected:?}",
                stage.name
            ));
        }
    }
    Ok(())
}
