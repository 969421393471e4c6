//! Dots: small round marks drawn many to an element. A dot is a
//! zero-length subpath (`M x y h0`, then `m dx dy h0` from the dot
//! before), which a round line cap draws as a disc the stroke's width
//! across (`stroke-width`, from the layout's sizes; the style sheet gives
//! `jm-dots` its round caps), so all the dots of one look (a persona's markers, the points of
//! one score on a persona's curve) are one `<path>`. A thousand cards' markers and points are then a few
//! dozen elements instead of thousands, each a few bytes: the browser
//! styles and lays out elements, not subpaths.

use super::svg::Svg;
use crate::hash::HashMap;
use crate::number::{hundredths, write_hundredths};

/// Dots by class, each class one path, in the order its first dot came.
#[derive(Default)]
pub struct Dots {
    index: HashMap<String, usize>,
    paths: Vec<Path>,
}

struct Path {
    class: String,
    /// The dots' diameter.
    width: f64,
    /// The path's `<title>`: what every one of its dots stands for.
    title: Option<String>,
    d: String,
    /// The last dot, in hundredths (see `number::hundredths`): the next
    /// one is written relative to it.
    last: Option<(i64, i64)>,
}

impl Dots {
    /// Adds a dot `width` across at (`x`, `y`) to the path of `class`; the
    /// first dot of a class gives the path its width and `title`.
    pub fn add(&mut self, class: &str, width: f64, title: Option<&str>, (x, y): (f64, f64)) {
        let index = match self.index.get(class) {
            Some(&index) => index,
            None => {
                self.index.insert(class.to_owned(), self.paths.len());
                self.paths.push(Path {
                    class: class.to_owned(),
                    width,
                    title: title.map(str::to_owned),
                    d: String::new(),
                    last: None,
                });
                self.paths.len() - 1
            }
        };
        let Some(path) = self.paths.get_mut(index) else {
            return;
        };
        let at = (hundredths(x), hundredths(y));
        let (dx, dy) = match path.last {
            Some((x0, y0)) => {
                path.d.push('m');
                (at.0 - x0, at.1 - y0)
            }
            None => {
                path.d.push('M');
                at
            }
        };
        write_hundredths(&mut path.d, dx, false);
        write_hundredths(&mut path.d, dy, true);
        path.d.push_str("h0");
        path.last = Some(at);
    }

    /// Writes one `<path>` per class.
    pub fn draw(&self, out: &mut Svg) {
        for path in &self.paths {
            let attributes = [
                ("class", path.class.as_str().into()),
                ("stroke-width", path.width.into()),
                ("d", path.d.as_str().into()),
            ];
            match &path.title {
                Some(title) => {
                    out.open("path", &attributes);
                    out.text_element("title", &[], title);
                    out.close();
                }
                None => out.empty("path", &attributes),
            }
        }
    }
}
