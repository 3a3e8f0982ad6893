//! The repository's generators and registry checks (not published):
//!
//! - [`contract`]: the JavaScript and TypeScript files generated from the field registry (`src/field.rs`);
//! - [`python`]: the Python package's files generated from the registry (its per-field functions, stubs and adapter
//!   names);
//! - [`naming`]: finds hand-written code that names a particular field outside its module and the registry.

pub mod contract;
pub mod naming;
pub mod python;
