//! Arabic text for majlis: bidi safety, search normalization, plural categories,
//! digits and dates in the organization's regional conventions. Pure.

pub mod bidi;
pub mod dates;
pub mod digits;
pub mod normalize;
pub mod ordinal;
pub mod plural;

pub use bidi::neutralize_bidi;
pub use dates::DateFormatter;
pub use normalize::normalize_for_search;
pub use plural::plural_category;

// icu_provider is a dependency only for its `sync` feature (Send + Sync data).
use icu_provider as _;
