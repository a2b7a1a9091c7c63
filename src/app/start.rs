//! Start screen: open the practice count, reopen the last count, open a count
//! record, or start a new count from a station file.

use crate::app::command::AppCommand;
use crate::app::jobs::Job;
use crate::app::places::Places;
use crate::app::{Notice, Settings};
use crate::domain::message::{Label, Message, P};
use crate::i18n::{T, Tr};
use eframe::egui::{self, RichText};
use std::path::PathBuf;

/// The paths typed on the start screen.
#[derive(Debug, Clone, Default)]
pub struct StartState {
    pub record_path: String,
    pub station_path: String,
    pub new_record_path: String,
}

/// Which file the start screen asks the system's file dialog for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileChoice {
    /// A count record, opened once chosen.
    Record,
    /// A station file, put in its field.
    Station,
}

impl FileChoice {
    /// Asks the system's file dialog; `None` if cancelled or no dialog is
    /// available. It waits for the user, so the app calls it off the UI
    /// thread (which the dialogs allow on Linux and Windows).
    pub fn ask(self, tr: Tr) -> Option<PathBuf> {
        let (name, extensions): (&str, &[&str]) = match self {
            FileChoice::Record => (tr.t(T::RecordPath), &["polltally", "sqlite", "db"]),
            FileChoice::Station => (tr.t(T::StationPath), &["json"]),
        };
        rfd::FileDialog::new()
            .add_filter(name, extensions)
            .pick_file()
    }
}

fn path_field(ui: &mut egui::Ui, label: &str, value: &mut String) -> egui::Response {
    ui.horizontal(|ui| {
        let label = ui.label(label);
        ui.add(egui::TextEdit::singleline(value).desired_width(620.0))
            .labelled_by(label.id)
    })
    .inner
}

/// Whether `path` is a practice record: the practice count, or a fresh
/// practice count beside it. Settings written before practice counts were
/// left out of "Reopen the last count" may still name one.
fn is_practice(places: &Places, path: &std::path::Path) -> bool {
    path == places.practice_path()
        || (path.parent() == Some(places.data_dir())
            && path
                .file_name()
                .is_some_and(|name| name.to_string_lossy().starts_with("practice-")))
}

/// The path typed at `field`; left empty, a refusal naming the field by
/// its `label`.
fn required(field: &str, label: Label, value: &str) -> Result<PathBuf, Box<AppCommand>> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        let problem = Message::new(P::NoFilePath).at(field).labelled(label);
        return Err(Box::new(AppCommand::Notify(Notice::problem(problem))));
    }
    Ok(PathBuf::from(trimmed))
}

pub fn start_ui(
    ui: &mut egui::Ui,
    tr: Tr,
    state: &mut StartState,
    places: &Places,
    settings: &Settings,
    busy: Option<Job>,
    commands: &mut Vec<AppCommand>,
) {
    egui::ScrollArea::vertical().show(ui, |ui| {
        ui.heading(tr.t(T::StartTitle));
        ui.add_space(8.0);

        ui.horizontal(|ui| {
            if ui
                .button(RichText::new(tr.t(T::OpenPractice)).size(22.0))
                .clicked()
            {
                commands.push(AppCommand::OpenPractice);
            }
            if ui.button(tr.t(T::NewPractice)).clicked() {
                commands.push(AppCommand::NewPractice);
            }
        });
        ui.weak(tr.f(
            T::PracticeHint,
            &[("path", &places.practice_path().display())],
        ));
        ui.add_space(8.0);

        ui.horizontal(|ui| {
            if ui.button(tr.t(T::OpenVerify)).clicked() {
                commands.push(AppCommand::ShowScreen(crate::app::Screen::Verify));
            }
            if ui.button(tr.t(T::OpenTabulation)).clicked() {
                commands.push(AppCommand::ShowScreen(crate::app::Screen::Tabulation));
            }
        });
        if let Some(last) = settings
            .last_record
            .as_ref()
            .filter(|path| !is_practice(places, path))
            && ui
                .button(tr.f(T::ReopenLast, &[("path", &last.display())]))
                .clicked()
        {
            commands.push(AppCommand::OpenRecord(last.clone()));
        }
        ui.add_space(12.0);

        ui.separator();
        ui.heading(tr.t(T::OpenRecordTitle));
        let field = path_field(ui, tr.t(T::RecordPath), &mut state.record_path);
        crate::app::focus::first_input(ui, &field);
        let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        ui.horizontal(|ui| {
            if ui
                .add_enabled(busy.is_none(), egui::Button::new(tr.t(T::Browse)))
                .clicked()
            {
                commands.push(AppCommand::ChooseFile(FileChoice::Record));
            }
            if ui.button(tr.t(T::Open)).clicked() || entered {
                match required("record", Label::RecordFile, &state.record_path) {
                    Ok(path) => commands.push(AppCommand::OpenRecord(path)),
                    Err(notice) => commands.push(*notice),
                }
            }
        });
        ui.add_space(12.0);

        ui.separator();
        ui.heading(tr.t(T::NewCountTitle));
        let station = path_field(ui, tr.t(T::StationPath), &mut state.station_path);
        let record = path_field(ui, tr.t(T::NewRecordPath), &mut state.new_record_path);
        // Enter in either field starts the count, as the button does.
        let entered = (station.lost_focus() || record.lost_focus())
            && ui.input(|i| i.key_pressed(egui::Key::Enter));
        ui.weak(tr.f(T::NewRecordHint, &[("dir", &places.data_dir().display())]));
        ui.horizontal(|ui| {
            if ui
                .add_enabled(busy.is_none(), egui::Button::new(tr.t(T::Browse)))
                .clicked()
            {
                commands.push(AppCommand::ChooseFile(FileChoice::Station));
            }
            if ui.button(tr.t(T::StartCount)).clicked() || entered {
                match required("station", Label::StationFile, &state.station_path) {
                    Ok(station) => {
                        let record = state.new_record_path.trim();
                        commands.push(AppCommand::NewCount {
                            station,
                            record: (!record.is_empty()).then(|| PathBuf::from(record)),
                        });
                    }
                    Err(notice) => commands.push(*notice),
                }
            }
        });
    });
}
