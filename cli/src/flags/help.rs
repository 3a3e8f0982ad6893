//! The help texts: the examples and explanations after the flags, and the sentences that list the library's
//! fields or the finder's kinds, written from their registries so that a new one is listed without an edit.
//! Lines stay under 100 columns, the width clap wraps help at when the terminal's is unknown.

use pccc_guard::{FieldKind, Kind, Locale};

/// The command's description: what it checks, every field by its label.
pub fn about() -> String {
    let labels: Vec<&str> = FieldKind::ALL.map(|f| f.label(Locale::En)).to_vec();
    format!(
        "Checks and masks the fields of stored orders in bulk ({}): the pccc-guard command-line tool.",
        labels.join(", ")
    )
}

/// `a, b, c or d`.
fn listed(names: &[&str], last: &str) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., end] => format!("{} {last} {end}", rest.join(", ")),
    }
}

/// The help of `--field`.
pub fn field() -> String {
    format!("Which field the values are: {}", listed(&FieldKind::ALL.map(FieldKind::cli_name), "or"))
}

/// The help of `--columns`.
pub fn columns() -> String {
    format!(
        "Several fields per row, checked together (CSV or a sheet): FIELD=COLUMN pairs, comma-separated, with the \
         fields {}, e.g. pccc=개인통관고유부호,phone=휴대전화 (a bare FIELD is the column of that name)",
        listed(&FieldKind::ALL.map(FieldKind::cli_name), "and")
    )
}

/// The help of `redact --kinds`.
pub fn kinds() -> String {
    format!("The kinds to look for, comma-separated, from {} [default: all of them]", listed(&Kind::CODES, "and"))
}

pub const EXAMPLES: &str = "\
Examples:
  # One code per line; every record, masked, then a summary per error code on stderr
  pccc-guard check codes.txt

  # The pccc column of a CSV export with a header row; only the records to fix
  pccc-guard check --csv --column pccc --only-invalid orders.csv

  # Mobile numbers under the key \"phone\" of JSON Lines, as JSON lines, from stdin
  zcat orders.jsonl.gz | pccc-guard check --jsonl --key phone --field phone --json

  # Canonical values (unmasked) to fix records by hand
  pccc-guard check --csv --column pccc --show-values --only-invalid orders.csv

  # A CSV saved by Korean Excel (CP949), its column named in Korean
  pccc-guard check --csv --encoding cp949 --column 개인통관고유부호 --only-invalid orders.csv

  # Several fields of each row at once, with the recipient check
  pccc-guard check --columns pccc=개인통관고유부호,phone=휴대전화,postcode=우편번호,name=받는분 orders.xlsx

  # Business registration numbers of a B2B export, with the check digit
  pccc-guard check --csv --field business-number --column 사업자등록번호 --only-invalid sellers.csv

  # An annotated copy of an .xlsx export to work from (UTF-8 CSV with a BOM, as Excel opens it)
  pccc-guard check --annotate --column 개인통관고유부호 --only-invalid orders.xlsx > to-fix.csv

  # Masked codes for a support export: P12******9012
  pccc-guard mask --pccc-keep-start 2 --pccc-keep-end 4 codes.txt

  # Personal numbers in free text (logs, memos) masked, everything else unchanged
  pccc-guard redact app.log > app.redacted.log

  # A CI step that fails when a log holds a personal number
  pccc-guard redact --check build.log

  # A large job in four shards, one per core, no coordination needed (GNU split and parallel)
  split -n l/4 codes.txt part- && ls part-* | parallel 'pccc-guard check --only-invalid {} > {}.tsv'
  (CSV shards each need the header row: see the README)

Exit status: 0 every record valid, 1 some record invalid, 2 usage or I/O error.
(redact: 0 done, 1 with --check when something was found, 2 usage or I/O error.)";

pub const REDACT_AFTER: &str = "\
Finds customs codes (P + 12 digits), resident registration numbers and Korean mobile numbers in
any text by the library's rules, and masks them with the field policies: P********9012,
******-*******, 010-1234-**** (a mobile number's digits counted from its domestic 0, +82 or not).
Every other byte passes through unchanged, invalid UTF-8 included. The input is streamed in
constant memory and need not have line breaks. Several files are read one after the other (a
number never spans two files) and written out one after the other.

Output:
  (default)        the redacted text, on stdout
  --count          kind TAB count per kind looked for, over all inputs, instead of the text
  --check          no text; one line on stderr (how many were found, per kind); status 1 if any
  --check --count  the counts on stdout, and the exit status of --check

Examples:
  # Clean a log before sharing it
  pccc-guard redact app.log > app.redacted.log

  # Clean a log as it is written; keep 2 leading PCCC digits, show phones as 010-****-5678
  tail -F app.log | pccc-guard redact --pccc-keep-start 2 --phone-keep-start 3 --phone-keep-end 4

  # Fail a CI job when a log holds a personal number (exit status 1)
  pccc-guard redact --check build.log test-output.log

  # How many of each kind, looking only for customs codes and RRNs
  zcat app.log.gz | pccc-guard redact --count --kinds pccc,rrn

Exit status: 0 done (with --check: nothing found), 1 with --check: something was found,
2 usage or I/O error (a file that cannot be read is reported, and the others are still read).";

pub const CHECK_AFTER: &str = "\
Output, one line per record (TSV, no header): [file TAB] line TAB valid|invalid TAB code TAB value
  line   the line number where the record starts (1-based; in a CSV file the header is line 1)
  code   the error code (as in the library and the JavaScript API), or: not_utf8,
         record_too_long, malformed_row (CSV row with the wrong number of fields),
         malformed_json, missing_key, not_a_string
  value  masked (PCCC P********9012, phone 010-1234-****, name 홍*동, business number
         124-81-*****; an invalid value shows only its length); postcodes are not masked, as in
         the library; with --show-values the canonical value, or the value as stored when it is
         invalid
With --json: {\"line\":…,\"valid\":…,\"code\":…,\"value\":…} per line. A file column (\"file\" member)
is added when several files are given. Then, on stderr: the number of records, valid and invalid,
and a count per error code.

Several fields (--columns pccc=COLUMN,phone=COLUMN,…): one line per row, TSV
  line TAB valid|invalid, then code TAB value per field in the order given
or with --json the recipient check's JSON (as the JavaScript API's checkRecipient) with the line:
  {\"line\":…,\"valid\":…,\"fields\":{\"pccc\":{\"valid\":true,\"value\":…},…}}
(the fields by name in alphabetical order; fields not given are not checked; values masked unless
--show-values).

--annotate: the table written back as CSV (UTF-8 with a BOM; --keep-encoding: the input's
encoding), every column in its place with the checked values masked, then a status column (valid,
invalid, or the row's own code) and, per checked field, an error code and an error message column
(--lang ko|en).

Inputs: text in UTF-8 unless --encoding says otherwise (cp949/euc-kr, utf-16le, …; a BOM decides
by itself; bytes that the encoding does not allow make a value not_decodable, and one line on
stderr names the first line). Files named .xlsx, .xlsm, .xlsb, .xls or .ods (or --spreadsheet) are
read as spreadsheets: the first sheet or --sheet NAME, its first non-empty row the header, row
numbers as the spreadsheet shows them.";

/// The help of `verify --columns`.
pub fn verify_columns() -> String {
    format!(
        "The recipient's columns, FIELD=COLUMN pairs (fields {}), for those the export's header does not name as a \
         known marketplace does; phone=A|B gives candidates in order",
        listed(&pccc_guard::RECIPIENT_FIELDS.map(FieldKind::cli_name), "and")
    )
}

pub const VERIFY_AFTER: &str = "\
Reads an order export (Naver SmartStore, Coupang, Gmarket/Auction, Interpark, 11st: their own
headers are recognised, or --preset, or --columns) and asks UNI-PASS whether each row's code, name,
mobile number and postcode belong together: through a pccc-guard-gateway (--gateway, as background
work that checkouts always go before), or on its own with UNIPASS_KEY (or UNIPASS_KEY_FILE) at
--rate calls a second. Rows with the same details share one check; a row whose details are
malformed is never sent. Finished checks are kept in --state as keyed hashes: the same command run
again (after Ctrl-C, a crash, an outage) sends only what is left, and asks a gateway for a check it
still holds by its id.

Output (--output, .xlsx or .csv): every input column (the code masked, P********9012), then
  verify_status   matched     UNI-PASS confirmed the details: the parcel can clear customs
                  mismatched  UNI-PASS did not: the parcel would be held (reasons below)
                  invalid     a value is malformed (reasons: field.code, e.g. phone.virtual_number)
                  pending     no answer yet (UNI-PASS or the gateway down): run the command again
                  error       refused for this check (too_many_attempts, unresolved)
  verify_reasons  comma-separated codes: pccc_not_found, pccc_expired (renew the code),
                  pccc_inactive (reissued: look up the new one), name_mismatch, phone_mismatch,
                  postcode_mismatch, other_mismatch
Several phone columns (a customs phone and the receiver's) are tried in order: one that is not a
mobile number (a 050 safe number) is skipped without a call, and the next is asked only when the
phone was UNI-PASS's only objection.

Examples:
  # A SmartStore export through the shop's gateway (token in a file)
  pccc-guard verify orders.xlsx -o checked.xlsx --gateway https://gw.internal:8787 --token-file tok

  # A Coupang CSV saved by Korean Excel, on its own at 5 calls a second
  UNIPASS_KEY_FILE=/run/secrets/unipass pccc-guard verify --encoding cp949 orders.csv -o checked.csv

  # Columns named by hand, two phone candidates in order
  pccc-guard verify list.xlsx -o out.xlsx --columns name=받는분,pccc=통관부호,phone=휴대폰|연락처

Exit status: 0 every row matched, 1 some row mismatched, invalid or error, 3 some row still
pending (run the same command again), 2 usage or I/O error.";
