//! Who signs the seal: the chief signs, every signer and refuser was
//! recorded present, roles are written as their keys whatever the language
//! on screen, and records sealed before these rules still open and verify.
//! Through the real binary and the real app.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::ui::{harness, open_record, type_into};
use common::*;
use eframe::egui::{Key, Role};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use polltally::app::PolltallyApp;
use polltally::domain::hash::Hash256;
use polltally::domain::person::Role as PersonRole;
use polltally::domain::seal::SignerRole;
use polltally::i18n::{Lang, T, Tr};
use polltally::store::Record;
use std::path::{Path, PathBuf};

/// A count of the small station with three ballots ruled and the figures
/// holding, no one recorded present yet.
fn ruled(dir: &Path) -> PathBuf {
    let record = dir.join("count.polltally");
    let rec = s(&record);
    new_small(&record);
    record_figures(rec, [500, 497, 0, 3, 0, 0, 3]);
    rule_lines(rec, ["1", "2", "2"]);
    record
}

/// A count of the small station ready to seal (three ballots ruled, the
/// figures holding), with the chief, the secretary and the agent of party 3
/// recorded present.
fn ready(dir: &Path) -> PathBuf {
    let record = ruled(dir);
    let rec = s(&record);
    present(rec, "Chan Sophea", "chief", None);
    present(rec, "Sok Dara", "secretary", None);
    present(rec, "Keo Rith", "party_agent", Some("3"));
    record
}

fn is_sealed(record: &Path) -> bool {
    Record::open(record).unwrap().count().seal().is_some()
}

/// `polltally seal` of `record` with `args`; insists that it is refused
/// with exit 2, that nothing was written, and returns the error.
fn refused_seal(record: &Path, args: &[&str]) -> String {
    let entries = show_json(record)["entries"].clone();
    let mut all = vec!["seal", "--record", s(record)];
    all.extend_from_slice(args);
    let r = run(&all);
    assert_eq!(r.code, 2, "{args:?}: {}{}", r.stdout, r.stderr);
    assert!(!is_sealed(record), "{args:?} sealed");
    assert_eq!(show_json(record)["entries"], entries, "{args:?} wrote");
    r.stderr
}

const PRESENT: &str = "(present: \"Chan Sophea\" as chief; \"Sok Dara\" as secretary; \
                       \"Keo Rith\" as party_agent of party 3)";

#[test]
fn a_seal_without_the_chief_is_refused_on_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let record = ready(dir.path());
    let err = refused_seal(&record, &["--signed", "Sok Dara:secretary"]);
    assert_eq!(
        err,
        "error: signed: no one signs as chief; the result needs the signature of the chief\n"
    );
    // The chief who refuses does not sign either.
    let err = refused_seal(
        &record,
        &[
            "--signed",
            "Sok Dara:secretary",
            "--refused",
            "Chan Sophea:chief:the figures are wrong",
        ],
    );
    assert!(err.contains("no one signs as chief"), "{err}");
    // In Khmer.
    let err = refused_seal(&record, &["--signed", "Sok Dara:secretary", "--lang", "km"]);
    assert!(
        err.contains("signed៖ គ្មាននរណាម្នាក់ចុះហត្ថលេខាជា chief ទេ")
            || err.contains("signed: គ្មាននរណាម្នាក់ចុះហត្ថលេខាជា chief ទេ"),
        "{err}"
    );
    ok(&[
        "seal",
        "--record",
        s(&record),
        "--signed",
        "Chan Sophea:chief",
    ]);
    assert!(is_sealed(&record));
}

#[test]
fn a_signer_not_recorded_present_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let record = ready(dir.path());
    let err = refused_seal(
        &record,
        &[
            "--signed",
            "Chan Sophea:chief",
            "--signed",
            "Lim Bopha:member",
        ],
    );
    assert_eq!(
        err,
        format!("error: signed[1]: \"Lim Bopha\" as member is not recorded present {PRESENT}\n")
    );
    // Present in another role is not present in this one.
    let err = refused_seal(
        &record,
        &[
            "--signed",
            "Chan Sophea:chief",
            "--signed",
            "Sok Dara:member",
        ],
    );
    assert!(
        err.contains("signed[1]: \"Sok Dara\" as member is not recorded present"),
        "{err}"
    );
    // A chief never recorded present does not seal.
    let err = refused_seal(&record, &["--signed", "Chea Sophal:chief"]);
    assert!(
        err.contains("signed[0]: \"Chea Sophal\" as chief is not recorded present"),
        "{err}"
    );
    // A presence withdrawn is no presence.
    ok(&[
        "withdraw",
        "--record",
        s(&record),
        "--seq",
        "7",
        "--reason",
        "left before the count",
    ]);
    let err = refused_seal(
        &record,
        &[
            "--signed",
            "Chan Sophea:chief",
            "--signed",
            "Sok Dara:secretary",
        ],
    );
    assert!(
        err.contains("signed[1]: \"Sok Dara\" as secretary is not recorded present"),
        "{err}"
    );
}

#[test]
fn a_refuser_not_recorded_present_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let record = ready(dir.path());
    let err = refused_seal(
        &record,
        &[
            "--signed",
            "Chan Sophea:chief",
            "--refused",
            "Men Sina:party_agent:the blank ballots were not shown",
        ],
    );
    assert_eq!(
        err,
        format!(
            "error: refused[0]: \"Men Sina\" as party_agent is not recorded present {PRESENT}\n"
        )
    );
}

#[test]
fn roles_are_typed_and_written_as_their_keys_and_an_agent_signs_for_the_party() {
    let dir = tempfile::tempdir().unwrap();
    let record = ready(dir.path());
    let err = refused_seal(
        &record,
        &["--signed", "Chan Sophea:Chief of the commission"],
    );
    assert_eq!(
        err,
        "error: signed[0].role: \"Chief of the commission\" is not a role \
         (chief, secretary, member, party_agent, observer)\n"
    );
    ok(&[
        "seal",
        "--record",
        s(&record),
        "--signed",
        "Chan Sophea:chief",
        "--signed",
        " Keo Rith :party_agent",
        "--refused",
        "Sok Dara:secretary:the count was too fast",
    ]);
    let doc: serde_json::Value =
        serde_json::from_slice(&std::fs::read(export(&record)).unwrap()).unwrap();
    assert_eq!(
        doc["signed"],
        serde_json::json!([
            {"name": "Chan Sophea", "role": "chief"},
            {"name": "Keo Rith", "role": "party_agent", "party": 3},
        ])
    );
    assert_eq!(
        doc["refused"],
        serde_json::json!([
            {"name": "Sok Dara", "role": "secretary", "reason": "the count was too fast"},
        ])
    );
}

/// A copy of the record sealed by an earlier polltally: signers never
/// recorded present, the chief's role and a party agent's in words
/// (`Chief of the commission`, `agent of party 3`).
fn older_record(dir: &Path) -> PathBuf {
    let record = dir.join("older.polltally");
    std::fs::copy(fixture("sealed-written-roles.polltally"), &record).unwrap();
    record
}

#[test]
fn a_record_sealed_with_roles_in_words_still_opens_replays_and_verifies() {
    let dir = tempfile::tempdir().unwrap();
    let record = older_record(dir.path());
    let r = ok(&["verify", "--record", s(&record)]);
    assert!(r.stdout.contains("chain intact, 6 entries"), "{}", r.stdout);
    let opened = Record::open(&record).unwrap();
    let (_, seal) = opened.count().seal().unwrap();
    assert_eq!(
        seal.signed[0].role,
        SignerRole::Written(
            polltally::domain::free_text::FreeText::parse("role", "Chief of the commission")
                .unwrap()
        )
    );
    assert_eq!(
        seal.signed[1].role,
        SignerRole::Known(PersonRole::Secretary)
    );
    assert!(opened.count().present().is_empty());
    drop(opened);
    // Its results are the bytes it gave when it was sealed.
    let results = std::fs::read(export(&record)).unwrap();
    let then = std::fs::read(fixture("sealed-written-roles.json")).unwrap();
    assert_eq!(results, then);
    assert_eq!(
        Hash256::of(&results).to_hex(),
        "29edbd7e86c62d423751cf6bdf46d862f20e668070017eb712a9be6f5036cbfa"
    );
    ok(&[
        "verify",
        "--results",
        s(&fixture("sealed-written-roles.json")),
        "--record",
        s(&record),
    ]);
    // Its form prints the roles as they were written.
    let pdf = dir.path().join("form.pdf");
    ok(&[
        "pdf",
        "--record",
        s(&record),
        "--out",
        s(&pdf),
        "--copy",
        "B",
    ]);
    let text = pdf_page_texts(&std::fs::read(&pdf).unwrap()).join("\n");
    // The signature block wraps a role within its column.
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("Chief of the commission"), "{text}");
}

/// The app with the count at `record` open on Results (F6).
fn on_results(dir: &Path, record: &Path) -> Harness<'static, PolltallyApp> {
    let mut h = harness(&dir.join("data"));
    h.run();
    open_record(&mut h, record);
    h.key_press(Key::F6);
    h.run();
    h
}

#[test]
fn the_seal_screen_says_beside_its_button_why_it_cannot_seal_without_the_chief() {
    let dir = tempfile::tempdir().unwrap();
    let record = ready(dir.path());
    let mut h = on_results(dir.path(), &record);
    let why = "Signatures: no one signs as Chief; the result needs the signature of the Chief";
    assert!(h.query_by_label(why).is_none());
    assert!(
        !h.get_by_label("Seal the count")
            .accesskit_node()
            .is_disabled()
    );
    // The chief is the first person listed: marked as not signing.
    h.get_all_by_label("does not sign").next().unwrap().click();
    h.run();
    assert!(h.query_by_label(why).is_some(), "the reason is not shown");
    let button = h.get_by_label("Seal the count");
    assert!(button.accesskit_node().is_disabled());
    // It stands beside the button, on its line.
    let (button, reason) = (button.rect(), h.get_by_label(why).rect());
    assert!(
        (reason.center().y - button.center().y).abs() < button.height()
            && reason.left() > button.right(),
        "button {button:?}, reason {reason:?}"
    );
    h.get_by_label("Seal the count").click();
    h.run();
    assert!(!is_sealed(&record));
    // The chief refusing, with a reason: still no chief's signature.
    h.get_all_by_label("refuses").next().unwrap().click();
    h.run();
    type_into(&mut h, "Chan Sophea (Chief)", "the figures are wrong");
    assert!(h.query_by_label(why).is_some());
    // In Khmer, in Khmer.
    h.get_by_label("ខ្មែរ").click();
    h.run();
    assert!(
        h.query_by_label("ហត្ថលេខា៖ គ្មាននរណាម្នាក់ចុះហត្ថលេខាជា ប្រធាន ទេ; លទ្ធផលត្រូវការហត្ថលេខារបស់ ប្រធាន")
            .is_some()
    );
    h.get_by_label("English").click();
    h.run();
    // The chief signs: the reason goes and the seal can be made.
    h.get_all_by_label("signs").next().unwrap().click();
    h.run();
    assert!(h.query_by_label(why).is_none());
    h.get_by_label("Seal the count").click();
    h.run();
    h.get_by_label("Yes, seal the count now").click();
    h.run();
    assert!(is_sealed(&record));
}

#[test]
fn the_seal_screen_without_a_chief_present_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let record = ruled(dir.path());
    present(s(&record), "Sok Dara", "secretary", None);
    let h = on_results(dir.path(), &record);
    assert!(
        h.query_by_label(
            "Signatures: no one signs as Chief; the result needs the signature of the Chief"
        )
        .is_some()
    );
    assert!(
        h.get_by_label("Seal the count")
            .accesskit_node()
            .is_disabled()
    );
}

/// Seals the count at `record` in the app in `lang`: the chief and the
/// secretary sign, the agent of party 3 refuses with a reason. Returns the
/// results hash.
fn seal_in(dir: &Path, record: &Path, lang: Lang) -> Hash256 {
    let mut h = on_results(dir, record);
    if lang == Lang::Km {
        h.get_by_label("ខ្មែរ").click();
        h.run();
    }
    let tr = Tr::new(lang);
    h.get_all_by_label(tr.t(T::SignerRefuses))
        .nth(2)
        .unwrap()
        .click();
    h.run();
    let field = format!(
        "Keo Rith ({} {})",
        tr.role(PersonRole::PartyAgent),
        tr.num(3)
    );
    type_into(&mut h, &field, "the blank ballots were not shown");
    h.get_by_role_and_label(Role::Button, tr.t(T::SealButton))
        .click();
    h.run();
    h.get_by_label(tr.t(T::SealConfirmButton)).click();
    h.run();
    drop(h);
    let opened = Record::open(record).unwrap();
    opened.results().unwrap().hash().unwrap()
}

#[test]
fn the_seal_made_in_khmer_or_in_english_gives_the_same_results_hash() {
    let dir = tempfile::tempdir().unwrap();
    let english = ready(dir.path());
    let khmer = dir.path().join("khmer.polltally");
    std::fs::copy(&english, &khmer).unwrap();
    let en = seal_in(&dir.path().join("en"), &english, Lang::En);
    let km = seal_in(&dir.path().join("km"), &khmer, Lang::Km);
    assert_eq!(en, km);
    // Both hold the roles as keys.
    let opened = Record::open(&khmer).unwrap();
    let (_, seal) = opened.count().seal().unwrap();
    assert_eq!(
        seal.refused[0].role,
        SignerRole::Known(PersonRole::PartyAgent)
    );
    assert_eq!(seal.refused[0].party.map(|p| p.0), Some(3));
    assert_eq!(seal.signed.len(), 2);
}

#[test]
fn a_station_file_may_require_more_signatures_than_the_chiefs() {
    let dir = tempfile::tempdir().unwrap();
    let mut station: serde_json::Value =
        serde_json::from_slice(&std::fs::read(fixture("station-small.json")).unwrap()).unwrap();
    station["required_signers"] = serde_json::json!(["secretary", "party_agent"]);
    let station_file = dir.path().join("station.json");
    std::fs::write(&station_file, serde_json::to_vec_pretty(&station).unwrap()).unwrap();
    let record = dir.path().join("count.polltally");
    let rec = s(&record);
    ok(&["new", "--station", s(&station_file), "--record", rec]);
    record_figures(rec, [500, 497, 0, 3, 0, 0, 3]);
    rule_lines(rec, ["1", "2", "2"]);
    present(rec, "Chan Sophea", "chief", None);
    present(rec, "Sok Dara", "secretary", None);
    present(rec, "Keo Rith", "party_agent", Some("3"));
    let err = refused_seal(&record, &["--signed", "Chan Sophea:chief"]);
    assert_eq!(
        err,
        "error: signed: no one signs as secretary; the result needs the signature of the secretary\n"
    );
    // A refusal is no signature.
    let err = refused_seal(
        &record,
        &[
            "--signed",
            "Chan Sophea:chief",
            "--signed",
            "Sok Dara:secretary",
            "--refused",
            "Keo Rith:party_agent:the blank ballots were not shown",
        ],
    );
    assert!(err.contains("no one signs as party_agent"), "{err}");
    ok(&[
        "seal",
        "--record",
        rec,
        "--signed",
        "Chan Sophea:chief",
        "--signed",
        "Sok Dara:secretary",
        "--signed",
        "Keo Rith:party_agent",
    ]);
}
