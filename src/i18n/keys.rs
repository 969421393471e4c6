//! The built-in words, one key each: the one home of the key list.
//!
//! The key is the word's id in the data files (`words/<tag>.json`) and in a
//! map's `labels`; `docs/languages.md` lists each with its English text.
//! Keys are kebab-case; a group prefix (`lane-`, `channel-`, `tag-`,
//! `view-`) is followed by the id the map format already uses for the thing
//! (`lane-pains`, `channel-store`, `tag-moment-of-truth`).
//!
//! `build.rs` reads this file too, to pack the data files in key order.

macro_rules! keys {
    ($($variant:ident = $id:literal,)*) => {
        /// A built-in word.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Key {
            $(#[doc = concat!("`", $id, "`")] $variant,)*
        }

        impl Key {
            /// Every key, in the order of the packed tables.
            pub const ALL: [Key; [$($id),*].len()] = [$(Key::$variant),*];

            /// The key as written in the data files and in `labels`.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Key::$variant => $id,)*
                }
            }
        }
    };
}

keys! {
    LaneActions = "lane-actions",
    LaneGoals = "lane-goals",
    LaneTouchpoints = "lane-touchpoints",
    LaneThoughts = "lane-thoughts",
    LaneEmotion = "lane-emotion",
    LanePains = "lane-pains",
    LaneOpportunities = "lane-opportunities",
    LaneBackstage = "lane-backstage",
    LaneOwners = "lane-owners",
    LaneMetrics = "lane-metrics",
    ChannelWeb = "channel-web",
    ChannelMobile = "channel-mobile",
    ChannelChat = "channel-chat",
    ChannelPhone = "channel-phone",
    ChannelEmail = "channel-email",
    ChannelSms = "channel-sms",
    ChannelSocial = "channel-social",
    ChannelStore = "channel-store",
    ChannelMail = "channel-mail",
    ChannelVideo = "channel-video",
    ChannelKiosk = "channel-kiosk",
    ChannelOther = "channel-other",
    TagPain = "tag-pain",
    TagGain = "tag-gain",
    TagMomentOfTruth = "tag-moment-of-truth",
    TagDropOff = "tag-drop-off",
    Goal = "goal",
    PersonaGoals = "persona-goals",
    PersonaFrustrations = "persona-frustrations",
    Legend = "legend",
    Sources = "sources",
    Reach = "reach",
    DropOff = "drop-off",
    DropOffLargest = "drop-off-largest",
    Target = "target",
    TargetMet = "target-met",
    TargetMissed = "target-missed",
    WhatCustomersSay = "what-customers-say",
    InDetail = "in-detail",
    HasDetails = "has-details",
    HasLink = "has-link",
    EmotionPoint = "emotion-point",
    EmotionPointPersona = "emotion-point-persona",
    CardPersonas = "card-personas",
    MapSummary = "map-summary",
    StageCount = "stage-count",
    StageName = "stage-name",
    FocusPersona = "focus-persona",
    FocusChannel = "focus-channel",
    FocusOwner = "focus-owner",
    FocusLegend = "focus-legend",
    Channels = "channels",
    TouchpointCount = "touchpoint-count",
    ChannelUse = "channel-use",
    ShareOfContacts = "share-of-contacts",
    LookHereFirst = "look-here-first",
    Assumption = "assumption",
    ViewToolbar = "view-toolbar",
    ViewWholeMap = "view-whole-map",
    ViewBack = "view-back",
    ViewPrevious = "view-previous",
    ViewNext = "view-next",
    ViewZoomIn = "view-zoom-in",
    ViewZoomOut = "view-zoom-out",
    ViewStage = "view-stage",
    ViewZoomed = "view-zoomed",
    ViewOverview = "view-overview",
    ViewOverviewStacked = "view-overview-stacked",
    ErrorHeading = "error-heading",
    Problems = "problems",
    ProblemCount = "problem-count",
    WarningCount = "warning-count",
    NoProblems = "no-problems",
    DownloadSvg = "download-svg",
    DownloadPng = "download-png",
    MermaidTitle = "mermaid-title",
}
