//! The channel scorecard: the panel, and each channel's row as a focus
//! button (a click, Enter or Space shows that channel's touchpoints at full
//! strength, as its legend entry and swimlane header do).

use super::charts::{score_class, verdict_class};
use super::panels::{channel_label, focusable, icon};
use super::svg::Svg;
use super::{classes, text_block};
use crate::layout::{Layout, ScorecardRow, TextBlock};

pub fn scorecard(out: &mut Svg, layout: &Layout) {
    let Some(card) = &layout.scorecard else {
        return;
    };
    out.open("g", &[("class", classes::CHANNELS.into())]);
    out.rect("jm-channels-box", card.rect, 8.0);
    text_block(out, &card.heading, None);
    for (at, row) in card.rows.iter().enumerate() {
        if at > 0 {
            let y = row.rect.y - 4.0;
            out.empty(
                "line",
                &[
                    ("class", "jm-gridline".into()),
                    ("x1", row.rect.x.into()),
                    ("y1", y.into()),
                    ("x2", row.rect.right().into()),
                    ("y2", y.into()),
                ],
            );
        }
        draw_row(out, layout, row);
    }
    out.close();
}

fn draw_row(out: &mut Svg, layout: &Layout, row: &ScorecardRow) {
    let class = format!(
        "{} {} {}",
        classes::CHANNEL_ROW,
        classes::channel(row.channel),
        classes::FOR_CHANNEL
    );
    focusable(
        out,
        &class,
        (classes::CHANNEL_INDEX, row.channel),
        channel_label(layout, &visible(row).join(", ")),
    );
    out.rect("jm-channel-hit", row.rect, 4.0);
    let r = row.icon_rect;
    icon(out, row.icon, r.x, r.y, r.width / 16.0);
    text_block(out, &row.name, None);
    if let Some(chip) = &row.look_here {
        super::cards::draw_chip(out, layout, chip);
    }
    text_block(out, &row.usage, None);
    if let Some(share) = &row.share {
        text_block(out, share, None);
    }
    if let Some(score) = &row.score {
        out.rect("jm-score-track", score.track, score.track.height / 2.0);
        out.empty(
            "circle",
            &[
                (
                    "class",
                    format!("jm-point {}", score_class(score.average)).into(),
                ),
                ("cx", score.dot.x.into()),
                ("cy", score.dot.y.into()),
                ("r", 5.0.into()),
            ],
        );
        text_block(out, &score.text, None);
    }
    for metric in &row.metrics {
        text_block(out, &metric.label, None);
        text_block(out, &metric.value, verdict_class(metric.met));
    }
    out.close();
}

/// Every text the row shows, in reading order: the start of its
/// accessible name.
fn visible(row: &ScorecardRow) -> Vec<String> {
    let join = |block: &TextBlock| block.lines.join(" ");
    let mut texts = vec![join(&row.name)];
    texts.extend(
        row.look_here
            .iter()
            .filter_map(|c| c.text.as_ref().map(join)),
    );
    texts.push(join(&row.usage));
    texts.extend(row.share.iter().map(join));
    texts.extend(row.score.iter().map(|s| join(&s.text)));
    for metric in &row.metrics {
        texts.push(format!("{} {}", join(&metric.label), join(&metric.value)));
    }
    texts
}
