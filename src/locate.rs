//! Where a JSON path sits in the JSON text, and which keys are duplicated.
//!
//! serde_json's values forget positions and keep only the last of two equal
//! keys, so validation works on paths; this module walks the text once
//! afterwards to turn the paths that need reporting into lines and columns,
//! and to find duplicate keys. The text has already been parsed, so the walk
//! can be simple, but it never panics on any input.

use crate::diagnostic::{JsonPath, Segment};
use std::borrow::Cow;
use std::collections::{BTreeMap, HashSet};

/// A 1-based line and column (columns count characters).
pub type LineColumn = (usize, usize);

#[derive(Debug, Default)]
pub struct Located {
    positions: BTreeMap<JsonPath, LineColumn>,
    /// Each key that appears a second time in its object, with where.
    pub duplicate_keys: Vec<(JsonPath, LineColumn)>,
}

impl Located {
    /// The position of `path`, or of the deepest part of it that exists
    /// (a missing field is reported at the object that lacks it).
    pub fn position(&self, path: &JsonPath) -> Option<LineColumn> {
        let mut prefix = path.clone();
        loop {
            if let Some(position) = self.positions.get(&prefix) {
                return Some(*position);
            }
            prefix.0.pop()?;
        }
    }
}

#[derive(Default)]
struct Trie {
    children: BTreeMap<Segment, Trie>,
}

/// Walks `text` once: records the position of every prefix of `wanted`
/// (object members at their key, array elements at their first character)
/// and every duplicate key.
pub fn locate(text: &str, wanted: &[JsonPath]) -> Located {
    let mut trie = Trie::default();
    for path in wanted {
        let mut node = &mut trie;
        for segment in &path.0 {
            node = node.children.entry(segment.clone()).or_default();
        }
    }
    let mut walker = Walker {
        bytes: text.as_bytes(),
        text,
        pos: 0,
        path: Vec::new(),
        offsets: Vec::new(),
        duplicates: Vec::new(),
    };
    walker.skip_ws();
    walker.offsets.push((JsonPath::root(), walker.pos));
    walker.value(Some(&trie), 0);

    let mut requests: Vec<(usize, usize, bool)> = Vec::new();
    for (i, (_, offset)) in walker.offsets.iter().enumerate() {
        requests.push((*offset, i, false));
    }
    for (i, (_, offset)) in walker.duplicates.iter().enumerate() {
        requests.push((*offset, i, true));
    }
    let line_columns = line_columns(text, &requests);
    let mut located = Located::default();
    for ((index, is_duplicate), position) in line_columns {
        if is_duplicate {
            if let Some((path, _)) = walker.duplicates.get(index) {
                located.duplicate_keys.push((path.clone(), position));
            }
        } else if let Some((path, _)) = walker.offsets.get(index) {
            located.positions.insert(path.clone(), position);
        }
    }
    located.duplicate_keys.sort_by(|a, b| a.1.cmp(&b.1));
    located
}

/// Converts byte offsets to line and column in one sweep.
fn line_columns(text: &str, requests: &[(usize, usize, bool)]) -> Vec<((usize, bool), LineColumn)> {
    let mut sorted: Vec<&(usize, usize, bool)> = requests.iter().collect();
    sorted.sort();
    let mut out = Vec::with_capacity(sorted.len());
    let (mut line, mut column) = (1, 1);
    let mut chars = text.char_indices().peekable();
    for &&(offset, index, is_duplicate) in &sorted {
        while let Some(&(i, c)) = chars.peek() {
            if i >= offset {
                break;
            }
            if c == '\n' {
                line += 1;
                column = 1;
            } else {
                column += 1;
            }
            chars.next();
        }
        out.push(((index, is_duplicate), (line, column)));
    }
    out
}

enum RawSegment<'a> {
    Key(&'a str),
    Index(usize),
}

struct Walker<'a> {
    bytes: &'a [u8],
    text: &'a str,
    pos: usize,
    path: Vec<RawSegment<'a>>,
    offsets: Vec<(JsonPath, usize)>,
    duplicates: Vec<(JsonPath, usize)>,
}

impl<'a> Walker<'a> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn current_path(&self) -> JsonPath {
        JsonPath(
            self.path
                .iter()
                .map(|segment| match segment {
                    RawSegment::Key(raw) => Segment::Key(unescape(raw).into_owned()),
                    RawSegment::Index(i) => Segment::Index(*i),
                })
                .collect(),
        )
    }

    fn value(&mut self, node: Option<&Trie>, depth: usize) {
        if depth > crate::parse::MAX_NESTING + 1 {
            return;
        }
        match self.peek() {
            Some(b'{') => self.object(node, depth),
            Some(b'[') => self.array(node, depth),
            Some(b'"') => {
                self.string();
            }
            Some(_) => {
                while let Some(b) = self.peek() {
                    if matches!(b, b',' | b']' | b'}' | b' ' | b'\t' | b'\n' | b'\r') {
                        break;
                    }
                    self.pos += 1;
                }
            }
            None => {}
        }
    }

    /// Returns the raw (still escaped) content of the string at `pos`.
    fn string(&mut self) -> &'a str {
        let start = self.pos + 1;
        self.pos = start;
        while let Some(b) = self.peek() {
            match b {
                b'\\' => self.pos += 2,
                b'"' => break,
                _ => self.pos += 1,
            }
        }
        let raw = self.text.get(start..self.pos).unwrap_or("");
        self.pos += 1;
        raw
    }

    fn object(&mut self, node: Option<&Trie>, depth: usize) {
        self.pos += 1;
        let mut seen: HashSet<Cow<'a, str>> = HashSet::new();
        loop {
            self.skip_ws();
            match self.peek() {
                Some(b'"') => {}
                Some(b'}') | None => {
                    self.pos += 1;
                    return;
                }
                Some(_) => {
                    self.pos += 1;
                    continue;
                }
            }
            let key_offset = self.pos;
            let raw_key = self.string();
            let key = unescape(raw_key);
            self.path.push(RawSegment::Key(raw_key));
            if !seen.insert(key.clone()) {
                let path = self.current_path();
                self.duplicates.push((path, key_offset));
            }
            let child = node.and_then(|n| n.children.get(&Segment::Key(key.into_owned())));
            if child.is_some() {
                let path = self.current_path();
                self.offsets.push((path, key_offset));
            }
            self.skip_ws();
            if self.peek() == Some(b':') {
                self.pos += 1;
            }
            self.skip_ws();
            self.value(child, depth + 1);
            self.path.pop();
            self.skip_ws();
            if self.peek() == Some(b',') {
                self.pos += 1;
            }
        }
    }

    fn array(&mut self, node: Option<&Trie>, depth: usize) {
        self.pos += 1;
        let mut index = 0;
        loop {
            self.skip_ws();
            match self.peek() {
                Some(b']') | None => {
                    self.pos += 1;
                    return;
                }
                Some(b',') => {
                    self.pos += 1;
                    continue;
                }
                Some(_) => {}
            }
            let child = node.and_then(|n| n.children.get(&Segment::Index(index)));
            self.path.push(RawSegment::Index(index));
            if child.is_some() {
                let path = self.current_path();
                self.offsets.push((path, self.pos));
            }
            let before = self.pos;
            self.value(child, depth + 1);
            if self.pos == before {
                self.pos += 1;
            }
            self.path.pop();
            index += 1;
        }
    }
}

fn unescape(raw: &str) -> Cow<'_, str> {
    if raw.contains('\\') {
        serde_json::from_str::<String>(&format!("\"{raw}\"")).map_or(Cow::Borrowed(raw), Cow::Owned)
    } else {
        Cow::Borrowed(raw)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(segments: &[Segment]) -> JsonPath {
        JsonPath(segments.to_vec())
    }

    #[test]
    fn finds_members_and_elements() {
        let text = "{\n  \"stages\": [\n    {\"name\": \"A\"},\n    {\"name\": 7}\n  ]\n}";
        let wanted = path(&[
            Segment::Key("stages".into()),
            Segment::Index(1),
            Segment::Key("name".into()),
        ]);
        let located = locate(text, std::slice::from_ref(&wanted));
        assert_eq!(located.position(&wanted), Some((4, 6)));
        let missing = wanted.key("deeper");
        assert_eq!(located.position(&missing), Some((4, 6)));
    }

    #[test]
    fn reports_duplicate_keys_even_when_escaped() {
        let text = r#"{"title": "a", "ti\u0074le": "b", "x": {"k": 1, "k": 2}}"#;
        let located = locate(text, &[]);
        let paths: Vec<String> = located
            .duplicate_keys
            .iter()
            .map(|(p, _)| p.to_string())
            .collect();
        assert_eq!(paths, ["title", "x.k"]);
    }
}
