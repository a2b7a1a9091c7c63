//! The look of the app: large, high-contrast text for a room lit badly late
//! at night, and colours that keep valid and invalid actions apart.

use crate::app::Notice;
use crate::i18n::{T, Tr};
use eframe::egui::{self, Color32, FontFamily, FontId, RichText, TextStyle};

/// Fill of actions that rule a ballot valid for a party.
pub const VALID: Color32 = Color32::from_rgb(0x1b, 0x5e, 0x20);
/// Fill of actions that rule a ballot invalid.
pub const INVALID: Color32 = Color32::from_rgb(0xb7, 0x1c, 0x1c);
/// Disputes, voids and practice warnings.
pub const WARNING: Color32 = Color32::from_rgb(0xe6, 0x51, 0x00);
/// A check that holds.
pub const HOLDS: Color32 = Color32::from_rgb(0x1b, 0x5e, 0x20);
/// A check that differs.
pub const DIFFERS: Color32 = Color32::from_rgb(0xb7, 0x1c, 0x1c);
/// The TRAINING marking shown on every screen of a training round.
pub fn training_badge(ui: &mut egui::Ui, tr: Tr) {
    egui::Frame::new()
        .fill(WARNING)
        .inner_margin(egui::Margin::symmetric(8, 2))
        .show(ui, |ui| {
            ui.label(
                RichText::new(tr.t(T::TrainingBadge))
                    .strong()
                    .color(ON_COLOUR),
            );
        });
}

/// The SEALED marking.
pub const SEALED: Color32 = Color32::from_rgb(0x0d, 0x47, 0xa1);
/// Buttons of a sealed count, which record nothing more.
pub const SPENT: Color32 = Color32::from_gray(150);
/// Text on coloured buttons.
pub const ON_COLOUR: Color32 = Color32::WHITE;

/// Noto Sans Khmer (SIL Open Font License, see `assets/fonts/OFL.txt`).
pub const KHMER_FONT: &[u8] = crate::fonts::KHMER;

/// egui's own fonts first, then Noto Sans Khmer as the fallback for Khmer
/// letters. The Latin font must come first: egui splits text into runs by
/// font, and a Khmer font placed first would take Latin letters too.
fn install_fonts(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert(
        "NotoSansKhmer".into(),
        std::sync::Arc::new(egui::FontData::from_static(KHMER_FONT)),
    );
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .push("NotoSansKhmer".into());
    }
    ctx.set_fonts(fonts);
}

/// Sets fonts and style on a context.
pub fn install(ctx: &egui::Context) {
    install_fonts(ctx);
    // Light, whatever the system theme: the styles below are made for it.
    ctx.set_theme(egui::Theme::Light);
    ctx.set_visuals(egui::Visuals::light());
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            (
                TextStyle::Small,
                FontId::new(14.0, FontFamily::Proportional),
            ),
            (TextStyle::Body, FontId::new(18.0, FontFamily::Proportional)),
            (
                TextStyle::Button,
                FontId::new(18.0, FontFamily::Proportional),
            ),
            (
                TextStyle::Heading,
                FontId::new(26.0, FontFamily::Proportional),
            ),
            (
                TextStyle::Monospace,
                FontId::new(17.0, FontFamily::Monospace),
            ),
        ]
        .into();
        style.spacing.item_spacing = egui::vec2(10.0, 8.0);
        style.spacing.button_padding = egui::vec2(10.0, 6.0);
        style.visuals.override_text_color = Some(Color32::from_gray(10));
        // Text fields stand out: white, with a dark border.
        style.visuals.text_edit_bg_color = Some(Color32::WHITE);
        style.visuals.extreme_bg_color = Color32::WHITE;
        let border = egui::Stroke::new(1.5, Color32::from_gray(110));
        style.visuals.widgets.inactive.bg_stroke = border;
        style.visuals.widgets.hovered.bg_stroke = egui::Stroke::new(2.0, Color32::from_gray(40));
    });
}

/// The PRACTICE marking shown on every screen of a practice count.
pub fn practice_badge(ui: &mut egui::Ui, tr: Tr) {
    egui::Frame::new()
        .fill(WARNING)
        .inner_margin(egui::Margin::symmetric(8, 2))
        .show(ui, |ui| {
            ui.label(RichText::new(tr.t(T::Practice)).strong().color(ON_COLOUR));
        });
}

/// The SEALED marking shown on every screen of a sealed count, with its
/// short code.
pub fn sealed_badge(ui: &mut egui::Ui, tr: Tr, code: &str) {
    egui::Frame::new()
        .fill(SEALED)
        .inner_margin(egui::Margin::symmetric(8, 2))
        .show(ui, |ui| {
            ui.label(
                RichText::new(format!("{}  {code}", tr.t(T::Sealed)))
                    .strong()
                    .color(ON_COLOUR),
            );
        });
}

/// Shows a notice, worded in `tr`'s language; returns whether the user
/// dismissed it.
pub fn notice_ui(ui: &mut egui::Ui, tr: Tr, notice: &Notice) -> bool {
    let colour = if notice.is_error { DIFFERS } else { HOLDS };
    let mut dismissed = false;
    egui::Frame::new()
        .stroke(egui::Stroke::new(2.0, colour))
        .inner_margin(egui::Margin::same(6))
        .show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(notice.text(tr)).color(colour).strong());
                dismissed = ui.small_button(tr.t(T::Dismiss)).clicked();
            });
        });
    dismissed
}

/// Shows that a background job is under way: a spinner and what it does.
pub fn busy_ui(ui: &mut egui::Ui, tr: Tr, job: crate::app::jobs::Job) {
    ui.horizontal(|ui| {
        ui.spinner();
        ui.label(RichText::new(tr.t(job.busy_text())).strong());
    });
}

/// A large coloured button (counting screen).
pub fn big_button(
    ui: &mut egui::Ui,
    text: RichText,
    fill: Color32,
    size: egui::Vec2,
) -> egui::Response {
    ui.add_sized(size, egui::Button::new(text.color(ON_COLOUR)).fill(fill))
}

/// The width `text` takes on one line in `font`.
pub fn text_width(ui: &egui::Ui, text: &str, font: egui::FontId) -> f32 {
    ui.ctx().fonts_mut(|fonts| {
        fonts
            .layout_no_wrap(text.to_string(), font, egui::Color32::WHITE)
            .size()
            .x
    })
}

/// How the live copy stands: quiet when up to date, in red when it is
/// behind or failing (never silent).
pub fn mirror_status_ui(ui: &mut egui::Ui, tr: Tr, status: &crate::store::mirror::MirrorStatus) {
    let text = tr.mirror_status(
        &status.path.display().to_string(),
        status.entries,
        status.behind,
        status.problem.as_ref(),
    );
    let text = RichText::new(text);
    if status.behind > 0 || status.problem.is_some() {
        ui.add(egui::Label::new(text.color(DIFFERS).strong()).wrap());
    } else {
        ui.add(egui::Label::new(text.weak()).wrap());
    }
}
