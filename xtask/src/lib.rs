//! The repository's generators and registry checks (not published):
//!
//! - [`contract`]: the JavaScript and TypeScript files generated from the field registry (`src/field.rs`);
//! - [`naming`]: finds hand-written code that names a particular field outside its module and the registry.

pub mod contract;
pub mod naming;
