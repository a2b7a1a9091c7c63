//! The desktop app: an egui/eframe shell over the same core as the CLI.
//! Screens draw from plain view structs and emit [`command::AppCommand`]s;
//! the app applies them after the frame, each append in its own store
//! transaction, and shows any failure on screen.

pub mod command;
pub mod counting;
pub mod counting_keys;
pub mod cross_check;
pub mod first_frame;
pub mod focus;
pub mod icon;
pub mod illustration_ui;
pub mod jobs;
pub mod places;
pub mod printing;
pub mod public_display;
pub mod reconciliation;
pub mod recount;
pub mod results;
pub mod start;
pub mod station;
pub mod steps;
pub mod tabulation;
pub mod theme;
pub mod training;
pub mod verify;

use crate::app::command::AppCommand;
use crate::app::places::Places;
use crate::domain::clock_check::ClockNote;
use crate::domain::message::{Arg, Message};
use crate::domain::text::Numerals;
use crate::domain::time::{Clock, Timestamp};
use crate::domain::zone::Zone;
use crate::i18n::{Lang, T, Tr};
use crate::store::Record;
use eframe::egui::{self, RichText};
use std::path::PathBuf;

/// The screens of the app, in the order of the tabs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Screen {
    Start,
    Station,
    Reconciliation,
    Counting,
    CrossCheck,
    Results,
    Verify,
    Recount,
    Tabulation,
    Training,
}

impl Screen {
    /// The screens of an open count, with their tab titles.
    pub const COUNT_SCREENS: [(Screen, T); 9] = [
        (Screen::Station, T::ScreenStation),
        (Screen::Reconciliation, T::ScreenReconciliation),
        (Screen::Counting, T::ScreenCounting),
        (Screen::CrossCheck, T::ScreenCrossCheck),
        (Screen::Results, T::ScreenResults),
        (Screen::Verify, T::ScreenVerify),
        (Screen::Recount, T::ScreenRecount),
        (Screen::Tabulation, T::ScreenTabulation),
        (Screen::Training, T::ScreenTraining),
    ];

    /// The one screen of a training round.
    pub const TRAINING_SCREENS: [(Screen, T); 1] = [(Screen::Training, T::ScreenTraining)];

    /// Parses a screen name as given on the command line.
    pub fn parse(name: &str) -> Option<Screen> {
        Some(match name {
            "start" => Screen::Start,
            "station" => Screen::Station,
            "reconciliation" => Screen::Reconciliation,
            "counting" => Screen::Counting,
            "cross-check" => Screen::CrossCheck,
            "results" => Screen::Results,
            "verify" => Screen::Verify,
            "recount" => Screen::Recount,
            "tabulation" => Screen::Tabulation,
            "training" => Screen::Training,
            _ => return None,
        })
    }
}

/// What is remembered between runs.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Settings {
    pub last_record: Option<PathBuf>,
    pub lang: Lang,
    /// The numerals chosen by the user; `None` follows the station file.
    pub numerals: Option<Numerals>,
}

/// A message shown under the top bar, about the action that made it: the
/// next action replaces it, and it can be dismissed. It keeps its keys and
/// arguments, not words, so that it is worded when drawn, in the language
/// and numerals shown then.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub said: Said,
    pub is_error: bool,
}

/// What a notice says, as keys and arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Said {
    /// An interface text of the table [`T`] and its arguments.
    Text(T, Vec<(&'static str, Arg)>),
    /// A problem the core explained (a refused action).
    Problem(Message),
    /// A failure of the shells: each cause of its chain, outermost first.
    Failure(Vec<Message>),
    /// What was doubtful about the laptop's clock when an entry was
    /// recorded at `at`, read in `zone`.
    Clock {
        zone: Zone,
        at: Timestamp,
        notes: Vec<ClockNote>,
    },
}

impl Notice {
    /// What an action did: an interface text and its arguments.
    pub fn info(key: T, args: Vec<(&'static str, Arg)>) -> Notice {
        Notice {
            said: Said::Text(key, args),
            is_error: false,
        }
    }

    /// Why an action was refused, as an interface text and its arguments.
    pub fn refusal(key: T, args: Vec<(&'static str, Arg)>) -> Notice {
        Notice {
            said: Said::Text(key, args),
            is_error: true,
        }
    }

    /// Why an action was refused, as the core explained it.
    pub fn problem(message: Message) -> Notice {
        Notice {
            said: Said::Problem(message),
            is_error: true,
        }
    }

    /// An action that failed: each cause of the error's chain.
    pub fn failure(err: &anyhow::Error) -> Notice {
        Notice {
            said: Said::failure(err),
            is_error: true,
        }
    }

    /// The notice in `tr`'s language and numerals.
    pub fn text(&self, tr: Tr) -> String {
        self.said.text(tr)
    }
}

impl Said {
    /// The causes of a failed action.
    pub fn failure(err: &anyhow::Error) -> Said {
        Said::Failure(crate::shell::explain::error_messages(err))
    }

    /// What is said, in `tr`'s language and numerals.
    pub fn text(&self, tr: Tr) -> String {
        match self {
            Said::Text(key, args) => tr.text(*key, args),
            Said::Problem(message) => tr.message(message),
            Said::Failure(causes) => causes
                .iter()
                .map(|m| tr.message(m))
                .collect::<Vec<_>>()
                .join(": "),
            Said::Clock { zone, at, notes } => tr.clock_notes(zone, *at, notes),
        }
    }
}

/// A text argument of a notice (a path, a name, a value as typed).
pub fn text_arg(value: impl std::fmt::Display) -> Arg {
    Arg::Text(value.to_string())
}

/// An open count and the screens' own input state.
pub struct Session {
    pub record: Record,
    pub station: station::StationState,
    pub reconciliation: reconciliation::ReconciliationState,
    pub counting: counting::CountingState,
    pub cross_check: cross_check::CrossCheckState,
    pub results: results::ResultsState,
    pub recount: recount::RecountState,
    pub training: training::TrainingState,
    /// The comparison with its original, made once a recount is sealed.
    comparison: std::cell::OnceCell<Option<crate::domain::comparison::Comparison>>,
    /// The results hash, made once the count is sealed (a sealed record
    /// never changes, so it is not remade every frame).
    results_hash: std::cell::OnceCell<Option<crate::domain::hash::Hash256>>,
}

impl Session {
    pub fn new(record: Record) -> Session {
        Session {
            record,
            station: station::StationState::default(),
            reconciliation: reconciliation::ReconciliationState::default(),
            counting: counting::CountingState::default(),
            cross_check: cross_check::CrossCheckState::default(),
            results: results::ResultsState::default(),
            recount: recount::RecountState::default(),
            training: training::TrainingState::default(),
            comparison: std::cell::OnceCell::new(),
            results_hash: std::cell::OnceCell::new(),
        }
    }

    /// A sealed recount compared with its original; `None` otherwise.
    pub fn comparison(&self) -> Option<&crate::domain::comparison::Comparison> {
        self.record.count().seal()?;
        self.record.count().recount()?;
        self.comparison
            .get_or_init(|| {
                let results = self.record.results().ok()?;
                let hash = results.hash().ok()?;
                crate::domain::comparison::compare(self.record.count(), &results, hash)
            })
            .as_ref()
    }

    /// The screens of this record, with their tab titles: a training
    /// round has only its own.
    pub fn screens(&self) -> &'static [(Screen, T)] {
        if self.record.count().training().is_some() {
            &Screen::TRAINING_SCREENS
        } else {
            &Screen::COUNT_SCREENS
        }
    }

    /// The hash of the sealed count's results document; `None` until sealed.
    pub fn results_hash(&self) -> Option<crate::domain::hash::Hash256> {
        self.record.count().seal()?;
        *self.results_hash.get_or_init(|| {
            let results = self.record.results().ok()?;
            results.hash().ok()
        })
    }
}

/// The app.
pub struct PolltallyApp {
    pub clock: Box<dyn Clock>,
    pub places: Places,
    pub settings: Settings,
    pub session: Option<Session>,
    pub screen: Screen,
    pub start: start::StartState,
    pub notice: Option<Notice>,
    pub verify: verify::VerifyState,
    pub tabulation: tabulation::TabulationState,
    /// Slow work under way on other threads.
    pub jobs: jobs::Jobs,
    /// How the forms are printed (`lp`, or the print verb on Windows).
    pub print_command: printing::Printer,
    commands: Vec<AppCommand>,
}

const SETTINGS_KEY: &str = "polltally-settings";

/// The width of the language and numeral switches with their spacing.
fn switches_width(ui: &egui::Ui) -> f32 {
    let font = egui::TextStyle::Button.resolve(ui.style());
    let labels = [Lang::En.name(), Lang::Km.name(), "123", "១២៣"];
    let spacing = ui.spacing();
    labels
        .iter()
        .map(|label| theme::text_width(ui, label, font.clone()) + 2.0 * spacing.button_padding.x)
        .sum::<f32>()
        + spacing.item_spacing.x * labels.len() as f32
}

impl PolltallyApp {
    /// The app with its settings, before any count is open.
    pub fn new(clock: Box<dyn Clock>, places: Places, settings: Settings) -> PolltallyApp {
        PolltallyApp {
            clock,
            places,
            settings,
            session: None,
            screen: Screen::Start,
            start: start::StartState::default(),
            notice: None,
            verify: verify::VerifyState::default(),
            tabulation: tabulation::TabulationState::default(),
            jobs: jobs::Jobs::default(),
            print_command: printing::Printer::system(),
            commands: Vec::new(),
        }
    }

    /// The app as eframe starts it: fonts and style set, settings loaded.
    pub fn from_creation_context(
        cc: &eframe::CreationContext<'_>,
        clock: Box<dyn Clock>,
        places: Places,
        launch: Vec<AppCommand>,
    ) -> PolltallyApp {
        theme::install(&cc.egui_ctx);
        let settings = cc
            .storage
            .and_then(|s| eframe::get_value::<Settings>(s, SETTINGS_KEY))
            .unwrap_or_default();
        let mut app = PolltallyApp::new(clock, places, settings);
        for command in launch {
            app.apply(command);
        }
        app
    }

    /// The language and numerals of the screens: the user's choice, else
    /// the open station file's default.
    pub fn tr(&self) -> Tr {
        let station_default = self.session.as_ref().map_or(Numerals::Western, |s| {
            s.record.count().definition().numerals
        });
        Tr::new(self.settings.lang)
            .with_numerals(self.settings.numerals.unwrap_or(station_default))
            .on_screen()
    }

    /// Queues a command, to be applied after the current frame.
    pub fn push(&mut self, command: AppCommand) {
        self.commands.push(command);
    }

    /// Applies the outcomes of finished background jobs, draws one frame,
    /// then applies the commands it emitted.
    pub fn frame_ui(&mut self, ui: &mut egui::Ui) {
        self.jobs.set_repaint(ui.ctx());
        for outcome in self.jobs.finished() {
            self.receive(outcome);
        }
        self.screen_keys(ui.ctx());
        let tr = self.tr();
        let busy = self.jobs.busy();
        let mut commands = std::mem::take(&mut self.commands);
        let tabbing = self.focus_rules(ui.ctx());
        egui::Panel::top("top_bar").show(ui, |ui| {
            self.top_bar_ui(ui, tr, &mut commands);
        });
        if let Some(tabbing) = tabbing {
            tabbing.screen(ui.ctx());
        }
        // The next step of a count stays in sight at the bottom, however far
        // the screen scrolls (Counting has it in its keys bar).
        if let Some(session) = &self.session
            && matches!(
                self.screen,
                Screen::Station | Screen::Reconciliation | Screen::CrossCheck
            )
            && session.record.count().seal().is_none()
        {
            egui::Panel::bottom("next_step").show(ui, |ui| {
                steps::next_step_ui(ui, tr, session.record.count(), self.screen, &mut commands);
            });
        }
        egui::CentralPanel::default().show(ui, |ui| match (&mut self.session, self.screen) {
            (_, Screen::Verify) => {
                verify::verify_ui(ui, tr, &mut self.verify, busy, &mut commands);
            }
            (_, Screen::Tabulation) => {
                tabulation::tabulation_ui(ui, tr, &mut self.tabulation, busy, &mut commands);
            }
            (Some(session), Screen::Recount) => {
                recount::recount_ui(ui, tr, session, busy, &mut commands);
            }
            (None, _) | (Some(_), Screen::Start) => {
                start::start_ui(
                    ui,
                    tr,
                    &mut self.start,
                    &self.places,
                    &self.settings,
                    busy,
                    &mut commands,
                );
            }
            (Some(session), Screen::Station) => station::station_ui(ui, tr, session, &mut commands),
            (Some(session), Screen::Reconciliation) => {
                reconciliation::reconciliation_ui(ui, tr, session, &mut commands);
            }
            (Some(session), Screen::Counting) => {
                counting::counting_ui(ui, tr, session, &mut commands)
            }
            (Some(session), Screen::CrossCheck) => {
                cross_check::cross_check_ui(ui, tr, session, &mut commands);
            }
            (Some(session), Screen::Results) => {
                results::results_ui(ui, tr, session, busy, &mut commands);
            }
            (Some(session), Screen::Training) => {
                training::training_ui(ui, tr, session, &mut commands);
            }
        });
        if let Some(tabbing) = tabbing {
            tabbing.end(ui.ctx());
        }
        // The public display, in this frame, over the count as drawn above.
        if let Some(session) = &mut self.session
            && session.counting.public_display
        {
            session.counting.public_display =
                public_display::show(ui.ctx(), tr, session.record.count());
        }
        // The jobs started before this frame have now been shown as busy.
        self.jobs.mark_shown();
        let had_commands = !commands.is_empty();
        for command in commands.drain(..) {
            self.apply(command);
        }
        commands.append(&mut self.commands);
        self.commands = commands;
        if had_commands {
            ui.ctx().request_repaint();
        }
    }

    /// Who may hold the keyboard focus this frame. On the counting screen
    /// nothing but the void reason does, so that the ruling keys always
    /// rule and Enter presses no button; elsewhere a Tab from nowhere goes
    /// to the screen, not to the tab bar.
    fn focus_rules(&self, ctx: &egui::Context) -> Option<focus::Tabbing> {
        focus::install(ctx);
        match (&self.session, self.screen) {
            (Some(session), Screen::Counting) => {
                focus::hold_focus(ctx, counting::allowed_focus(&session.counting));
                None
            }
            // A member ruling practice ballots: every key rules.
            (Some(session), Screen::Training) if session.training.round.is_some() => {
                focus::hold_focus(ctx, None);
                None
            }
            _ => Some(focus::Tabbing::begin(ctx)),
        }
    }

    /// F2-F10 and Ctrl+1-9 switch between the screens of an open count
    /// (a training round has one).
    fn screen_keys(&mut self, ctx: &egui::Context) {
        let Some(session) = &self.session else {
            return;
        };
        let screens = session.screens();
        let keys = [
            (egui::Key::F2, egui::Key::Num1),
            (egui::Key::F3, egui::Key::Num2),
            (egui::Key::F4, egui::Key::Num3),
            (egui::Key::F5, egui::Key::Num4),
            (egui::Key::F6, egui::Key::Num5),
            (egui::Key::F7, egui::Key::Num6),
            (egui::Key::F8, egui::Key::Num7),
            (egui::Key::F9, egui::Key::Num8),
            (egui::Key::F10, egui::Key::Num9),
        ];
        for ((function_key, digit), (screen, _)) in keys.into_iter().zip(screens.iter().copied()) {
            let pressed = ctx.input_mut(|i| {
                i.consume_key(egui::Modifiers::NONE, function_key)
                    || i.consume_key(egui::Modifiers::COMMAND, digit)
            });
            if pressed {
                self.push(AppCommand::ShowScreen(screen));
            }
        }
    }

    /// The language and numerals switches, in reading order: English, Khmer,
    /// Western numerals, Khmer numerals (drawn right to left when `ui` is).
    fn display_switches_ui(&self, ui: &mut egui::Ui, tr: Tr, commands: &mut Vec<AppCommand>) {
        let mut switches: Vec<(bool, &str, AppCommand)> = Vec::new();
        for lang in crate::i18n::Lang::ALL {
            switches.push((
                self.settings.lang == lang,
                lang.name(),
                AppCommand::SetLanguage(lang),
            ));
        }
        for (numerals, label) in [(Numerals::Western, "123"), (Numerals::Khmer, "១២៣")] {
            switches.push((
                tr.numerals == numerals,
                label,
                AppCommand::SetNumerals(numerals),
            ));
        }
        if ui.layout().prefer_right_to_left() {
            switches.reverse();
        }
        for (selected, label, command) in switches {
            if ui.selectable_label(selected, label).clicked() {
                commands.push(command);
            }
        }
    }

    fn top_bar_ui(&mut self, ui: &mut egui::Ui, tr: Tr, commands: &mut Vec<AppCommand>) {
        let mut switches_shown = false;
        ui.horizontal(|ui| {
            ui.label(RichText::new(tr.t(T::AppName)).strong().size(20.0));
            if self.session.is_none() {
                if self.screen != Screen::Start && ui.button(tr.t(T::BackToStart)).clicked() {
                    commands.push(AppCommand::ShowScreen(Screen::Start));
                }
                self.display_switches_ui(ui, tr, commands);
            }
            if let Some(session) = &self.session {
                let def = session.record.count().definition();
                ui.separator();
                ui.label(
                    egui::RichText::new(format!(
                        "{}  {}",
                        def.station.code,
                        def.station.name.get(tr.lang.code())
                    ))
                    .strong(),
                );
                // A training round is never a count, of a practice station
                // or any other: its marking says so instead.
                if session.record.count().training().is_some() {
                    theme::training_badge(ui, tr);
                } else if def.practice {
                    theme::practice_badge(ui, tr);
                }
                if let Some(hash) = session.results_hash() {
                    theme::sealed_badge(ui, tr, &crate::domain::short_code::short_code(&hash));
                }
                // The switches sit at the right of the station's line when
                // they fit there, so that the tabs keep to one row.
                if ui.available_width() >= switches_width(ui) {
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        self.display_switches_ui(ui, tr, commands);
                    });
                    switches_shown = true;
                }
            }
        });
        if let Some(session) = &self.session {
            let screens = session.screens();
            // Wrapped: on a small screen the tabs need more than one line.
            ui.horizontal_wrapped(|ui| {
                for (n, (screen, title)) in screens.iter().enumerate() {
                    let screen = *screen;
                    let text = format!("F{} {}", n + 2, tr.t(*title));
                    if ui.selectable_label(self.screen == screen, text).clicked() {
                        commands.push(AppCommand::ShowScreen(screen));
                    }
                }
                ui.separator();
                if ui.button(tr.t(T::CloseCount)).clicked() {
                    commands.push(AppCommand::Close);
                }
                if !switches_shown {
                    ui.separator();
                    self.display_switches_ui(ui, tr, commands);
                }
            });
        }
        // A live copy that is behind or failing shows on every screen.
        if let Some(status) = self.session.as_ref().and_then(|s| s.record.mirror())
            && (status.behind > 0 || status.problem.is_some())
        {
            theme::mirror_status_ui(ui, tr, &status);
        }
        for job in self.jobs.in_flight() {
            theme::busy_ui(ui, tr, job);
        }
        if let Some(notice) = &self.notice {
            let dismissed = theme::notice_ui(ui, tr, notice);
            if dismissed {
                commands.push(AppCommand::DismissNotice);
            }
        }
    }
}

impl eframe::App for PolltallyApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame_ui(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, SETTINGS_KEY, &self.settings);
    }
}

/// How the app was asked to start.
#[derive(Debug, Clone, Default)]
pub struct Launch {
    pub record: Option<PathBuf>,
    pub screen: Option<Screen>,
    pub lang: Option<Lang>,
    /// Open the public display with the count.
    pub public_display: bool,
}

/// Opens the window and runs the app until it is closed.
pub fn run(launch: Launch) -> anyhow::Result<()> {
    let started = std::time::Instant::now();
    let places = Places::from_environment()?;
    let mut commands = Vec::new();
    // The language first, so that the opening notice is in it.
    if let Some(lang) = launch.lang {
        commands.push(AppCommand::SetLanguage(lang));
    }
    match launch.record {
        Some(path) => commands.push(AppCommand::OpenRecord(path)),
        None => commands.push(AppCommand::OpenPractice),
    }
    if let Some(screen) = launch.screen {
        commands.push(AppCommand::ShowScreen(screen));
    }
    let public_display = launch.public_display;
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("polltally")
        .with_app_id("polltally")
        .with_inner_size([1366.0, 768.0])
        .with_min_inner_size([1024.0, 640.0]);
    if let Some(icon) = icon::window_icon() {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions {
        viewport,
        persistence_path: Some(places.data_dir().join("window.ron")),
        ..Default::default()
    };
    eframe::run_native(
        "polltally",
        options,
        Box::new(move |cc| {
            let mut app = PolltallyApp::from_creation_context(
                cc,
                Box::new(crate::shell::clock::SystemClock),
                places,
                commands,
            );
            if public_display && let Some(session) = app.session.as_mut() {
                session.counting.public_display = true;
            }
            if first_frame::FirstFrame::<PolltallyApp>::asked() {
                Ok(Box::new(first_frame::FirstFrame::new(app, started)))
            } else {
                Ok(Box::new(app))
            }
        }),
    )
    .map_err(|err| {
        crate::domain::message::Message::new(crate::domain::message::P::WindowFailed)
            .text("detail", err)
            .into()
    })
}
