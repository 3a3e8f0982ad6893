//! The masking flags, written once from the library's registry: for each field with a digit mask
//! ([`MaskRule::Digits`]), `--<field>-keep-start N` and `--<field>-keep-end N`, named by the field's command-line
//! name and described with its label and defaults; then `--mask-char`. A field the library adds has its flags
//! here without an edit. `check` and `mask` offer every digit field's flags ([`Checked`]); `redact` those of the
//! fields its finder looks for ([`InText`]), so it never accepts a flag it would not read.
//!
//! clap's derive cannot make flags from a table, so [`MaskFlags`] implements [`clap::Args`] with the builder API
//! and is flattened into the commands' derived arguments like any other group of flags.

use std::marker::PhantomData;

use clap::error::ErrorKind;
use clap::{value_parser, Arg, ArgMatches, Args, Command, FromArgMatches};
use pccc_guard::{FieldKind, Kinds, Locale, MaskRule, Policies};

use crate::fields::FieldMasks;
use crate::{Field, Usage};

/// Which fields' flags a command offers, and what its `--mask-char` says.
pub trait Scope {
    /// The fields with keep flags, in the registry's order.
    fn fields() -> impl Iterator<Item = Field>;
    /// The help of `--mask-char`.
    const FILL_HELP: &'static str;
}

/// `check` and `mask`: every field with a digit mask.
pub enum Checked {}

impl Scope for Checked {
    fn fields() -> impl Iterator<Item = Field> {
        FieldKind::ALL.into_iter().filter(|f| matches!(f.mask_rule(), MaskRule::Digits { .. }))
    }
    const FILL_HELP: &'static str = "The character that hides the others [default: *]";
}

/// `redact`: the fields with a digit mask that the finder has a kind for (`FieldKind::paste_kind`: the kind a paste
/// into the field is searched for is the kind that free text is searched for).
pub enum InText {}

impl Scope for InText {
    fn fields() -> impl Iterator<Item = Field> {
        Checked::fields().filter(|f| f.paste_kind().is_some())
    }
    const FILL_HELP: &'static str =
        "The character that replaces hidden digits, for every kind [default: *]. An RRN is always hidden whole";
}

/// The digits a field's flags keep visible (`None`: the library's default for the field).
#[derive(Clone, Copy, Default)]
struct Keep {
    start: Option<usize>,
    end: Option<usize>,
}

/// The masking flags of one command: kept digits per field (by the field's number) and the fill character.
pub struct MaskFlags<S: Scope> {
    keep: [Keep; FieldKind::ALL.len()],
    fill: Option<char>,
    scope: PhantomData<S>,
}

/// The flag that keeps `field`'s digits at the start (`end`: at the end): `pccc-keep-start`.
fn flag(field: Field, end: bool) -> String {
    format!("{}-keep-{}", field.cli_name(), if end { "end" } else { "start" })
}

/// `mobile number` → `Mobile number`.
fn capitalised(label: &str) -> String {
    let mut chars = label.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

impl<S: Scope> Args for MaskFlags<S> {
    fn augment_args(mut cmd: Command) -> Command {
        for field in S::fields() {
            let MaskRule::Digits { keep_start, keep_end, .. } = field.mask_rule() else { continue };
            let label = capitalised(field.label(Locale::En));
            for (end, default) in [(false, keep_start), (true, keep_end)] {
                let at = if end { "end" } else { "start" };
                cmd = cmd.arg(
                    Arg::new(flag(field, end))
                        .long(flag(field, end))
                        .value_name("N")
                        .value_parser(value_parser!(usize))
                        .help(format!("{label} digits kept visible at the {at} [default: {default}]")),
                );
            }
        }
        cmd.arg(
            Arg::new("mask-char")
                .long("mask-char")
                .value_name("CHAR")
                .value_parser(value_parser!(char))
                .help(S::FILL_HELP),
        )
    }

    fn augment_args_for_update(cmd: Command) -> Command {
        Self::augment_args(cmd)
    }
}

impl<S: Scope> FromArgMatches for MaskFlags<S> {
    fn from_arg_matches(matches: &ArgMatches) -> Result<Self, clap::Error> {
        let mut flags = MaskFlags { keep: [Keep::default(); FieldKind::ALL.len()], fill: None, scope: PhantomData };
        flags.update_from_arg_matches(matches)?;
        Ok(flags)
    }

    fn update_from_arg_matches(&mut self, matches: &ArgMatches) -> Result<(), clap::Error> {
        fn one<T: Copy + Send + Sync + 'static>(matches: &ArgMatches, id: &str) -> Result<Option<T>, clap::Error> {
            let value = matches.try_get_one::<T>(id).map_err(|e| clap::Error::raw(ErrorKind::InvalidValue, e))?;
            Ok(value.copied())
        }
        for field in S::fields() {
            let keep = &mut self.keep[field.id() as usize];
            keep.start = one(matches, &flag(field, false))?.or(keep.start);
            keep.end = one(matches, &flag(field, true))?.or(keep.end);
        }
        self.fill = one(matches, "mask-char")?.or(self.fill);
        Ok(())
    }
}

impl<S: Scope> MaskFlags<S> {
    /// `field`'s flags, if either was given: the digits kept at the start and at the end, and the flags' names.
    fn given(&self, field: Field) -> Option<(Keep, String)> {
        let keep = self.keep[field.id() as usize];
        (keep.start.is_some() || keep.end.is_some())
            .then(|| (keep, format!("--{} and --{}", flag(field, false), flag(field, true))))
    }
}

impl MaskFlags<Checked> {
    /// The masks of the `checked` fields, checked; a flag of a field that is not checked is refused.
    pub fn field_masks(&self, checked: &[Field]) -> Result<FieldMasks, Usage> {
        let fill = self.fill.unwrap_or('*');
        let mut keep = [(None, None); FieldKind::ALL.len()];
        for field in Checked::fields() {
            let Some((given, flags)) = self.given(field) else { continue };
            if !checked.contains(&field) {
                return Err(Usage(format!("{flags} do not apply: no {} is checked", field.cli_name())));
            }
            keep[field.id() as usize] = (given.start, given.end);
        }
        let masks = FieldMasks { keep, fill };
        // Only the checked fields' policies must be valid (the others are never used).
        for &field in checked {
            if let Some(e) = masks.policy(field).refusal() {
                let which = if checked.len() > 1 { format!("{} ", field.cli_name()) } else { String::new() };
                return Err(Usage(format!("the {which}mask policy is refused: {e}")));
            }
        }
        Ok(masks)
    }
}

impl MaskFlags<InText> {
    /// The redaction policies of the flags and `kinds`, checked: each field's mask, then the RRN's fill.
    pub fn policies(&self, kinds: impl FnOnce() -> Result<Kinds, Usage>) -> Result<Policies, Usage> {
        let fill = self.fill.unwrap_or('*');
        let refused = |which: &str, e: &str| Usage(format!("the {which} mask policy is refused: {e}"));
        let mut policies = Policies::new().fill(fill);
        for field in InText::fields() {
            let keep = self.given(field).map(|(keep, _)| keep).unwrap_or_default();
            if let Some(Err(e)) = field.mask("", keep.start, keep.end, Some(fill)) {
                return Err(refused(field.label(Locale::En), e.message(Locale::En)));
            }
            // Every field of the scope is a kind's, whose policy keeps digits.
            if let Some(kept) = field.paste_kind().and_then(|kind| policies.keep(kind, keep.start, keep.end)) {
                policies = kept;
            }
        }
        let policies = policies.kinds(kinds()?);
        policies.check().map_err(|e| refused("RRN", e.message(Locale::En)))?;
        Ok(policies)
    }
}
