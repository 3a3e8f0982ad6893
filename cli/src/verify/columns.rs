//! Finding the recipient's columns in an export: the header row (an export may open with a title row, as
//! SmartStore's and 11st's do), then each field's column from the synonym table ([`super::recipient::SYNONYMS`]),
//! `--preset` or `--columns`. A column that is missing or truly ambiguous is a usage error that lists the candidates.

use pccc_guard::{FieldKind, Locale, RECIPIENT_FIELDS};

use super::recipient::{has_candidates, normalize_header, optional, Columns, Marketplace, SYNONYMS};
use crate::Usage;

/// The header row is looked for among this many first rows.
pub const MAX_HEADER_ROW: usize = 5;

/// `--columns`: per field, its column names (several, `A|B`, only where the field takes candidates).
pub type Explicit = Vec<(FieldKind, Vec<String>)>;

/// Reads `--columns name=…,pccc=…,phone=A|B,postcode=…`.
pub fn parse_explicit(list: &str) -> Result<Explicit, Usage> {
    let mut out: Explicit = Vec::new();
    let names = || RECIPIENT_FIELDS.map(FieldKind::cli_name).join(", ");
    for item in list.split(',').filter(|s| !s.trim().is_empty()) {
        let Some((field, columns)) = item.split_once('=') else {
            return Err(Usage(format!("--columns: {:?} is not FIELD=COLUMN (fields: {})", item.trim(), names())));
        };
        let field = FieldKind::from_name(field.trim())
            .filter(|f| RECIPIENT_FIELDS.contains(f))
            .ok_or_else(|| Usage(format!("--columns: unknown field {:?}; the fields: {}", field.trim(), names())))?;
        if out.iter().any(|(f, _)| *f == field) {
            return Err(Usage(format!("--columns: the field {} is given twice", field.cli_name())));
        }
        let columns: Vec<String> = columns.split('|').map(|c| c.trim().to_owned()).collect();
        if columns.iter().any(String::is_empty) {
            return Err(Usage(format!("--columns: {} has an empty column name", field.cli_name())));
        }
        if columns.len() > 1 && !has_candidates(field) {
            return Err(Usage(format!(
                "--columns: only one column for {} (A|B is for phone numbers)",
                field.cli_name()
            )));
        }
        out.push((field, columns));
    }
    if out.is_empty() {
        return Err(Usage("--columns: no field given (e.g. pccc=개인통관고유부호,phone=휴대폰|연락처)".into()));
    }
    Ok(out)
}

/// Where the recipient is: the header row's index and the columns.
#[derive(Debug, PartialEq, Eq)]
pub struct Found {
    pub header_row: usize,
    pub columns: Columns,
}

/// Why a row is not the header row.
struct Miss {
    /// Fields found before the miss (the best attempt's message is shown).
    found: usize,
    message: String,
}

/// Finds the header row among the first rows and the recipient's columns in it.
pub fn find(first_rows: &[Vec<String>], preset: Option<Marketplace>, explicit: &Explicit) -> Result<Found, Usage> {
    let mut best: Option<Miss> = None;
    for (i, header) in first_rows.iter().take(MAX_HEADER_ROW).enumerate() {
        match columns_in(header, preset, explicit) {
            Ok(columns) => return Ok(Found { header_row: i, columns }),
            Err(miss) => {
                if best.as_ref().is_none_or(|b| miss.found > b.found) {
                    best = Some(miss);
                }
            }
        }
    }
    Err(Usage(best.map_or_else(|| "the input has no rows (no header row)".to_owned(), |m| m.message)))
}

/// A field's label for messages, in English with its Korean name.
fn label(field: FieldKind) -> String {
    format!("{} ({})", field.label(Locale::En), field.label(Locale::Ko))
}

/// The header row's names, quoted, for messages.
fn quoted(names: &[String]) -> String {
    names.iter().filter(|n| !n.trim().is_empty()).map(|n| format!("{n:?}")).collect::<Vec<_>>().join(", ")
}

/// The recipient's columns in `header`, or why it is not the header row.
fn columns_in(header: &[String], preset: Option<Marketplace>, explicit: &Explicit) -> Result<Columns, Miss> {
    let mut fields = Vec::new();
    for field in RECIPIENT_FIELDS {
        let found = match explicit.iter().find(|(f, _)| *f == field) {
            Some((_, names)) => by_name(header, field, names),
            None => by_synonym(header, field, preset),
        };
        match found {
            Ok(columns) => fields.push((field, columns)),
            Err(message) => return Err(Miss { found: fields.len(), message }),
        }
    }
    Ok(Columns { fields })
}

/// The columns named on the command line: by exact name, or else by the compared form.
fn by_name(header: &[String], field: FieldKind, names: &[String]) -> Result<Vec<usize>, String> {
    let mut columns = Vec::new();
    for name in names {
        let exact: Vec<usize> = (0..header.len()).filter(|&i| header[i].trim() == name).collect();
        let loose: Vec<usize> =
            (0..header.len()).filter(|&i| normalize_header(&header[i]) == normalize_header(name)).collect();
        let matches = if exact.is_empty() { loose } else { exact };
        match matches.as_slice() {
            [one] => columns.push(*one),
            [] => {
                return Err(format!(
                    "--columns: no column named {name:?} for the {}; the header row: {}",
                    label(field),
                    quoted(header)
                ))
            }
            several => {
                let names: Vec<String> = several.iter().map(|&i| header[i].clone()).collect();
                return Err(format!(
                    "--columns: {name:?} matches several columns ({}): name the {} by its exact header",
                    quoted(&names),
                    label(field)
                ));
            }
        }
    }
    Ok(columns)
}

/// A field's columns from the synonym table (only `preset`'s synonyms when given): the best-ranked one, or every
/// match in rank order for a field with candidates.
fn by_synonym(header: &[String], field: FieldKind, preset: Option<Marketplace>) -> Result<Vec<usize>, String> {
    let synonyms = || SYNONYMS.iter().filter(|s| s.field == field && preset.is_none_or(|p| s.marketplace == p));
    // Per column: its best (rank, not written exactly as in the table).
    let mut found: Vec<(u8, bool, usize)> = Vec::new();
    for (i, name) in header.iter().enumerate() {
        let compared = normalize_header(name);
        if compared.is_empty() {
            continue;
        }
        let best = synonyms()
            .filter(|s| normalize_header(s.header) == compared)
            .map(|s| (s.rank, name.trim() != s.header))
            .min();
        if let Some((rank, inexact)) = best {
            found.push((rank, inexact, i));
        }
    }
    found.sort();
    if found.is_empty() {
        if optional(field) {
            return Ok(Vec::new());
        }
        let mut looked: Vec<&str> = synonyms().map(|s| s.header).collect();
        looked.dedup();
        let how = match preset {
            Some(p) => format!("the {} export's header", p.name()),
            None => "any marketplace's header".to_owned(),
        };
        return Err(format!(
            "no column for the {} ({how}: {}); the header row: {}. Name it with --columns {}=COLUMN",
            label(field),
            looked.join(", "),
            quoted(header),
            field.cli_name()
        ));
    }
    if has_candidates(field) {
        return Ok(found.iter().map(|&(_, _, i)| i).collect());
    }
    let (rank, inexact, _) = found[0];
    let tied: Vec<usize> = found.iter().filter(|f| f.0 == rank && f.1 == inexact).map(|f| f.2).collect();
    if tied.len() > 1 {
        let names: Vec<String> = tied.iter().map(|&i| header[i].clone()).collect();
        return Err(format!(
            "the {} could be in several columns: {}; name one with --columns {}=COLUMN (or pick --preset)",
            label(field),
            quoted(&names),
            field.cli_name()
        ));
    }
    Ok(vec![found[0].2])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn headers_compare_without_spaces_brackets_asterisks_and_case() {
        assert_eq!(normalize_header(" 개인통관번호 (PCCC)* "), normalize_header("개인통관번호(pccc)"));
        assert_eq!(normalize_header("[수령인 휴대폰]"), "수령인휴대폰");
        assert_ne!(normalize_header("수취인"), normalize_header("수취인명"));
    }

    #[test]
    fn a_title_row_is_skipped_and_candidate_columns_come_in_rank_order() {
        let rows = vec![
            row(&["발주발송관리", "", "", ""]),
            row(&["전화번호", "수취인", "세관신고정보", "휴대폰번호", "우편번호"]),
        ];
        let found = find(&rows, None, &Vec::new()).unwrap();
        assert_eq!(found.header_row, 1);
        let candidates = found.columns.fields.iter().find(|(f, _)| has_candidates(*f)).unwrap();
        assert_eq!(candidates.1, [3, 0], "the mobile (rank 1) before the other number (rank 2)");
    }

    #[test]
    fn a_truly_ambiguous_or_missing_column_lists_the_candidates() {
        let both = vec![row(&["수취인명", "수령인명", "개인통관고유부호", "수취인연락처1"])];
        let Err(Usage(e)) = find(&both, None, &Vec::new()) else { panic!("ambiguous") };
        assert!(e.contains("\"수취인명\", \"수령인명\"") && e.contains("--columns"), "{e}");
        // A preset settles it.
        assert!(find(&both, Some(Marketplace::SmartStore), &Vec::new()).is_ok());
        let none = vec![row(&["주문번호", "수취인명", "수취인연락처1"])];
        let Err(Usage(e)) = find(&none, None, &Vec::new()) else { panic!("missing") };
        assert!(e.contains("개인통관고유부호") && e.contains("세관신고정보") && e.contains("\"주문번호\""), "{e}");
    }

    #[test]
    fn an_exact_header_wins_over_its_bracketed_copy() {
        let rows = vec![row(&["수취인명", "개인통관고유부호", "(우편번호)", "우편번호", "수취인연락처1"])];
        let found = find(&rows, None, &Vec::new()).unwrap();
        assert!(found.columns.fields.iter().any(|(f, c)| optional(*f) && c == &[3]), "{found:?}");
    }

    #[test]
    fn explicit_columns_with_candidates() {
        let explicit = parse_explicit("name=받는분, pccc=통관부호, phone=휴대폰|연락처").unwrap();
        let rows = vec![row(&["받는분", "연락처", "통관부호", "휴대폰"])];
        let found = find(&rows, None, &explicit).unwrap();
        let candidates = found.columns.fields.iter().find(|(f, _)| has_candidates(*f)).unwrap();
        assert_eq!(candidates.1, [3, 1]);
        for bad in ["name", "nope=x", "name=a|b", "name=a,name=b", "phone=a|", ""] {
            assert!(parse_explicit(bad).is_err(), "{bad}");
        }
    }
}
