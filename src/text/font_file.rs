//! Measuring with a real font file (native builds only).
//!
//! Exists so that the CLI's SVG fits the font it names: the map's own
//! `theme.font` (or `--font FAMILY`) found among the system's fonts with
//! `fontdb`, or a TTF/OTF/TTC file (`--font-file PATH`), measured with
//! `ttf-parser`. There is no shaping: a cluster's advance is the sum of the
//! advances of its characters that take space (combining marks, viramas and
//! zero-width characters take none; an emoji sequence is 1 em), so
//! ligatures and kerning can only make the drawn text narrower than
//! measured. Characters the font lacks are measured as the browser's
//! fallback most likely draws them: by the Liberation Sans table, scaled to
//! this font's em.

use std::cell::OnceCell;
use std::collections::HashMap;
use std::fmt;
use std::path::Path;

use fontdb::{Database, Family, Query};
use ttf_parser::Face;
use unicode_width::UnicodeWidthChar;

use super::cluster::is_emoji_sequence;
use super::measure::{TextMeasure, Weight};
use super::table::{FONT_FAMILY, GENERIC_FAMILIES, LiberationTable};
use crate::validate::rules::check_font;

/// A font that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FontError {
    /// The file (or family) concerned.
    pub source: String,
    /// What is wrong with it, for people.
    pub message: String,
}

impl fmt::Display for FontError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.source, self.message)
    }
}

impl std::error::Error for FontError {}

/// The advances of one face, in the measurer's font units.
#[derive(Debug, Clone)]
struct Advances {
    ascii: [u32; 128],
    other: HashMap<char, u32>,
}

/// A [`TextMeasure`] reading a real font: Regular and Bold faces of one
/// family (one face for both when only a file is given).
#[derive(Debug, Clone)]
pub struct FontFileMeasure {
    family: String,
    units_per_em: u32,
    ascent: f64,
    descent: f64,
    line_gap: f64,
    regular: Advances,
    bold: Advances,
}

impl FontFileMeasure {
    /// Reads the first face of a TTF, OTF or TTC file, used for both
    /// weights.
    pub fn from_file(path: &Path) -> Result<FontFileMeasure, FontError> {
        let source = path.display().to_string();
        let data = std::fs::read(path).map_err(|error| FontError {
            source: source.clone(),
            message: format!("cannot read the font file: {error}"),
        })?;
        let face = Face::parse(&data, 0).map_err(|error| FontError {
            source,
            message: format!("not a TrueType or OpenType font ({error})"),
        })?;
        Ok(FontFileMeasure::new(&face, &face))
    }

    /// Looks `family` up among the system's fonts (ASCII case ignored):
    /// `None` when no face of that family is installed.
    pub fn from_system(fonts: &SystemFonts, family: &str) -> Option<FontFileMeasure> {
        let db = fonts.db();
        let name = db
            .faces()
            .flat_map(|face| face.families.iter())
            .map(|(name, _)| name)
            .find(|name| name.eq_ignore_ascii_case(family))?;
        let face = |weight: fontdb::Weight| {
            let query = Query {
                families: &[Family::Name(name)],
                weight,
                ..Query::default()
            };
            let id = db.query(&query)?;
            let data = db.with_face_data(id, |data, index| (data.to_vec(), index))?;
            Some((db.face(id)?.weight, data))
        };
        let (_, (regular_data, regular_index)) = face(fontdb::Weight::NORMAL)?;
        let regular = Face::parse(&regular_data, regular_index).ok()?;
        // A family without a bold face is drawn in synthetic bold, whose
        // advances are the regular ones.
        match face(fontdb::Weight::BOLD) {
            Some((weight, (data, index))) if weight.0 >= 600 => {
                let bold = Face::parse(&data, index).ok()?;
                Some(FontFileMeasure::new(&regular, &bold))
            }
            _ => Some(FontFileMeasure::new(&regular, &regular)),
        }
    }

    fn new(regular: &Face<'_>, bold: &Face<'_>) -> FontFileMeasure {
        let units_per_em = u32::from(regular.units_per_em()).max(1);
        let em = f64::from(units_per_em);
        FontFileMeasure {
            family: family_name(regular),
            units_per_em,
            ascent: f64::from(regular.ascender()) / em,
            descent: -f64::from(regular.descender()) / em,
            line_gap: f64::from(regular.line_gap()) / em,
            regular: advances(regular, units_per_em, Weight::Regular),
            bold: advances(bold, units_per_em, Weight::Bold),
        }
    }

    /// The font's family name, as the SVG must name it.
    #[must_use]
    pub fn family(&self) -> &str {
        &self.family
    }

    fn face(&self, weight: Weight) -> &Advances {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }
}

/// The system's fonts, read on first use (which takes a moment).
#[derive(Default)]
pub struct SystemFonts {
    db: OnceCell<Database>,
}

impl SystemFonts {
    fn db(&self) -> &Database {
        self.db.get_or_init(|| {
            let mut db = Database::new();
            db.load_system_fonts();
            db
        })
    }
}

/// The family a font list resolves to, as a browser would pick it.
#[derive(Debug)]
pub struct FontChoice {
    /// The measurer of the family picked; `None` for the Liberation table
    /// (a generic family or the table's own families were reached first,
    /// or nothing was found).
    pub measure: Option<FontFileMeasure>,
    /// The families of the list before the one picked that this system
    /// lacks, in order.
    pub missing: Vec<String>,
}

/// Walks the families of a CSS font list (`theme.font`, or one family) in
/// order: the first installed one is measured; Liberation Sans, Arial and
/// Helvetica (the table's metrics) and the generic families end the walk
/// with the table.
#[must_use]
pub fn choose_family(list: &str, fonts: &SystemFonts) -> FontChoice {
    let mut missing = Vec::new();
    for family in list.split(',').map(str::trim).filter(|f| !f.is_empty()) {
        let is_table = FONT_FAMILY
            .split(',')
            .map(str::trim)
            .any(|f| f.eq_ignore_ascii_case(family));
        if is_table || GENERIC_FAMILIES.contains(&family.to_ascii_lowercase().as_str()) {
            break;
        }
        if let Some(measure) = FontFileMeasure::from_system(fonts, family) {
            return FontChoice {
                measure: Some(measure),
                missing,
            };
        }
        missing.push(family.to_owned());
    }
    FontChoice {
        measure: None,
        missing,
    }
}

/// `list` (a map's `theme.font`) with `family` moved or added first, so
/// that the SVG names the family that was measured. An error when `family`
/// is not a family name the map format allows (letters, digits, spaces and
/// hyphens).
pub fn name_first(list: Option<&str>, family: &str) -> Result<String, String> {
    let family = check_font(family)?;
    if family.contains(',') {
        return Err(format!(
            "expected one family name, found the list {family:?}"
        ));
    }
    let rest = list
        .unwrap_or_default()
        .split(',')
        .map(str::trim)
        .filter(|f| !f.is_empty() && !f.eq_ignore_ascii_case(&family));
    Ok(std::iter::once(family.as_str())
        .chain(rest)
        .collect::<Vec<&str>>()
        .join(", "))
}

impl TextMeasure for FontFileMeasure {
    fn units_per_em(&self) -> u32 {
        self.units_per_em
    }

    fn ascii(&self, weight: Weight) -> &[u32; 128] {
        &self.face(weight).ascii
    }

    #[inline]
    fn char_units(&self, c: char, weight: Weight) -> u32 {
        let face = self.face(weight);
        match u8::try_from(c) {
            Ok(byte) if byte.is_ascii() => face.ascii.get(usize::from(byte)).copied().unwrap_or(0),
            _ if is_zero_advance(c) => 0,
            _ => face
                .other
                .get(&c)
                .copied()
                .unwrap_or_else(|| fallback(c, weight, self.units_per_em)),
        }
    }

    fn cluster_units(&self, cluster: &str, weight: Weight) -> u32 {
        if is_emoji_sequence(cluster) {
            return self.units_per_em;
        }
        // A cluster whose base the font lacks is drawn by a fallback font:
        // measured whole by the table, as the table measures it.
        let base = cluster.chars().next().unwrap_or(' ');
        if !base.is_ascii() && !self.face(weight).other.contains_key(&base) {
            let table: &dyn TextMeasure = &LiberationTable;
            return scale(
                table.cluster_units(cluster, weight),
                table.units_per_em(),
                self.units_per_em,
            );
        }
        cluster
            .chars()
            .map(|c| self.char_units(c, weight))
            .fold(0, u32::saturating_add)
    }

    fn ascent(&self) -> f64 {
        self.ascent
    }

    fn descent(&self) -> f64 {
        self.descent
    }

    fn line_gap(&self) -> f64 {
        self.line_gap
    }
}

/// The advance of a character the font lacks: the table's, scaled.
fn fallback(c: char, weight: Weight, units_per_em: u32) -> u32 {
    let table: &dyn TextMeasure = &LiberationTable;
    scale(
        table.char_units(c, weight),
        table.units_per_em(),
        units_per_em,
    )
}

/// `units` of an em of `from` units in an em of `to` units.
fn scale(units: u32, from: u32, to: u32) -> u32 {
    let scaled = u64::from(units) * u64::from(to) / u64::from(from.max(1));
    u32::try_from(scaled).unwrap_or(u32::MAX)
}

/// Every mapped character's advance in `face`, scaled to `units_per_em`.
fn advances(face: &Face<'_>, units_per_em: u32, weight: Weight) -> Advances {
    let own = u64::from(face.units_per_em()).max(1);
    let scale = |advance: u16| {
        u32::try_from(u64::from(advance) * u64::from(units_per_em) / own).unwrap_or(u32::MAX)
    };
    let advance = |c: char| {
        face.glyph_index(c)
            .and_then(|glyph| face.glyph_hor_advance(glyph))
            .map(scale)
    };
    let mut ascii = [0u32; 128];
    for (byte, slot) in (0u8..128).zip(ascii.iter_mut()) {
        let c = char::from(byte);
        *slot = if c == ' ' || c.is_ascii_graphic() {
            advance(c).unwrap_or_else(|| fallback(c, weight, units_per_em))
        } else {
            0
        };
    }
    if let Some(tab) = ascii.get_mut(usize::from(b'\t')) {
        *tab = advance(' ').unwrap_or(0).saturating_mul(4);
    }
    let mut other = HashMap::new();
    if let Some(cmap) = face.tables().cmap {
        for subtable in cmap.subtables.into_iter().filter(|s| s.is_unicode()) {
            subtable.codepoints(|cp| {
                if let Some(c) = char::from_u32(cp).filter(|c| !c.is_ascii())
                    && let Some(units) = advance(c)
                {
                    other.insert(c, units);
                }
            });
        }
    }
    Advances { ascii, other }
}

/// Whether `c` takes no advance of its own: control, zero-width, format
/// and default-ignorable characters, combining marks (nonspacing and
/// enclosing, viramas included) — everything `unicode-width` gives no
/// width. Spacing vowel signs (Devanagari `ा`, `ि`) do take space.
pub(crate) fn is_zero_advance(c: char) -> bool {
    c != '\t' && matches!(c.width(), None | Some(0))
}

/// The face's family name: the typographic family (name ID 16), else the
/// family (name ID 1), in English where the font says so.
fn family_name(face: &Face<'_>) -> String {
    let names: Vec<(u16, String)> = face
        .names()
        .into_iter()
        .filter(|name| {
            name.name_id == ttf_parser::name_id::TYPOGRAPHIC_FAMILY
                || name.name_id == ttf_parser::name_id::FAMILY
        })
        .filter_map(|name| Some((name.name_id, name.to_string()?)))
        .collect();
    [
        ttf_parser::name_id::TYPOGRAPHIC_FAMILY,
        ttf_parser::name_id::FAMILY,
    ]
    .iter()
    .find_map(|id| names.iter().find(|(n, _)| n == id).map(|(_, s)| s.clone()))
    .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dejavu() -> FontFileMeasure {
        let path = Path::new("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
        FontFileMeasure::from_file(path).expect("DejaVu Sans (scripts/setup.sh)")
    }

    #[test]
    fn clusters_measure_their_spacing_characters() {
        let font = dejavu();
        let font: &dyn TextMeasure = &font;
        let units = |s: &str| font.units(s, Weight::Regular);
        assert_eq!(font.units_per_em(), 2048);
        assert_eq!(units("e\u{301}"), units("e"));
        assert_eq!(units("a\u{200B}b"), units("ab"));
        assert_eq!(units("\t"), 4 * units(" "));
        assert_eq!(units("\u{1F469}\u{200D}\u{1F467}"), 2048);
        // Thai is not in DejaVu Sans: measured as the table measures it,
        // the tone mark adding nothing.
        let table: &dyn TextMeasure = &LiberationTable;
        assert_eq!(
            units("\u{E01}\u{E48}"),
            table.units("\u{E01}", Weight::Regular)
        );
        assert!(font.ascent() > 0.9 && font.descent() > 0.2);
        assert_eq!(dejavu().family(), "DejaVu Sans");
    }

    #[test]
    fn name_first_moves_or_adds_the_family() {
        assert_eq!(
            name_first(Some("Inter, DejaVu Sans, serif"), "DejaVu Sans"),
            Ok("DejaVu Sans, Inter, serif".into())
        );
        assert_eq!(name_first(None, "DejaVu Sans"), Ok("DejaVu Sans".into()));
        assert!(name_first(None, "a;b").is_err());
    }

    #[test]
    fn marks_viramas_and_zero_width_characters_take_no_advance() {
        for c in [
            '\u{301}', '\u{94D}', '\u{E48}', '\u{E31}', '\u{17D2}', '\u{1039}', '\u{200B}',
            '\u{200D}', '\u{FEFF}', '\u{AD}', '\u{FE0F}',
        ] {
            assert!(is_zero_advance(c), "{c:?}");
        }
        for c in ['a', '\u{93E}', '\u{93F}', '\u{E32}', '\t', '\u{915}'] {
            assert!(!is_zero_advance(c), "{c:?}");
        }
    }
}
