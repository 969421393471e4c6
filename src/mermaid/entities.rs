//! Character references, decoded the way a Mermaid diagram shows them.
//!
//! Mermaid lets `#59;` and `#amp;` stand for characters that its grammar
//! would otherwise read as syntax (`;`, `#`, `:`). It hides them from its
//! parser and puts them back into the SVG as `&#59;` and `&amp;`, where the
//! browser's HTML parser decodes them. This module does that last step
//! directly: numeric references by the HTML rules, named ones from the HTML
//! names people actually use (all of HTML 4 plus HTML5's ASCII punctuation).

/// Decodes the reference `#NAME;` (given `NAME`, one or more of
/// `A–Z a–z 0–9 _`). `None` for a name HTML would not recognise: the browser
/// then shows `&NAME;` as written.
pub fn decode(name: &str) -> Option<String> {
    if !name.is_empty() && name.bytes().all(|b| b.is_ascii_digit()) {
        return Some(decode_number(name).to_string());
    }
    named(name).map(|c| c.to_string())
}

/// A decimal character reference as HTML decodes it: zero, surrogates and
/// numbers past U+10FFFF become U+FFFD; 128–159 are read as Windows-1252.
fn decode_number(digits: &str) -> char {
    let Ok(code) = digits.parse::<u32>() else {
        return char::REPLACEMENT_CHARACTER;
    };
    if (0x80..=0x9f).contains(&code) {
        let index = usize::try_from(code - 0x80).unwrap_or(usize::MAX);
        if let Some(&mapped) = WINDOWS_1252.get(index)
            && mapped != 0
        {
            return char::from_u32(mapped).unwrap_or(char::REPLACEMENT_CHARACTER);
        }
    }
    if code == 0 {
        return char::REPLACEMENT_CHARACTER;
    }
    char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER)
}

/// What HTML makes of `&#128;`–`&#159;` (0 where the code point is kept).
const WINDOWS_1252: [u32; 32] = [
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
    0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC,
    0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
];

/// The Latin-1 names, U+00A0 to U+00FF in order.
const LATIN_1: [&str; 96] = [
    "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf",
    "laquo", "not", "shy", "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro",
    "para", "middot", "cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest",
    "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig", "Ccedil", "Egrave", "Eacute",
    "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml", "ETH", "Ntilde", "Ograve", "Oacute",
    "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute",
    "THORN", "szlig", "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil",
    "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc", "iuml", "eth", "ntilde",
    "ograve", "oacute", "ocirc", "otilde", "ouml", "divide", "oslash", "ugrave", "uacute", "ucirc",
    "uuml", "yacute", "thorn", "yuml",
];

/// Greek capitals from U+0391 (U+03A2 is unassigned) and small letters
/// from U+03B1 (with final sigma at U+03C2).
const GREEK: [&str; 25] = [
    "Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta", "Eta", "Theta", "Iota", "Kappa",
    "Lambda", "Mu", "Nu", "Xi", "Omicron", "Pi", "Rho", "", "Sigma", "Tau", "Upsilon", "Phi",
    "Chi", "Psi", "Omega",
];
const GREEK_SMALL: [&str; 25] = [
    "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa",
    "lambda", "mu", "nu", "xi", "omicron", "pi", "rho", "sigmaf", "sigma", "tau", "upsilon", "phi",
    "chi", "psi", "omega",
];

/// Every other name, with its character.
const OTHERS: &[(&str, char)] = &[
    // ASCII (HTML5 adds names for most punctuation).
    ("Tab", '\t'),
    ("NewLine", '\n'),
    ("excl", '!'),
    ("quot", '"'),
    ("QUOT", '"'),
    ("num", '#'),
    ("dollar", '$'),
    ("percnt", '%'),
    ("amp", '&'),
    ("AMP", '&'),
    ("apos", '\''),
    ("lpar", '('),
    ("rpar", ')'),
    ("ast", '*'),
    ("midast", '*'),
    ("plus", '+'),
    ("comma", ','),
    ("period", '.'),
    ("sol", '/'),
    ("colon", ':'),
    ("semi", ';'),
    ("lt", '<'),
    ("LT", '<'),
    ("equals", '='),
    ("gt", '>'),
    ("GT", '>'),
    ("quest", '?'),
    ("commat", '@'),
    ("lsqb", '['),
    ("lbrack", '['),
    ("bsol", '\\'),
    ("rsqb", ']'),
    ("rbrack", ']'),
    ("Hat", '^'),
    ("lowbar", '_'),
    ("UnderBar", '_'),
    ("grave", '`'),
    ("lcub", '{'),
    ("lbrace", '{'),
    ("verbar", '|'),
    ("vert", '|'),
    ("VerticalLine", '|'),
    ("rcub", '}'),
    ("rbrace", '}'),
    // HTML 4: Latin Extended, spacing modifiers, punctuation.
    ("OElig", '\u{152}'),
    ("oelig", '\u{153}'),
    ("Scaron", '\u{160}'),
    ("scaron", '\u{161}'),
    ("Yuml", '\u{178}'),
    ("fnof", '\u{192}'),
    ("circ", '\u{2c6}'),
    ("tilde", '\u{2dc}'),
    ("thetasym", '\u{3d1}'),
    ("upsih", '\u{3d2}'),
    ("piv", '\u{3d6}'),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
    ("thinsp", '\u{2009}'),
    ("zwnj", '\u{200c}'),
    ("zwj", '\u{200d}'),
    ("lrm", '\u{200e}'),
    ("rlm", '\u{200f}'),
    ("ndash", '\u{2013}'),
    ("mdash", '\u{2014}'),
    ("lsquo", '\u{2018}'),
    ("rsquo", '\u{2019}'),
    ("sbquo", '\u{201a}'),
    ("ldquo", '\u{201c}'),
    ("rdquo", '\u{201d}'),
    ("bdquo", '\u{201e}'),
    ("dagger", '\u{2020}'),
    ("Dagger", '\u{2021}'),
    ("bull", '\u{2022}'),
    ("hellip", '\u{2026}'),
    ("permil", '\u{2030}'),
    ("prime", '\u{2032}'),
    ("Prime", '\u{2033}'),
    ("lsaquo", '\u{2039}'),
    ("rsaquo", '\u{203a}'),
    ("oline", '\u{203e}'),
    ("frasl", '\u{2044}'),
    ("euro", '\u{20ac}'),
    // HTML 4: letter-like symbols, arrows, mathematics, shapes.
    ("image", '\u{2111}'),
    ("weierp", '\u{2118}'),
    ("real", '\u{211c}'),
    ("trade", '\u{2122}'),
    ("alefsym", '\u{2135}'),
    ("larr", '\u{2190}'),
    ("uarr", '\u{2191}'),
    ("rarr", '\u{2192}'),
    ("darr", '\u{2193}'),
    ("harr", '\u{2194}'),
    ("crarr", '\u{21b5}'),
    ("lArr", '\u{21d0}'),
    ("uArr", '\u{21d1}'),
    ("rArr", '\u{21d2}'),
    ("dArr", '\u{21d3}'),
    ("hArr", '\u{21d4}'),
    ("forall", '\u{2200}'),
    ("part", '\u{2202}'),
    ("exist", '\u{2203}'),
    ("empty", '\u{2205}'),
    ("nabla", '\u{2207}'),
    ("isin", '\u{2208}'),
    ("notin", '\u{2209}'),
    ("ni", '\u{220b}'),
    ("prod", '\u{220f}'),
    ("sum", '\u{2211}'),
    ("minus", '\u{2212}'),
    ("lowast", '\u{2217}'),
    ("radic", '\u{221a}'),
    ("prop", '\u{221d}'),
    ("infin", '\u{221e}'),
    ("ang", '\u{2220}'),
    ("and", '\u{2227}'),
    ("or", '\u{2228}'),
    ("cap", '\u{2229}'),
    ("cup", '\u{222a}'),
    ("int", '\u{222b}'),
    ("there4", '\u{2234}'),
    ("sim", '\u{223c}'),
    ("cong", '\u{2245}'),
    ("asymp", '\u{2248}'),
    ("ne", '\u{2260}'),
    ("equiv", '\u{2261}'),
    ("le", '\u{2264}'),
    ("ge", '\u{2265}'),
    ("sub", '\u{2282}'),
    ("sup", '\u{2283}'),
    ("nsub", '\u{2284}'),
    ("sube", '\u{2286}'),
    ("supe", '\u{2287}'),
    ("oplus", '\u{2295}'),
    ("otimes", '\u{2297}'),
    ("perp", '\u{22a5}'),
    ("sdot", '\u{22c5}'),
    ("lceil", '\u{2308}'),
    ("rceil", '\u{2309}'),
    ("lfloor", '\u{230a}'),
    ("rfloor", '\u{230b}'),
    // HTML5 moved these two from U+2329/U+232A.
    ("lang", '\u{27e8}'),
    ("rang", '\u{27e9}'),
    ("loz", '\u{25ca}'),
    ("spades", '\u{2660}'),
    ("clubs", '\u{2663}'),
    ("hearts", '\u{2665}'),
    ("diams", '\u{2666}'),
    // Common HTML5 additions.
    ("check", '\u{2713}'),
    ("cross", '\u{2717}'),
    ("star", '\u{2606}'),
    ("starf", '\u{2605}'),
    ("phone", '\u{260e}'),
    ("female", '\u{2640}'),
    ("male", '\u{2642}'),
    ("sharp", '\u{266f}'),
    ("flat", '\u{266d}'),
    ("natural", '\u{266e}'),
];

fn named(name: &str) -> Option<char> {
    let offset = |table: &[&str], start: u32| {
        table
            .iter()
            .position(|&n| !n.is_empty() && n == name)
            .and_then(|i| u32::try_from(i).ok())
            .and_then(|i| char::from_u32(start + i))
    };
    offset(&LATIN_1, 0xa0)
        .or_else(|| offset(&GREEK, 0x391))
        .or_else(|| offset(&GREEK_SMALL, 0x3b1))
        .or_else(|| OTHERS.iter().find(|(n, _)| *n == name).map(|&(_, c)| c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_decode_as_html_does() {
        assert_eq!(decode("59").as_deref(), Some(";"));
        assert_eq!(decode("0035").as_deref(), Some("#"));
        assert_eq!(decode("9829").as_deref(), Some("♥"));
        assert_eq!(decode("128").as_deref(), Some("€"));
        assert_eq!(decode("129").as_deref(), Some("\u{81}"));
        assert_eq!(decode("0").as_deref(), Some("\u{fffd}"));
        assert_eq!(decode("55296").as_deref(), Some("\u{fffd}"));
        assert_eq!(decode("1114112").as_deref(), Some("\u{fffd}"));
        assert_eq!(decode("99999999999999999999").as_deref(), Some("\u{fffd}"));
    }

    #[test]
    fn names_decode_to_their_characters() {
        for (name, text) in [
            ("amp", "&"),
            ("lt", "<"),
            ("nbsp", "\u{a0}"),
            ("copy", "©"),
            ("eacute", "é"),
            ("yuml", "ÿ"),
            ("Omega", "Ω"),
            ("sigmaf", "ς"),
            ("omega", "ω"),
            ("semi", ";"),
            ("hearts", "♥"),
            ("euro", "€"),
        ] {
            assert_eq!(decode(name).as_deref(), Some(text), "{name}");
        }
        assert_eq!(decode("Amp"), None);
        assert_eq!(decode("nosuchname"), None);
        assert_eq!(decode(""), None);
    }
}
