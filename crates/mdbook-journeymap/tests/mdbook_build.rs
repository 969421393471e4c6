//! The preprocessor under the real `mdbook build` (`scripts/setup.sh
//! packages` installs mdBook): a book whose chapter is the packages' fixture
//! page (a JSON fence, a Mermaid fence, an invalid fence), found by mdBook
//! on the PATH from `[preprocessor.journeymap]` alone.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The fixture the npm plugins' tests use too.
const PAGE: &str = include_str!("../../../packages/test/fixtures/page.md");
/// Its invalid fence's problem: the fence's line 28 plus the map's line 4;
/// the map's column 23 plus the list item's two spaces.
const ERROR: &str = "src/chapter.md:32:25: stages[0].score: expected a number from 1 (very negative) to 5 (very positive), found 7";

/// The fixture without its invalid list item.
fn valid_page() -> String {
    let start = PAGE
        .find("- an item\n")
        .expect("the fixture has the invalid item");
    let end =
        start + PAGE[start..].find("\n  ```\n").expect("its fence closes") + "\n  ```\n".len();
    format!("{}{}", &PAGE[..start], &PAGE[end..])
}

fn book(name: &str, chapter: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("mdbook-journeymap-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("src")).unwrap();
    std::fs::write(
        dir.join("book.toml"),
        "[book]\ntitle = \"Maps\"\n\n[preprocessor.journeymap]\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("src/SUMMARY.md"),
        "# Summary\n\n- [Chapter](chapter.md)\n- [Second](second.md)\n",
    )
    .unwrap();
    std::fs::write(dir.join("src/chapter.md"), chapter).unwrap();
    std::fs::write(
        dir.join("src/second.md"),
        "# Second\n\n```journeymap\n{ \"title\": \"Later\", \"stages\": [ { \"name\": \"One\" } ] }\n```\n",
    )
    .unwrap();
    dir
}

/// `mdbook build` with this crate's binary first on the PATH.
fn mdbook_build(dir: &Path) -> Output {
    let bin = Path::new(env!("CARGO_BIN_EXE_mdbook-journeymap"))
        .parent()
        .unwrap();
    let path = std::env::join_paths(std::iter::once(bin.to_path_buf()).chain(
        std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()),
    ))
    .unwrap();
    Command::new("mdbook")
        .arg("build")
        .current_dir(dir)
        .env("PATH", path)
        .output()
        .expect("mdbook is on the PATH (scripts/setup.sh packages installs it)")
}

fn ids(html: &str) -> Vec<&str> {
    html.split(" id=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .collect()
}

#[test]
fn no_browser_on_the_path() {
    if std::env::var("JOURNEYMAP_NO_BROWSER").as_deref() != Ok("1") {
        return;
    }
    for dir in std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()) {
        assert!(
            !dir.join("chromium").exists(),
            "{} has chromium",
            dir.display()
        );
    }
}

#[test]
fn mdbook_build_renders_json_and_mermaid_fences_with_ids_unique_in_the_book() {
    let dir = book("valid", &valid_page());
    let out = mdbook_build(&dir);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let chapter = std::fs::read_to_string(dir.join("book/chapter.html")).unwrap();
    assert!(chapter.contains(
        "<div class=\"journeymap\"><svg xmlns=\"http://www.w3.org/2000/svg\" id=\"jm-1\""
    ));
    assert!(chapter.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"jm-2\""));
    assert!(chapter.contains("Enter card") && chapter.contains("Make tea"));
    assert!(!chapter.contains("language-journeymap"));
    let second = std::fs::read_to_string(dir.join("book/second.html")).unwrap();
    assert!(second.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"jm-3\""));
    // The print page holds every chapter: the maps' ids are unique there too.
    let print = std::fs::read_to_string(dir.join("book/print.html")).unwrap();
    let map_ids: Vec<&str> = ids(&print)
        .into_iter()
        .filter(|id| id.starts_with("jm-"))
        .collect();
    assert_eq!(
        map_ids
            .iter()
            .filter(|id| id[3..].bytes().all(|b| b.is_ascii_digit()))
            .count(),
        3,
        "{map_ids:?}"
    );
    let mut unique = map_ids.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), map_ids.len(), "{map_ids:?}");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn an_invalid_fence_fails_the_build_naming_the_chapter_file_and_line() {
    let dir = book("invalid", PAGE);
    let out = mdbook_build(&dir);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(stderr.lines().any(|line| line == ERROR), "{stderr}");
    std::fs::remove_dir_all(dir).unwrap();
}
