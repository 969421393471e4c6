//! The keyword enums of the format (lane kinds, tones, channels, …) are
//! declared once with [`keywords!`]: each variant and its word, from which
//! come the table of all values, the word of a value, the value of a word
//! and the serialized form.

/// A closed set of words of the format, each naming one value.
pub trait Keyword: Copy + 'static {
    /// Every word, in the order the format lists them.
    const KEYWORDS: &'static [&'static str];
    /// Every value, in the order of [`Keyword::KEYWORDS`].
    const VALUES: &'static [Self];

    fn keyword(self) -> &'static str;

    fn from_keyword(word: &str) -> Option<Self> {
        Self::VALUES.get(index_of(Self::KEYWORDS, word)?).copied()
    }
}

/// Where `word` is among `words` (not generic: one copy for every type).
fn index_of(words: &[&str], word: &str) -> Option<usize> {
    words.iter().position(|known| *known == word)
}

/// `keywords! { /// doc  pub enum Tone { Neutral = "neutral", … } }`
/// declares the enum (serialized as its words) with `ALL`, and implements
/// [`Keyword`] for it.
macro_rules! keywords {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $($(#[$variant_meta:meta])* $variant:ident = $word:literal),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
        pub enum $name {
            $($(#[$variant_meta])* #[serde(rename = $word)] $variant),+
        }

        impl $name {
            /// Every value, in the order of the format.
            pub const ALL: [$name; <$name as $crate::format::Keyword>::KEYWORDS.len()] =
                [$($name::$variant),+];
        }

        impl $crate::format::Keyword for $name {
            const KEYWORDS: &'static [&'static str] = &[$($word),+];
            const VALUES: &'static [Self] = &$name::ALL;

            fn keyword(self) -> &'static str {
                match self {
                    $($name::$variant => $word),+
                }
            }
        }
    };
}

pub(crate) use keywords;
