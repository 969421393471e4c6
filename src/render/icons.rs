//! The twelve channel icons, drawn on a 16 × 16 grid as stroked paths of
//! our own (no icon font, no external file).

use crate::layout::Icon;

/// Path data for an icon, to be stroked with round caps and joins.
pub fn path(icon: Icon) -> &'static str {
    match icon {
        Icon::Web => {
            "M8 1.5a6.5 6.5 0 1 0 0 13a6.5 6.5 0 1 0 0-13M1.5 8h13M8 1.5c-2.2 2.2-2.2 10.8 0 13M8 1.5c2.2 2.2 2.2 10.8 0 13"
        }
        Icon::Mobile => {
            "M5 1.5h6a1 1 0 0 1 1 1v11a1 1 0 0 1-1 1h-6a1 1 0 0 1-1-1v-11a1 1 0 0 1 1-1M7 12h2"
        }
        Icon::Chat => {
            "M2.5 3h11a1 1 0 0 1 1 1v6a1 1 0 0 1-1 1h-6l-3 3v-3h-2a1 1 0 0 1-1-1v-6a1 1 0 0 1 1-1"
        }
        Icon::Phone => {
            "M3.5 1.5h2.5l1.2 3.2l-1.7 1.2a8 8 0 0 0 4.6 4.6l1.2-1.7l3.2 1.2v2.5a1.5 1.5 0 0 1-1.5 1.5a12 12 0 0 1-11-11a1.5 1.5 0 0 1 1.5-1.5"
        }
        Icon::Email => "M2 3.5h12v9h-12zM2 3.5l6 5l6-5",
        Icon::Sms => {
            "M2.5 2.5h11a1 1 0 0 1 1 1v7a1 1 0 0 1-1 1h-7l-3 2.5v-2.5h-1a1 1 0 0 1-1-1v-7a1 1 0 0 1 1-1M5 7h.01M8 7h.01M11 7h.01"
        }
        Icon::Social => {
            "M4 8m-2 0a2 2 0 1 0 4 0a2 2 0 1 0-4 0M12 3.5m-2 0a2 2 0 1 0 4 0a2 2 0 1 0-4 0M12 12.5m-2 0a2 2 0 1 0 4 0a2 2 0 1 0-4 0M5.8 7l4.4-2.5M5.8 9l4.4 2.5"
        }
        Icon::Store => {
            "M2 6.5l1.5-4h9l1.5 4M2 6.5h12M2 6.5c0 1.5 2.5 1.5 2.5 0c0 1.5 2.5 1.5 3.5 0c0 1.5 2.5 1.5 3.5 0c0 1.5 2.5 1.5 2.5 0M3 8v6h10v-6M6.5 14v-3.5h3v3.5"
        }
        Icon::Mail => {
            "M2 5.5a3 3 0 0 1 6 0v8h-6zM8 5.5h5a1.5 1.5 0 0 1 1.5 1.5v6.5h-6.5M5 2.5h5v3M10 2.5v-1h2"
        }
        Icon::Video => {
            "M1.5 4.5h9a1 1 0 0 1 1 1v5a1 1 0 0 1-1 1h-9a1 1 0 0 1-1-1v-5a1 1 0 0 1 1-1M11.5 7l3.5-2v6l-3.5-2"
        }
        Icon::Kiosk => {
            "M4 1.5h8a1 1 0 0 1 1 1v7a1 1 0 0 1-1 1h-8a1 1 0 0 1-1-1v-7a1 1 0 0 1 1-1M8 10.5v3.5M5 14.5h6M5.5 4.5h5M5.5 7h3"
        }
        Icon::Other => "M8 1.5a6.5 6.5 0 1 0 0 13a6.5 6.5 0 1 0 0-13M5 8h.01M8 8h.01M11 8h.01",
    }
}
