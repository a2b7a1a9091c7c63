//! Every screen laid out at the sizes station laptops have (1366x768 and
//! 1024x600), in English and in Khmer: no two text-bearing widgets overlap,
//! and none leaves the window (or, inside a scrolling area, its width). The
//! check reads the widgets' rectangles from the accessibility tree.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::ui::harness_with;
use eframe::egui;
use egui_kittest::kittest::NodeT;
use egui_kittest::{Harness, Node};
use polltally::app::command::AppCommand;
use polltally::app::{PolltallyApp, Screen, Settings};
use polltally::domain::serials::BookUse;
use polltally::i18n::Lang;
use polltally::journal::event::Event;

const SIZES: [(f32, f32); 2] = [(1366.0, 768.0), (1024.0, 600.0)];

const SCREENS: [Screen; 10] = [
    Screen::Start,
    Screen::Station,
    Screen::Reconciliation,
    Screen::Counting,
    Screen::CrossCheck,
    Screen::Results,
    Screen::Verify,
    Screen::Recount,
    Screen::Tabulation,
    Screen::Training,
];

/// The app in a window of `size`, in `lang`.
fn harness(dir: &std::path::Path, size: (f32, f32), lang: Lang) -> Harness<'static, PolltallyApp> {
    let settings = Settings {
        lang,
        ..Settings::default()
    };
    harness_with(dir, size, settings)
}

/// A widget that shows text: its role, what it says and where.
#[derive(Debug, Clone)]
struct Shown {
    id: u128,
    role: String,
    text: String,
    rect: egui::Rect,
    /// The part of the window its scrolling area shows, if it scrolls.
    scroll: Option<egui::Rect>,
    ancestors: Vec<u128>,
}

fn text_of(node: &Node<'_>) -> Option<String> {
    let a = node.accesskit_node();
    let text = a
        .label()
        .or_else(|| a.value())
        .unwrap_or_default()
        .trim()
        .to_string();
    (!text.is_empty()).then_some(text)
}

/// The part of the window a scrolling area shows, from its bar: the area's
/// height, and its width up to the bar. (Scrolling areas have no node of
/// their own; their bars do, beside the area's content.)
fn viewport(bar: egui::Rect) -> egui::Rect {
    egui::Rect::from_x_y_ranges(f32::NEG_INFINITY..=bar.max.x, bar.y_range())
}

fn shown_widgets<S>(h: &Harness<'_, S>) -> Vec<Shown> {
    let root = h.root();
    let nodes: Vec<Node<'_>> = root
        .children_recursive()
        .filter(|n| n.accesskit_node().bounding_box().is_some())
        .collect();
    // Each scroll bar, by the container it shares with the area's content.
    let bars: Vec<(u128, egui::Rect)> = nodes
        .iter()
        .filter(|n| format!("{:?}", n.accesskit_node().role()) == "ScrollBar")
        .filter_map(|n| Some((u128::from(n.parent()?.accesskit_node().id()), n.rect())))
        .collect();
    let mut out = Vec::new();
    for node in &nodes {
        let a = node.accesskit_node();
        // Containers name what they hold; the widgets inside are checked. A
        // label's text is checked by its text runs (the drawn glyphs, not
        // the space the label was given).
        let role = format!("{:?}", a.role());
        if matches!(
            role.as_str(),
            "Window"
                | "GenericContainer"
                | "ScrollView"
                | "ScrollBar"
                | "Group"
                | "Pane"
                | "Unknown"
                | "Label"
        ) {
            continue;
        }
        let Some(text) = text_of(node) else {
            continue;
        };
        let mut ancestors = Vec::new();
        let mut up = node.parent();
        while let Some(parent) = up {
            ancestors.push(u128::from(parent.accesskit_node().id()));
            up = parent.parent();
        }
        // The nearest scrolling area around the widget, if any.
        let scroll = ancestors.iter().find_map(|up| {
            bars.iter()
                .find(|(parent, _)| parent == up)
                .map(|(_, bar)| viewport(*bar))
        });
        out.push(Shown {
            id: u128::from(a.id()),
            role,
            text,
            rect: node.rect(),
            scroll,
            ancestors,
        });
    }
    out
}

/// What is wrong with the layout on screen now, one line a problem.
fn layout_problems<S>(h: &Harness<'_, S>, size: (f32, f32)) -> Vec<String> {
    let window = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(size.0, size.1));
    let widgets = shown_widgets(h);
    let mut problems = Vec::new();
    // Visible part of each widget: inside its scrolling area, if any.
    let visible = |w: &Shown| match w.scroll {
        Some(area) => w.rect.intersect(area),
        None => w.rect,
    };
    for w in &widgets {
        // Scrolling is up and down: the width must fit the window (and the
        // area's bar), the height only where nothing scrolls.
        let right = w
            .scroll
            .map_or(window.max.x, |area| area.max.x.min(window.max.x));
        let r = w.rect;
        let inside_x = r.min.x >= -0.5 && r.max.x <= right + 0.5;
        let inside_y = w.scroll.is_some() || (r.min.y >= -0.5 && r.max.y <= window.max.y + 0.5);
        if !inside_x || !inside_y {
            problems.push(format!(
                "{} {:?} at {:?} leaves the window",
                w.role, w.text, r
            ));
        }
    }
    for (i, a) in widgets.iter().enumerate() {
        for b in &widgets[i + 1..] {
            if a.ancestors.contains(&b.id) || b.ancestors.contains(&a.id) {
                continue;
            }
            let (va, vb) = (visible(a), visible(b));
            if va.width() <= 0.0 || va.height() <= 0.0 || vb.width() <= 0.0 || vb.height() <= 0.0 {
                continue;
            }
            let overlap = va.intersect(vb);
            // A pixel of anti-aliased edge is not an overlap.
            if overlap.width() > 1.0 && overlap.height() > 1.0 {
                problems.push(format!(
                    "{} {:?} at {:?} overlaps {} {:?} at {:?}",
                    a.role, a.text, a.rect, b.role, b.text, b.rect
                ));
            }
        }
    }
    problems
}

/// The layout problems of every screen of the open count, each line naming
/// the size, the language and the screen.
fn count_screen_problems(
    h: &mut Harness<'_, PolltallyApp>,
    size: (f32, f32),
    lang: Lang,
) -> Vec<String> {
    let mut all = Vec::new();
    for screen in &SCREENS[1..] {
        h.state_mut().apply(AppCommand::ShowScreen(*screen));
        h.run();
        for problem in layout_problems(h, size) {
            all.push(format!("{size:?} {lang:?} {screen:?}: {problem}"));
        }
    }
    all
}

#[test]
fn no_screen_has_overlapping_or_cut_off_text_at_either_size_in_either_language() {
    let mut all = Vec::new();
    for size in SIZES {
        for lang in Lang::ALL {
            let dir = tempfile::tempdir().unwrap();
            let mut h = harness(dir.path(), size, lang);
            h.run();
            for problem in layout_problems(&h, size) {
                all.push(format!("{size:?} {lang:?} Start: {problem}"));
            }
            h.state_mut().apply(AppCommand::OpenPractice);
            h.run();
            // Books by serial recorded, partly: their used ranges, U_serial
            // pending and its check are on the Reconciliation screen.
            let books = [
                ("B-1801", BookUse::UsedUp),
                ("B-1806", BookUse::FirstUnused(180557)),
                ("B-1807", BookUse::Unused),
            ]
            .map(|(book, used)| (book.to_string(), used));
            h.state_mut().apply(AppCommand::Append(Event::BookSerials {
                books: books.into_iter().collect(),
            }));
            h.run();
            let session = h.state().session.as_ref().unwrap();
            assert_eq!(session.record.count().book_serials().len(), 3);
            all.extend(count_screen_problems(&mut h, size, lang));
        }
    }
    assert!(
        all.is_empty(),
        "{} layout problems:\n{}",
        all.len(),
        all.join("\n")
    );
}

/// The counting screen with a checkpoint just shown, large, and then
/// quieter: nothing overlaps or leaves the window.
#[test]
fn a_checkpoint_on_the_counting_screen_keeps_to_its_panel() {
    use polltally::domain::ruling::{RulingChoice, RulingRequest};
    use polltally::journal::event::Event;
    let mut all = Vec::new();
    for size in SIZES {
        for lang in Lang::ALL {
            let dir = tempfile::tempdir().unwrap();
            let mut h = harness(dir.path(), size, lang);
            h.run();
            h.state_mut().apply(AppCommand::OpenPractice);
            h.state_mut()
                .apply(AppCommand::ShowScreen(Screen::Counting));
            let def = h
                .state()
                .session
                .as_ref()
                .unwrap()
                .record
                .count()
                .definition()
                .clone();
            for i in 0..51u32 {
                let ruling = RulingRequest {
                    choice: RulingChoice::Party {
                        party: 1 + i % 12,
                        criterion: None,
                    },
                    disputed_by: vec![],
                    note: None,
                }
                .resolve(&def)
                .unwrap();
                h.state_mut()
                    .apply(AppCommand::Append(Event::Ruling(ruling)));
                if i == 49 {
                    h.run();
                    for problem in layout_problems(&h, size) {
                        all.push(format!("{size:?} {lang:?} checkpoint shown: {problem}"));
                    }
                }
            }
            h.run();
            for problem in layout_problems(&h, size) {
                all.push(format!("{size:?} {lang:?} checkpoint past: {problem}"));
            }
        }
    }
    assert!(
        all.is_empty(),
        "{} layout problems:\n{}",
        all.len(),
        all.join("\n")
    );
}

/// A training round of the practice station, 12 cards, in each of its
/// states: between members, a member ruling, and the scores with the cards
/// ruled differently drawn.
#[test]
fn a_training_round_has_no_overlapping_or_cut_off_text_in_any_state() {
    use polltally::domain::free_text::FreeText;
    use polltally::journal::event::Event;
    let mut all = Vec::new();
    for size in SIZES {
        for lang in Lang::ALL {
            let dir = tempfile::tempdir().unwrap();
            let mut h = harness(dir.path(), size, lang);
            h.run();
            h.state_mut().apply(AppCommand::OpenPractice);
            h.state_mut().apply(AppCommand::StartTraining {
                cards: "12".into(),
                seed: "3".into(),
                mix: String::new(),
                trainer: "Chea Sophal Vannak".into(),
            });
            h.run();
            let deck = {
                let count = h.state().session.as_ref().unwrap().record.count();
                count.training().unwrap().deck.clone()
            };
            // Two members agree on every card but the first three.
            for (member, differ) in [("Keo Rith Vannak Sovannarith", false), ("Sok", true)] {
                for card in &deck.cards {
                    let verdict = match (&deck.cards[0].expected, differ && card.number <= 3) {
                        (first, true) if *first != card.expected => first.clone(),
                        _ => card.expected.clone(),
                    };
                    h.state_mut()
                        .apply(AppCommand::Append(Event::TrainingAnswer {
                            member: FreeText::parse("member", member).unwrap(),
                            card: card.number,
                            verdict,
                        }));
                }
            }
            h.run();
            let mut check = |h: &Harness<'_, PolltallyApp>, state: &str| {
                for problem in layout_problems(h, size) {
                    all.push(format!("{size:?} {lang:?} training {state}: {problem}"));
                }
            };
            check(&h, "between members");
            h.state_mut().session.as_mut().unwrap().training.show_scores = true;
            h.run();
            check(&h, "scores");
            h.state_mut().session.as_mut().unwrap().training.round =
                Some(polltally::app::training::Round {
                    member: FreeText::parse("member", "Keo Rith Vannak Sovannarith").unwrap(),
                    card: 2,
                });
            h.run();
            check(&h, "ruling");
        }
    }
    assert!(
        all.is_empty(),
        "{} layout problems:\n{}",
        all.len(),
        all.join("\n")
    );
}

/// Fills the open practice count as a count under way: figures that leave
/// checks differing, people present, rulings valid, invalid and disputed, a
/// void, pile counts that differ, and a notice on screen.
fn count_under_way(h: &mut Harness<'_, PolltallyApp>) {
    use polltally::domain::free_text::FreeText;
    use polltally::domain::party::PartyNumber;
    use polltally::domain::person::{Person, Role};
    use polltally::domain::reconciliation::Figure;
    use polltally::domain::ruling::{RulingChoice, RulingRequest};
    use polltally::journal::event::Event;
    let text = |t: &str| FreeText::parse("text", t).unwrap();
    let append = |h: &mut Harness<'_, PolltallyApp>, event: Event| {
        h.state_mut().apply(AppCommand::Append(event));
    };
    for (name, role, party) in [
        ("Chan Sophea", Role::Chief, None),
        ("Sok Dara", Role::Secretary, None),
        ("Keo Rith Vannak Sovannarith", Role::PartyAgent, Some(3)),
    ] {
        append(
            h,
            Event::PersonPresent(Person {
                name: text(name),
                role,
                party: party.map(PartyNumber),
                organisation: None,
            }),
        );
    }
    let figures = [
        (Figure::Received, 690),
        (Figure::Unused, 180),
        (Figure::Spoiled, 3),
        (Figure::VotersMarked, 480),
        (Figure::Supplementary, 2),
        (Figure::TemporaryId, 1),
        (Figure::InBox, 31),
    ];
    append(
        h,
        Event::FiguresRecorded {
            figures: figures.into_iter().collect(),
        },
    );
    let def = h
        .state()
        .session
        .as_ref()
        .unwrap()
        .record
        .count()
        .definition()
        .clone();
    for i in 0..40u32 {
        let choice = if i % 7 == 3 {
            RulingChoice::Invalid { code: "I3".into() }
        } else {
            RulingChoice::Party {
                party: 1 + i % 12,
                criterion: (i % 5 == 1).then(|| "V3".to_string()),
            }
        };
        let request = RulingRequest {
            choice,
            disputed_by: if i % 9 == 4 { vec![2, 11] } else { vec![] },
            note: None,
        };
        append(h, Event::Ruling(request.resolve(&def).unwrap()));
    }
    let last = h
        .state()
        .session
        .as_ref()
        .unwrap()
        .record
        .count()
        .last_live_ruling()
        .map(|(seq, _)| seq)
        .unwrap();
    append(
        h,
        Event::Void {
            ruling_seq: last,
            reason: text("keyed in error"),
        },
    );
    for party in 1..=12u32 {
        append(
            h,
            Event::PileCount {
                party: PartyNumber(party),
                count: 3 + u64::from(party % 3),
            },
        );
    }
    h.state_mut()
        .apply(AppCommand::Notify(polltally::app::Notice::refusal(
            polltally::i18n::T::NothingToVoid,
            vec![],
        )));
    h.run();
}

#[test]
fn a_count_under_way_has_no_overlapping_or_cut_off_text_on_any_screen() {
    let mut all = Vec::new();
    for size in SIZES {
        for lang in Lang::ALL {
            let dir = tempfile::tempdir().unwrap();
            let mut h = harness(dir.path(), size, lang);
            h.run();
            h.state_mut().apply(AppCommand::OpenPractice);
            h.run();
            count_under_way(&mut h);
            all.extend(count_screen_problems(&mut h, size, lang));
        }
    }
    assert!(
        all.is_empty(),
        "{} layout problems:\n{}",
        all.len(),
        all.join("\n")
    );
}

#[test]
fn the_check_sees_an_overlap_and_a_widget_past_the_edge() {
    // Two labels drawn at the same place, and a button past the right edge.
    let mut h = Harness::builder()
        .with_size(egui::vec2(400.0, 300.0))
        .build_ui(|ui| {
            ui.put(
                egui::Rect::from_min_size(egui::pos2(10.0, 10.0), egui::vec2(120.0, 20.0)),
                egui::Label::new("first label"),
            );
            ui.put(
                egui::Rect::from_min_size(egui::pos2(40.0, 12.0), egui::vec2(120.0, 20.0)),
                egui::Label::new("second label"),
            );
            ui.put(
                egui::Rect::from_min_size(egui::pos2(350.0, 100.0), egui::vec2(120.0, 20.0)),
                egui::Button::new("too far right"),
            );
        });
    h.run();
    let problems = layout_problems(&h, (400.0, 300.0));
    assert!(
        problems.iter().any(|p| p.contains("\"first label\"")
            && p.contains("overlaps")
            && p.contains("\"second label\"")),
        "{problems:#?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.contains("\"too far right\"") && p.contains("leaves the window")),
        "{problems:#?}"
    );
}

#[test]
fn the_tabs_keep_to_one_row_and_the_switches_to_the_station_line_at_1366() {
    for lang in Lang::ALL {
        let dir = tempfile::tempdir().unwrap();
        let mut h = harness(dir.path(), SIZES[0], lang);
        h.run();
        h.state_mut().apply(AppCommand::OpenPractice);
        h.run();
        // Every button of the top bar: the language and numeral switches,
        // the screen tabs (F2-F10) and closing the count.
        let root = h.root();
        let buttons: Vec<(String, egui::Rect)> = root
            .children_recursive()
            .filter(|n| format!("{:?}", n.accesskit_node().role()) == "Button")
            .filter(|n| n.rect().max.y < 120.0)
            .map(|n| (text_of(&n).unwrap_or_default(), n.rect()))
            .collect();
        let tabs: Vec<&(String, egui::Rect)> =
            buttons.iter().filter(|(t, _)| t.starts_with('F')).collect();
        assert_eq!(tabs.len(), 9, "{lang:?}: {buttons:?}");
        let row = |r: &egui::Rect| (r.center().y / 8.0).round() as i32;
        let tab_row = row(&tabs[0].1);
        for (text, rect) in &tabs {
            assert_eq!(row(rect), tab_row, "{lang:?}: {text:?} wraps: {buttons:?}");
        }
        let mut rows: Vec<i32> = buttons.iter().map(|(_, r)| row(r)).collect();
        rows.sort();
        rows.dedup();
        assert_eq!(
            rows.len(),
            2,
            "{lang:?}: the top bar's buttons take {} rows: {buttons:?}",
            rows.len()
        );
        for switch in ["English", "ខ្មែរ", "123", "១២៣"] {
            let (_, rect) = buttons
                .iter()
                .find(|(t, _)| t == switch)
                .unwrap_or_else(|| panic!("{lang:?}: no {switch}: {buttons:?}"));
            assert_ne!(row(rect), tab_row, "{lang:?}: {switch} is among the tabs");
        }
    }
}

#[test]
fn the_counting_keys_stay_in_sight_at_either_size() {
    for size in SIZES {
        for lang in Lang::ALL {
            let dir = tempfile::tempdir().unwrap();
            let mut h = harness(dir.path(), size, lang);
            h.run();
            h.state_mut().apply(AppCommand::OpenPractice);
            h.run();
            h.state_mut()
                .apply(AppCommand::ShowScreen(Screen::Counting));
            h.run();
            let hint = match lang {
                Lang::En => "Keys:",
                Lang::Km => "គ្រាប់ចុច",
            };
            let root = h.root();
            let node = root
                .children_recursive()
                .find(|n| text_of(n).is_some_and(|t| t.starts_with(hint)))
                .unwrap_or_else(|| panic!("{size:?} {lang:?}: no key hint"));
            let rect = node.rect();
            assert!(
                rect.min.y >= 0.0 && rect.max.y <= size.1 && rect.max.x <= size.0,
                "{size:?} {lang:?}: the key hint at {rect:?} is out of sight"
            );
        }
    }
}

/// The Tabulation screen of a commune commission at work: 14 issued
/// stations, codes typed (one wrong), and the outcome on screen, first a
/// refusal and then a 20-party commune.
#[test]
fn the_tabulation_screen_with_its_stations_codes_and_outcome_has_no_cut_off_text() {
    use polltally::app::tabulation::IssuedRow;
    use polltally::domain::hash::Hash256;
    use polltally::domain::identifier::StationCode;
    use polltally::domain::results::ResultsDocument;
    use polltally::domain::tabulation::{StationResults, tabulate};
    use polltally::domain::text::LocalizedText;
    let bytes = std::fs::read(common::fixture("photo-20-parties.json")).unwrap();
    let doc = ResultsDocument::parse(&bytes).unwrap();
    let mut commune = tabulate(&[StationResults {
        file: "station.json".into(),
        doc,
        hash: Hash256::of(&bytes),
    }])
    .unwrap();
    let codes: Vec<StationCode> = (1..=14)
        .map(|i| StationCode::parse(&format!("0101-01-{i:04}")).unwrap())
        .collect();
    commune.missing_stations = Some(codes[1..].to_vec());
    commune.paper_without_file = Some(codes[5..9].to_vec());
    let refusal = polltally::domain::message::Message::verbatim(
        "/media/usb/commune-0101/station-0101-01-0002/results.json: its short code is 2TPG-8GDK-DEDF-RQP6, but copy C of the form of station \"0101-01-0002\" says 2TPG-8GDK-DEDF-RQP7 (the code typed for station \"0101-01-0002\"); the file is not the one the commission signed",
    );
    let mut all = Vec::new();
    for size in SIZES {
        for lang in Lang::ALL {
            let dir = tempfile::tempdir().unwrap();
            let mut h = harness(dir.path(), size, lang);
            h.run();
            h.state_mut()
                .apply(AppCommand::ShowScreen(Screen::Tabulation));
            let state = &mut h.state_mut().tabulation;
            state.files = (1..=14)
                .map(|i| format!("/media/usb/commune-0101/station-0101-01-{i:04}/results.json\n"))
                .collect();
            state.stations = "/media/usb/commune-0101/stations".into();
            state.out = "/media/usb/commune-0101/commune.json".into();
            state.issued = codes
                .iter()
                .enumerate()
                .map(|(i, code)| IssuedRow {
                    code: code.clone(),
                    name: LocalizedText::from_pairs(&[
                        ("en", "Boeung Chhouk Primary School, room 2"),
                        ("km", "សាលាបឋមសិក្សាបឹងឈូក បន្ទប់ ២"),
                    ]),
                    typed: match i {
                        0 => "2TPG-8GDK-DEDF-RQP6".into(),
                        1 => "2TPG-8GDK-DEDF-!".into(),
                        _ => String::new(),
                    },
                })
                .collect();
            for outcome in [
                Err(polltally::app::Said::Problem(refusal.clone())),
                Ok(commune.clone()),
            ] {
                h.state_mut().tabulation.outcome = Some(outcome);
                h.run();
                for problem in layout_problems(&h, size) {
                    all.push(format!("{size:?} {lang:?}: {problem}"));
                }
            }
        }
    }
    assert!(
        all.is_empty(),
        "{} layout problems:\n{}",
        all.len(),
        all.join("\n")
    );
}

/// What is wrong with the labels on screen now: a label that leaves the
/// window, or two that overlap. (Labels that cannot be selected, like
/// the public display's, have no text runs for [`layout_problems`] to
/// check; a label's own rectangle is its text's.)
fn label_problems<S>(h: &Harness<'_, S>, size: (f32, f32)) -> Vec<String> {
    let window = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(size.0, size.1));
    let root = h.root();
    let labels: Vec<(String, egui::Rect)> = root
        .children_recursive()
        .filter(|n| n.accesskit_node().bounding_box().is_some())
        .filter(|n| format!("{:?}", n.accesskit_node().role()) == "Label")
        .filter_map(|n| Some((text_of(&n)?, n.rect())))
        .collect();
    let mut problems = Vec::new();
    for (i, (text, rect)) in labels.iter().enumerate() {
        if !window.expand(0.5).contains_rect(*rect) {
            problems.push(format!("{text:?} at {rect:?} leaves the window"));
        }
        for (other, other_rect) in &labels[i + 1..] {
            let overlap = rect.intersect(*other_rect);
            if overlap.width() > 1.0 && overlap.height() > 1.0 {
                problems.push(format!(
                    "{text:?} at {rect:?} overlaps {other:?} at {other_rect:?}"
                ));
            }
        }
    }
    assert!(
        labels.len() > 10,
        "only {} labels: {labels:?}",
        labels.len()
    );
    problems
}

/// The public display at the size of a TV (1920x1080) and of a laptop's
/// screen (1366x768), in English and in Khmer with Khmer numerals, before
/// any ruling, after an invalid ballot disputed by every party with
/// five-figure tallies, after a valid one, and sealed: nothing overlaps or
/// leaves the window, and every tally figure says what it counts.
#[test]
fn the_public_display_fits_a_tv_and_a_laptop_screen_in_either_language() {
    use common::ui::count_of;
    use polltally::app::public_display::public_display_ui;
    use polltally::app::theme;
    use polltally::domain::public_view::PublicView;
    use polltally::domain::ruling::{RulingChoice, RulingRequest};
    use polltally::domain::text::Numerals;
    use polltally::i18n::Tr;
    let dir = tempfile::tempdir().unwrap();
    let mut app = harness(dir.path(), SIZES[0], Lang::En);
    app.run();
    app.state_mut().apply(AppCommand::OpenPractice);
    let def = count_of(&app).definition().clone();
    let rule = |choice, disputed_by| {
        Event::Ruling(
            RulingRequest {
                choice,
                disputed_by,
                note: None,
            }
            .resolve(&def)
            .unwrap(),
        )
    };
    let empty = count_of(&app);
    app.state_mut().apply(AppCommand::Append(rule(
        RulingChoice::Invalid { code: "I6".into() },
        (1..=12).collect(),
    )));
    let invalid = count_of(&app);
    app.state_mut().apply(AppCommand::Append(rule(
        RulingChoice::Party {
            party: 10,
            criterion: None,
        },
        vec![11],
    )));
    let valid = count_of(&app);
    let tvs = [(1920.0, 1080.0), (1366.0, 768.0)];
    let mut problems = Vec::new();
    for size in tvs {
        for lang in Lang::ALL {
            let numerals = match lang {
                Lang::En => Numerals::Western,
                Lang::Km => Numerals::Khmer,
            };
            let tr = Tr::new(lang).with_numerals(numerals).on_screen();
            let mut views = Vec::new();
            for (state, count) in [("empty", &empty), ("invalid", &invalid), ("valid", &valid)] {
                views.push((state, PublicView::of(count, lang.code())));
            }
            let mut busy = views[1].1.clone();
            for party in &mut busy.parties {
                party.votes = 12_345;
            }
            for line in &mut busy.invalid {
                line.count = 12_345;
            }
            busy.ruled = 99_999;
            busy.in_box = Some(12_345);
            views.push(("busy", busy));
            let mut sealed = views[2].1.clone();
            sealed.marking.sealed = true;
            views.push(("sealed", sealed));
            for (state, view) in views {
                let shown = view.clone();
                let mut h = Harness::builder()
                    .with_size(egui::vec2(size.0, size.1))
                    .with_context_setup(theme::install)
                    .build_ui(move |ui| public_display_ui(ui, tr, &shown));
                h.run();
                for problem in label_problems(&h, size) {
                    problems.push(format!("{size:?} {lang:?} {state}: {problem}"));
                }
                let root = h.root();
                let labels: Vec<String> = root
                    .children_recursive()
                    .filter_map(|n| text_of(&n))
                    .collect();
                for party in &view.parties {
                    let figure = tr.f(
                        polltally::i18n::public_display::PublicText::PartyVotes,
                        &[
                            ("party", &tr.num(party.number)),
                            ("name", &party.name),
                            ("n", &tr.num(party.votes)),
                        ],
                    );
                    assert!(
                        labels.contains(&figure),
                        "{size:?} {lang:?} {state}: no {figure:?} in {labels:?}"
                    );
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
