//! The pieces of the `majlis` binary that tests and benchmarks reuse: the
//! configuration, the demo organization, synthetic data.

pub mod bench_campaigns;
pub mod bench_data;
pub mod config;
pub mod demo;
pub mod names;
pub mod seed;
