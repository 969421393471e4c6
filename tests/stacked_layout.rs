//! Geometry facts of the stacked layout (the phone layout), asserted on the
//! layout itself: sections in stage order, each lane kind keeping its
//! meaning inside a section, details in place.

use journeymap::layout::{ChipKind, Layout, LayoutKind, STACKED_WIDTH, stacked};
use journeymap::model::LaneKind;
use std::fs;

fn case(name: &str) -> Layout {
    let text = fs::read_to_string(format!("tests/golden/cases/{name}.json")).unwrap();
    let map = journeymap::validate(&text).unwrap_or_else(|e| panic!("invalid: {e:?}"));
    stacked(&map, STACKED_WIDTH)
}

#[test]
fn stages_are_sections_one_under_another_at_the_given_width() {
    let layout = case("funnel-and-kpis");
    assert_eq!(layout.kind, LayoutKind::Stacked);
    assert_eq!(layout.width, 390.0);
    let names: Vec<&str> = layout.stages.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Visit", "Sign up", "Trial", "Pay"]);
    for pair in layout.stages.windows(2) {
        assert!(pair[0].zoom.bottom() <= pair[1].header.y);
        assert_eq!(pair[0].x, pair[1].x, "every section starts at the margin");
    }
    for stage in &layout.stages {
        assert!(stage.x > 0.0 && stage.x + stage.width < layout.width);
        assert!(stage.zoom.contains(&stage.header));
    }
}

#[test]
fn by_channel_cards_name_their_channel_and_the_route_keeps_reading_order() {
    let layout = case("by-channel-route");
    let channels: Vec<String> = layout
        .cards
        .iter()
        .map(|card| {
            let chip = card
                .chips
                .iter()
                .find(|chip| chip.kind == ChipKind::Channel)
                .expect("a channel chip on every card of a byChannel lane");
            chip.text.as_ref().unwrap().lines.concat()
        })
        .collect();
    assert_eq!(channels, ["Web", "Chat", "Phone", "SMS", "Email"]);
    assert_eq!(layout.routes.len(), 3, "one route a stage");
    for route in &layout.routes {
        assert!(route.points.windows(2).all(|w| w[0].y < w[1].y));
    }
    let stops: usize = layout.routes.iter().map(|r| r.points.len()).sum();
    assert_eq!(stops, layout.cards.len());
}

#[test]
fn line_lanes_are_a_labelled_rule_in_each_section() {
    let layout = case("blueprint-lines");
    let stages = layout.stages.len();
    assert_eq!(
        layout.rules.len(),
        2 * stages,
        "both lines in every section"
    );
    for rule in &layout.rules {
        let lane = layout
            .lanes
            .iter()
            .find(|lane| {
                lane.index == rule.lane_index && lane.rect.y < rule.y && rule.y < lane.rect.bottom()
            })
            .expect("the rule inside its lane's group");
        assert_eq!(lane.kind, LaneKind::Line);
        assert!(lane.label.bottom() < rule.y, "the label above the rule");
        assert!(rule.x1 >= lane.rect.x && rule.x2 <= lane.rect.right());
    }
}

#[test]
fn each_stage_has_an_emotion_strip_with_a_curve_per_persona() {
    let layout = case("emotion-personas");
    assert_eq!(layout.emotion.len(), layout.stages.len());
    for (chart, stage) in layout.emotion.iter().zip(&layout.stages) {
        assert!(stage.zoom.contains(&chart.plot));
        assert!(chart.plot.height < 100.0, "a compact strip");
        for curve in &chart.curves {
            assert!(curve.persona.is_some());
            assert!(curve.points.iter().all(|p| p.stage_index == stage.index));
        }
    }
    let personas: Vec<Option<usize>> = layout.emotion[0].curves.iter().map(|c| c.persona).collect();
    assert_eq!(personas, [Some(0), Some(1)]);
}

#[test]
fn the_funnel_is_a_bar_per_stage_with_its_drop_off() {
    let layout = case("funnel-and-kpis");
    assert_eq!(layout.metrics.len(), 4);
    let bars: Vec<f64> = layout
        .metrics
        .iter()
        .filter_map(|c| c.funnel.as_ref().map(|f| f.bar.width / f.track.width))
        .collect();
    assert_eq!(bars.len(), 4);
    assert!((bars[0] - 1.0).abs() < 1e-9 && (bars[3] - 0.09).abs() < 1e-9);
    let largest: Vec<bool> = layout
        .metrics
        .iter()
        .filter_map(|c| c.drop_off.as_ref().map(|d| d.largest))
        .collect();
    assert_eq!(largest, [false, false, true]);
    for (cell, stage) in layout.metrics.iter().zip(&layout.stages) {
        assert!(stage.zoom.contains(&cell.rect));
    }
}

#[test]
fn details_and_quotes_are_in_their_section_as_wide_as_it() {
    let layout = case("card-details");
    assert_eq!(layout.details.len(), 1);
    let panel = &layout.details[0];
    let stage = &layout.stages[panel.stage_index];
    assert!(stage.zoom.contains(&panel.rect));
    assert_eq!(panel.rect.width, stage.width);
    assert!(layout.cards.iter().all(|card| card.y < panel.rect.y));
}
