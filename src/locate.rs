//! Where a JSON path sits in the JSON text, and which keys are duplicated.
//!
//! serde_json's values forget positions and keep only the last of two equal
//! keys, so validation works on paths; this module walks the text once
//! afterwards to turn the paths that need reporting into lines and columns,
//! and to find duplicate keys. The text has already been parsed, so the walk
//! can be simple, but it never panics on any input.

pub use crate::diagnostic::LineColumn;
use crate::diagnostic::{JsonPath, Segment};
use crate::hash::HashMap;
use std::borrow::Cow;

#[derive(Debug, Default)]
pub struct Located {
    tree: Tree,
    /// Each key that appears again in its object, in document order.
    pub duplicate_keys: Vec<DuplicateKey>,
}

/// A key that appears more than once in one object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DuplicateKey {
    /// The path of the key (the same for every occurrence).
    pub path: JsonPath,
    /// Where this occurrence is.
    pub at: LineColumn,
    /// Where the key first appears in the object.
    pub first: LineColumn,
}

impl Located {
    /// The position of `path`, or of the deepest part of it that exists
    /// (a missing field is reported at the object that lacks it). For a key
    /// that appears twice, the last occurrence: its value is the one read.
    pub fn position(&self, path: &JsonPath) -> Option<LineColumn> {
        let mut node = ROOT;
        let mut best = self.tree.nodes.get(ROOT)?.position;
        for segment in &path.0 {
            let Some(child) = self.tree.child(node, segment) else {
                break;
            };
            node = child;
            if let Some(position) = self.tree.nodes.get(node).and_then(|n| n.position) {
                best = Some(position);
            }
        }
        best
    }
}

/// The wanted paths as a tree of nodes in one vector (node 0 is the
/// document), so the walk looks children up by borrowed key and records
/// offsets by node number, without building paths.
#[derive(Debug)]
struct Tree {
    nodes: Vec<Node>,
}

const ROOT: usize = 0;

#[derive(Debug, Default)]
struct Node {
    keys: HashMap<String, usize>,
    indices: HashMap<usize, usize>,
    position: Option<LineColumn>,
}

impl Default for Tree {
    fn default() -> Self {
        Tree {
            nodes: vec![Node::default()],
        }
    }
}

impl Tree {
    fn key_child(&self, node: usize, key: &str) -> Option<usize> {
        self.nodes.get(node)?.keys.get(key).copied()
    }

    fn index_child(&self, node: usize, index: usize) -> Option<usize> {
        self.nodes.get(node)?.indices.get(&index).copied()
    }

    fn child(&self, node: usize, segment: &Segment) -> Option<usize> {
        match segment {
            Segment::Key(key) => self.key_child(node, key),
            Segment::Index(index) => self.index_child(node, *index),
        }
    }

    fn insert(&mut self, path: &JsonPath) {
        let mut node = ROOT;
        for segment in &path.0 {
            node = match self.child(node, segment) {
                Some(child) => child,
                None => {
                    let child = self.nodes.len();
                    self.nodes.push(Node::default());
                    if let Some(parent) = self.nodes.get_mut(node) {
                        match segment {
                            Segment::Key(key) => parent.keys.insert(key.clone(), child),
                            Segment::Index(index) => parent.indices.insert(*index, child),
                        };
                    }
                    child
                }
            };
        }
    }
}

/// Walks `text` once: records the position of every prefix of `wanted`
/// (object members at their key, array elements at their first character)
/// and every duplicate key.
pub fn locate<'p>(text: &str, wanted: impl IntoIterator<Item = &'p JsonPath>) -> Located {
    let mut tree = Tree::default();
    for path in wanted {
        tree.insert(path);
    }
    let mut walker = Walker {
        bytes: text.as_bytes(),
        text,
        tree: &tree,
        pos: 0,
        path: Vec::new(),
        offsets: Vec::new(),
        seen: Vec::new(),
        duplicates: Vec::new(),
    };
    walker.skip_ws();
    walker.offsets.push((ROOT, walker.pos));
    walker.value(Some(ROOT), 0);
    let Walker {
        offsets,
        duplicates,
        ..
    } = walker;

    let mut wanted_offsets: Vec<usize> = offsets.iter().map(|(_, offset)| *offset).collect();
    for (_, at, first) in &duplicates {
        wanted_offsets.push(*at);
        wanted_offsets.push(*first);
    }
    let positions = line_columns(text, wanted_offsets);
    let position = |offset: usize| {
        positions
            .binary_search_by_key(&offset, |(o, _)| *o)
            .ok()
            .and_then(|i| positions.get(i))
            .map_or((1, 1), |(_, position)| *position)
    };
    // In walk order, so that of a key written twice the last one counts.
    for (node, offset) in offsets {
        if let Some(node) = tree.nodes.get_mut(node) {
            node.position = Some(position(offset));
        }
    }
    let mut duplicate_keys: Vec<DuplicateKey> = duplicates
        .into_iter()
        .map(|(path, at, first)| DuplicateKey {
            path,
            at: position(at),
            first: position(first),
        })
        .collect();
    crate::sort::sort_by_key(&mut duplicate_keys, |duplicate| duplicate.at);
    Located {
        tree,
        duplicate_keys,
    }
}

/// Converts byte offsets to lines and columns in one sweep up to the last
/// of them; returns them sorted by offset, without repeats.
fn line_columns(text: &str, mut offsets: Vec<usize>) -> Vec<(usize, LineColumn)> {
    crate::sort::sort_by_key(&mut offsets, |&offset| offset);
    offsets.dedup();
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(offsets.len());
    let (mut line, mut column) = (1, 1);
    let mut at = 0;
    for offset in offsets {
        let end = offset.min(bytes.len());
        for &byte in bytes.get(at..end).unwrap_or_default() {
            if byte == b'\n' {
                line += 1;
                column = 1;
            } else if byte & 0xC0 != 0x80 {
                // Not a UTF-8 continuation byte: a new character.
                column += 1;
            }
        }
        at = at.max(end);
        out.push((offset, (line, column)));
    }
    out
}

enum RawSegment<'a> {
    Key(&'a str),
    Index(usize),
}

/// Above this many keys, an object's keys are looked up in a hash map
/// rather than by scanning them.
const SCAN_KEYS: usize = 24;

struct Walker<'a, 't> {
    bytes: &'a [u8],
    text: &'a str,
    tree: &'t Tree,
    pos: usize,
    path: Vec<RawSegment<'a>>,
    /// Wanted nodes found, with their offsets.
    offsets: Vec<(usize, usize)>,
    /// The keys of the objects being walked (each object's above its
    /// parent's), with their offsets, to find duplicates.
    seen: Vec<(Cow<'a, str>, usize)>,
    /// Keys seen again: path, offset, offset of the first occurrence.
    duplicates: Vec<(JsonPath, usize, usize)>,
}

impl<'a> Walker<'a, '_> {
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

    fn value(&mut self, node: Option<usize>, depth: usize) {
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

    fn object(&mut self, node: Option<usize>, depth: usize) {
        self.pos += 1;
        let base = self.seen.len();
        let mut many: Option<HashMap<String, usize>> = None;
        loop {
            self.skip_ws();
            match self.peek() {
                Some(b'"') => {}
                Some(b'}') | None => {
                    self.pos += 1;
                    break;
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
            let child = node.and_then(|n| self.tree.key_child(n, &key));
            let earlier = match &mut many {
                Some(map) => match map.get(key.as_ref()) {
                    Some(&first) => Some(first),
                    None => {
                        map.insert(key.into_owned(), key_offset);
                        None
                    }
                },
                None => {
                    let earlier = self
                        .seen
                        .get(base..)
                        .unwrap_or_default()
                        .iter()
                        .find(|(seen, _)| *seen == key)
                        .map(|(_, first)| *first);
                    if earlier.is_none() {
                        self.seen.push((key, key_offset));
                        if self.seen.len() - base > SCAN_KEYS {
                            many = Some(
                                self.seen
                                    .drain(base..)
                                    .map(|(key, first)| (key.into_owned(), first))
                                    .collect(),
                            );
                        }
                    }
                    earlier
                }
            };
            if let Some(first) = earlier {
                let path = self.current_path();
                self.duplicates.push((path, key_offset, first));
            }
            if let Some(child) = child {
                self.offsets.push((child, key_offset));
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
        self.seen.truncate(base);
    }

    fn array(&mut self, node: Option<usize>, depth: usize) {
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
            let child = node.and_then(|n| self.tree.index_child(n, index));
            self.path.push(RawSegment::Index(index));
            if let Some(child) = child {
                self.offsets.push((child, self.pos));
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
    if raw.as_bytes().contains(&b'\\') {
        match serde_json::from_str::<serde_json::Value>(&format!("\"{raw}\"")) {
            Ok(serde_json::Value::String(key)) => Cow::Owned(key),
            _ => Cow::Borrowed(raw),
        }
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
    fn finds_duplicates_in_large_and_nested_objects() {
        let mut text = String::from("{");
        for i in 0..40 {
            text.push_str(&format!("\"k{i}\": {{\"a\": 1, \"a\": 2}}, "));
        }
        text.push_str("\"k3\": 0, \"k39\": 0}");
        let located = locate(&text, &[]);
        let paths: Vec<String> = located
            .duplicate_keys
            .iter()
            .map(|duplicate| duplicate.path.to_string())
            .collect();
        let mut expected: Vec<String> = (0..40).map(|i| format!("k{i}.a")).collect();
        expected.extend(["k3".to_owned(), "k39".to_owned()]);
        assert_eq!(paths, expected);
        let k3 = located.duplicate_keys.get(40).map(|d| (d.first, d.at));
        let first = text.find("\"k3\"").unwrap_or(0) + 1;
        let at = text.rfind("\"k3\"").unwrap_or(0) + 1;
        assert_eq!(k3, Some(((1, first), (1, at))));
    }

    #[test]
    fn a_key_written_twice_is_located_at_its_last_occurrence() {
        let text = "{\"a\": 1,\n \"a\": 2}";
        let wanted = path(&[Segment::Key("a".into())]);
        let located = locate(text, std::slice::from_ref(&wanted));
        assert_eq!(located.position(&wanted), Some((2, 2)));
    }

    #[test]
    fn reports_duplicate_keys_even_when_escaped() {
        let text = r#"{"title": "a", "ti\u0074le": "b", "x": {"k": 1, "k": 2}}"#;
        let located = locate(text, &[]);
        let paths: Vec<String> = located
            .duplicate_keys
            .iter()
            .map(|duplicate| duplicate.path.to_string())
            .collect();
        assert_eq!(paths, ["title", "x.k"]);
    }
}
