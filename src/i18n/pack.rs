//! The packed form of a language's words, one home for `build.rs` (which
//! packs the data files into the crate) and the crate (which packs a
//! language's words a page supplies at run time, from the browser's words
//! companion): per language one string of its texts in key order,
//! separated by U+001F, the plural forms of a text separated by U+001E in
//! the order of [`CATEGORIES`]; an empty slot means "as the fallback".

/// Between the texts of a packed table.
pub const TEXT_SEPARATOR: char = '\u{1f}';
/// Between the plural forms of a packed text.
pub const FORM_SEPARATOR: char = '\u{1e}';
/// CLDR's plural categories, in the order of the packed forms.
pub const CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// A text, or an object of plural forms, as one packed string.
pub fn pack(value: &serde_json::Value) -> Result<String, String> {
    let checked = |text: &str| -> Result<String, String> {
        if text.contains([TEXT_SEPARATOR, FORM_SEPARATOR]) {
            return Err("a text may not contain U+001E or U+001F".into());
        }
        Ok(text.to_owned())
    };
    match value {
        serde_json::Value::String(text) => checked(text),
        serde_json::Value::Object(forms) => {
            if let Some(unknown) = forms.keys().find(|k| !CATEGORIES.contains(&k.as_str())) {
                return Err(format!(
                    "unknown plural category \"{unknown}\"; expected one of {}",
                    CATEGORIES.join(", ")
                ));
            }
            let packed: Result<Vec<String>, String> = CATEGORIES
                .iter()
                .map(|category| match forms.get(*category) {
                    None => Ok(String::new()),
                    Some(serde_json::Value::String(text)) => checked(text),
                    Some(_) => Err(format!("the {category} form must be a string")),
                })
                .collect();
            Ok(packed?.join(&FORM_SEPARATOR.to_string()))
        }
        _ => Err("expected a string or an object of plural forms".into()),
    }
}
