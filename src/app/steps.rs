//! The order a count goes through on the screens: the people present
//! (Station), the figures (Reconciliation), the rulings (Counting), the
//! piles (Cross-check), the seal (Results). A count opens on the first step
//! not yet done, and each of these screens names the step after it.

use crate::app::Screen;
use crate::app::command::AppCommand;
use crate::domain::count::Count;
use crate::i18n::{T, Tr};
use eframe::egui::{self, RichText};

/// The screen a count opens on: a training round on its own, the practice count on Counting (it is for
/// learning the keys), a sealed count on Results, a count whose ballots are
/// being ruled on Counting, any other on the first step not yet done.
pub fn opening_screen(count: &Count) -> Screen {
    if count.training().is_some() {
        Screen::Training
    } else if count.definition().practice {
        Screen::Counting
    } else if count.seal().is_some() {
        Screen::Results
    } else if !count.rulings().is_empty() {
        Screen::Counting
    } else if count.people().is_empty() {
        Screen::Station
    } else if !count.figures().missing().is_empty() {
        Screen::Reconciliation
    } else {
        Screen::Counting
    }
}

/// The step after `screen`: what to do there, and the screen to go to.
pub fn next_step(screen: Screen) -> Option<(T, Screen)> {
    Some(match screen {
        Screen::Station => (T::NextAfterStation, Screen::Reconciliation),
        Screen::Reconciliation => (T::NextAfterReconciliation, Screen::Counting),
        Screen::Counting => (T::NextAfterCounting, Screen::CrossCheck),
        Screen::CrossCheck => (T::NextAfterCrossCheck, Screen::Results),
        Screen::Start
        | Screen::Results
        | Screen::Verify
        | Screen::Recount
        | Screen::Tabulation
        | Screen::Training => {
            return None;
        }
    })
}

/// The key and title of a count's screen, as its tab shows them: `F3
/// Reconciliation`.
pub fn screen_title(tr: Tr, screen: Screen) -> String {
    Screen::COUNT_SCREENS
        .iter()
        .enumerate()
        .find(|(_, (s, _))| *s == screen)
        .map_or_else(String::new, |(n, (_, title))| {
            format!("F{} {}", n + 2, tr.t(*title))
        })
}

/// A line naming the step after `screen`, with a button that goes there;
/// nothing once the count is sealed.
pub fn next_step_ui(
    ui: &mut egui::Ui,
    tr: Tr,
    count: &Count,
    screen: Screen,
    commands: &mut Vec<AppCommand>,
) {
    if count.seal().is_some() {
        return;
    }
    let Some((what, next)) = next_step(screen) else {
        return;
    };
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(tr.t(what)).strong());
        let go = tr.f(T::GoToScreen, &[("screen", &screen_title(tr, next))]);
        if ui.button(go).clicked() {
            commands.push(AppCommand::ShowScreen(next));
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::station::StationFile;
    use std::sync::Arc;

    #[test]
    fn the_steps_lead_from_the_people_to_the_seal() {
        let mut screen = Screen::Station;
        let mut order = vec![screen];
        while let Some((_, next)) = next_step(screen) {
            screen = next;
            order.push(screen);
        }
        assert_eq!(
            order,
            [
                Screen::Station,
                Screen::Reconciliation,
                Screen::Counting,
                Screen::CrossCheck,
                Screen::Results
            ]
        );
        assert_eq!(
            screen_title(Tr::default(), Screen::Reconciliation),
            "F3 Reconciliation"
        );
    }

    #[test]
    fn a_new_count_opens_on_the_people_present() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/station-small.json"
        ))
        .unwrap();
        let file = StationFile::parse(text.into_bytes()).unwrap();
        let count = Count::new(Arc::new(file.definition().clone()));
        assert_eq!(opening_screen(&count), Screen::Station);
        let practice = StationFile::parse(crate::app::places::SAMPLE_STATION.to_vec()).unwrap();
        let count = Count::new(Arc::new(practice.definition().clone()));
        assert_eq!(opening_screen(&count), Screen::Counting);
    }
}
