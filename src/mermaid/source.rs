//! The Mermaid text as Mermaid's own lexer sees it: lines, columns, and
//! character references kept whole.
//!
//! Mermaid replaces every `#NAME;` with an opaque placeholder before it
//! parses, so a reference is never syntax: `#59;` in a task does not end it
//! and `#35;` does not start a comment. Here a line becomes a list of
//! [`Atom`]s, one per character or reference, each knowing its column, and
//! the parser looks only at plain characters for syntax.

use super::entities;

/// One character of a line, or one `#NAME;` reference.
#[derive(Debug, Clone, PartialEq)]
pub struct Atom {
    pub kind: AtomKind,
    /// 1-based, in characters.
    pub column: usize,
    /// How many characters of the line it stands for.
    pub width: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub enum AtomKind {
    Char(char),
    /// `#NAME;`; `decoded` is `None` when HTML has no such name.
    Entity {
        name: String,
        decoded: Option<String>,
    },
}

impl Atom {
    /// The plain character, `None` for a reference.
    pub fn char(&self) -> Option<char> {
        match self.kind {
            AtomKind::Char(c) => Some(c),
            AtomKind::Entity { .. } => None,
        }
    }

    pub fn is(&self, wanted: char) -> bool {
        self.char() == Some(wanted)
    }

    /// Whitespace as JavaScript's `\s` and `trim()` see it.
    pub fn is_space(&self) -> bool {
        self.char().is_some_and(is_js_space)
    }

    /// The column just after this atom.
    pub fn end(&self) -> usize {
        self.column + self.width
    }
}

pub fn is_js_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}'
}

/// JavaScript's `\w`: ASCII letters, digits and `_`.
pub fn is_word(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// The lines of the text, as characters. A leading byte-order mark is
/// dropped; `\r\n` and a lone `\r` end a line, as Mermaid reads them.
pub fn lines(text: &str) -> Vec<Vec<char>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = vec![Vec::new()];
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                chars.next_if_eq(&'\n');
                lines.push(Vec::new());
            }
            '\n' => lines.push(Vec::new()),
            c => {
                if let Some(line) = lines.last_mut() {
                    line.push(c);
                }
            }
        }
    }
    lines
}

/// A line's atoms. Mermaid's own pre-processing quirks apply first: on a
/// line matching `style.*:\S*#.*;` (or the same with `classDef`), the last
/// `;` is dropped before references are found.
pub fn atoms(line: &[char]) -> Vec<Atom> {
    let mut chars: Vec<(char, usize)> = line.iter().copied().zip(1..).collect();
    for keyword in ["style", "classDef"] {
        if let Some(drop) = style_quirk(&chars, keyword) {
            chars.remove(drop);
        }
    }
    let mut atoms = Vec::with_capacity(chars.len());
    let mut i = 0;
    while let Some(&(c, column)) = chars.get(i) {
        if c == '#' {
            let name_end = chars
                .iter()
                .skip(i + 1)
                .position(|&(c, _)| !is_word(c))
                .map_or(chars.len(), |n| i + 1 + n);
            if name_end > i + 1
                && let Some(&(';', end_column)) = chars.get(name_end)
            {
                let name: String = chars
                    .get(i + 1..name_end)
                    .unwrap_or_default()
                    .iter()
                    .map(|&(c, _)| c)
                    .collect();
                atoms.push(Atom {
                    kind: AtomKind::Entity {
                        decoded: entities::decode(&name),
                        name,
                    },
                    column,
                    width: end_column + 1 - column,
                });
                i = name_end + 1;
                continue;
            }
        }
        atoms.push(Atom {
            kind: AtomKind::Char(c),
            column,
            width: 1,
        });
        i += 1;
    }
    atoms
}

/// Where `keyword.*:\S*#.*;` would match, the index of the `;` that
/// Mermaid's `encodeEntities` drops (the last one on the line).
fn style_quirk(chars: &[(char, usize)], keyword: &str) -> Option<usize> {
    let keyword: Vec<char> = keyword.chars().collect();
    let start = chars
        .windows(keyword.len())
        .position(|w| w.iter().map(|&(c, _)| c).eq(keyword.iter().copied()))?;
    let last_semicolon = chars.iter().rposition(|&(c, _)| c == ';')?;
    // For each colon after the keyword, the first `#` in the run of
    // non-space characters that follows it; one pass from the right.
    let mut first_hash = None;
    let mut hash_ahead = None;
    for (i, &(c, _)) in chars.iter().enumerate().skip(start + keyword.len()).rev() {
        if c == ':' {
            first_hash = hash_ahead.or(first_hash);
        }
        if is_js_space(c) {
            hash_ahead = None;
        } else if c == '#' {
            hash_ahead = Some(i);
        }
    }
    let first_hash = first_hash?;
    (first_hash < last_semicolon).then_some(last_semicolon)
}

/// Whitespace trimmed from both ends.
pub fn trim(atoms: &[Atom]) -> &[Atom] {
    let start = atoms.iter().position(|a| !a.is_space());
    let end = atoms.iter().rposition(|a| !a.is_space());
    match (start, end) {
        (Some(start), Some(end)) => atoms.get(start..=end).unwrap_or_default(),
        _ => &[],
    }
}

/// The atoms up to the first plain character in `stops`, and that stop.
pub fn until<'a>(atoms: &'a [Atom], stops: &[char]) -> (&'a [Atom], Option<&'a Atom>) {
    match atoms
        .iter()
        .position(|a| a.char().is_some_and(|c| stops.contains(&c)))
    {
        Some(i) => (atoms.get(..i).unwrap_or_default(), atoms.get(i)),
        None => (atoms, None),
    }
}

/// Splits at every plain `separator`.
pub fn split(atoms: &[Atom], separator: char) -> Vec<&[Atom]> {
    atoms.split(|a| a.is(separator)).collect()
}

/// The text the atoms show: references decoded, an unknown one as
/// `&NAME;` (what the browser shows). With `line_breaks`, `<br>`, `<br/>`
/// and `<br />` (any case) become `\n`, as Mermaid draws them.
pub fn text(atoms: &[Atom], line_breaks: bool) -> String {
    let mut out = String::new();
    let mut i = 0;
    while let Some(atom) = atoms.get(i) {
        if line_breaks
            && atom.is('<')
            && let Some(length) = line_break_length(atoms.get(i..).unwrap_or_default())
        {
            out.push('\n');
            i += length;
            continue;
        }
        match &atom.kind {
            AtomKind::Char(c) => out.push(*c),
            AtomKind::Entity {
                decoded: Some(decoded),
                ..
            } => out.push_str(decoded),
            AtomKind::Entity {
                name,
                decoded: None,
            } => {
                out.push('&');
                out.push_str(name);
                out.push(';');
            }
        }
        i += 1;
    }
    out
}

/// How many atoms `<br\s*/?>` takes at the start, if it is there.
fn line_break_length(atoms: &[Atom]) -> Option<usize> {
    let mut chars = atoms.iter().map(Atom::char);
    let mut length = 3;
    if chars.next()? != Some('<')
        || !chars.next()??.eq_ignore_ascii_case(&'b')
        || !chars.next()??.eq_ignore_ascii_case(&'r')
    {
        return None;
    }
    let mut next = chars.next()??;
    while is_js_space(next) {
        length += 1;
        next = chars.next()??;
    }
    if next == '/' {
        length += 1;
        next = chars.next()??;
    }
    (next == '>').then_some(length + 1)
}

/// The references HTML does not know, for warnings.
pub fn unknown_entities(atoms: &[Atom]) -> impl Iterator<Item = (&Atom, &str)> {
    atoms.iter().filter_map(|a| match &a.kind {
        AtomKind::Entity {
            name,
            decoded: None,
        } => Some((a, name.as_str())),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(text: &str) -> Vec<Atom> {
        atoms(&text.chars().collect::<Vec<_>>())
    }

    #[test]
    fn lines_end_at_any_line_break() {
        let lines = lines("\u{feff}a\r\nb\rc\n\nd");
        let lines: Vec<String> = lines.iter().map(|l| l.iter().collect()).collect();
        assert_eq!(lines, ["a", "b", "c", "", "d"]);
    }

    #[test]
    fn references_are_single_atoms_with_columns() {
        let atoms = line("a#59;b#amp;#x;#;");
        assert_eq!(text(&atoms, false), "a;b&&x;#;");
        let columns: Vec<usize> = atoms.iter().map(|a| a.column).collect();
        assert_eq!(columns, [1, 2, 6, 7, 12, 15, 16]);
        assert_eq!(unknown_entities(&atoms).count(), 1);
    }

    #[test]
    fn line_breaks_become_newlines() {
        let atoms = line("a<br>b<BR/>c<br \t/>d<bra>e#lt;br>");
        assert_eq!(text(&atoms, true), "a\nb\nc\nd<bra>e<br>");
        assert_eq!(text(&atoms, false), "a<br>b<BR/>c<br \t/>d<bra>e<br>");
    }

    #[test]
    fn style_lines_lose_their_last_semicolon() {
        assert_eq!(text(&line("style x:#59;"), false), "style x:#59");
        assert_eq!(text(&line("style x: #59;"), false), "style x: ;");
        assert_eq!(
            text(&line("classDef a:b#c; d;"), false),
            "classDef a:b&c; d"
        );
        assert_eq!(text(&line("a: b#59;"), false), "a: b;");
    }

    #[test]
    fn trims_and_splits() {
        let atoms = line("  a , b ,");
        assert_eq!(text(trim(&atoms), false), "a , b ,");
        let parts: Vec<String> = split(&atoms, ',')
            .into_iter()
            .map(|p| text(trim(p), false))
            .collect();
        assert_eq!(parts, ["a", "b", ""]);
    }
}
