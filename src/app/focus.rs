//! Where the keys go. egui moves the keyboard focus on Tab while it draws a
//! frame, after the focused field has taken every character of that frame;
//! keys typed after a Tab in one frame (a fast typist, a slow frame) would
//! land in the field left behind. [`TypingOrder`] gives them to the next
//! frame, when the focus has moved. A Tab from nowhere goes to the screen's
//! first input, not to the tab bar; the counting screen lets nothing but its
//! void reason take the focus, so that its keys always rule and Enter never
//! presses a button.

use eframe::egui::{self, FocusDirection};

/// Holds back the input events that follow a Tab in one frame, and gives
/// them to the next frame, after the focus has moved.
#[derive(Debug, Default)]
pub struct TypingOrder {
    held: Vec<egui::Event>,
}

/// A Tab or Shift+Tab press: egui moves the focus on it.
fn moves_focus(event: &egui::Event) -> bool {
    matches!(
        event,
        egui::Event::Key {
            key: egui::Key::Tab,
            pressed: true,
            modifiers,
            ..
        } if !modifiers.any() || modifiers.shift_only()
    )
}

impl TypingOrder {
    /// Keeps in `events` the held events, then the new ones up to and
    /// including the first Tab; holds the rest for the next frame.
    pub fn split(&mut self, events: &mut Vec<egui::Event>) {
        let mut all = std::mem::take(&mut self.held);
        all.append(events);
        if let Some(tab) = all.iter().position(moves_focus) {
            self.held = all.split_off(tab + 1);
        }
        *events = all;
    }

    /// Whether events wait for the next frame.
    pub fn holds_events(&self) -> bool {
        !self.held.is_empty()
    }
}

impl egui::Plugin for TypingOrder {
    fn debug_name(&self) -> &'static str {
        "polltally::TypingOrder"
    }

    fn input_hook(&mut self, _ctx: &egui::Context, input: &mut egui::RawInput) {
        self.split(&mut input.events);
    }

    fn on_end_pass(&mut self, ui: &mut egui::Ui) {
        if self.holds_events() {
            // The held keys are input too: the next frame must come.
            ui.ctx().request_repaint();
        }
    }
}

/// Puts [`TypingOrder`] on the context once; it acts from the next frame.
pub fn install(ctx: &egui::Context) {
    if ctx.plugin_opt::<TypingOrder>().is_none() {
        ctx.add_plugin(TypingOrder::default());
    }
}

/// Whether Tab (without Shift) was pressed this frame.
fn tab_pressed(ctx: &egui::Context) -> bool {
    ctx.input(|i| {
        i.events.iter().any(|event| {
            matches!(
                event,
                egui::Event::Key {
                    key: egui::Key::Tab,
                    pressed: true,
                    modifiers,
                    ..
                } if !modifiers.any()
            )
        })
    })
}

/// The id under which a frame notes that its screen's first input should
/// take the focus.
fn first_input_id() -> egui::Id {
    egui::Id::unique("polltally-first-input")
}

/// How a frame's Tab is to move the focus; see [`Tabbing::begin`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tabbing {
    from_nowhere: bool,
}

impl Tabbing {
    /// Called before the top bar is drawn: a Tab pressed while nothing has
    /// the focus does not go to the first widget of the top bar.
    pub fn begin(ctx: &egui::Context) -> Tabbing {
        let from_nowhere = tab_pressed(ctx) && ctx.memory(|m| m.focused().is_none());
        if from_nowhere {
            ctx.memory_mut(|m| m.move_focus(FocusDirection::None));
        }
        Tabbing { from_nowhere }
    }

    /// Called after the top bar, before the screen: the Tab goes to the
    /// screen's first widget, or to the input the screen names with
    /// [`first_input`].
    pub fn screen(self, ctx: &egui::Context) {
        if self.from_nowhere {
            ctx.memory_mut(|m| m.move_focus(FocusDirection::Next));
            ctx.data_mut(|d| d.insert_temp(first_input_id(), true));
        }
    }

    /// Called after the screen: the note does not outlive its frame.
    pub fn end(self, ctx: &egui::Context) {
        ctx.data_mut(|d| d.remove_temp::<bool>(first_input_id()));
    }
}

/// Names `field` as the screen's first input: a Tab from nowhere gives it
/// the focus.
pub fn first_input(ui: &egui::Ui, field: &egui::Response) {
    let wanted = ui
        .ctx()
        .data_mut(|d| d.remove_temp::<bool>(first_input_id()))
        .unwrap_or(false);
    if wanted {
        field.request_focus();
    }
}

/// Lets only `allowed` hold the focus this frame (nothing when `None`), and
/// stops Tab and the arrows from moving it.
pub fn hold_focus(ctx: &egui::Context, allowed: Option<egui::Id>) {
    ctx.memory_mut(|m| {
        m.move_focus(FocusDirection::None);
        if let Some(focused) = m.focused()
            && Some(focused) != allowed
        {
            m.surrender_focus(focused);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(key: egui::Key, modifiers: egui::Modifiers) -> egui::Event {
        egui::Event::Key {
            key,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers,
        }
    }

    fn text(s: &str) -> egui::Event {
        egui::Event::Text(s.into())
    }

    #[test]
    fn keys_after_a_tab_wait_for_the_next_frame() {
        let tab = key(egui::Key::Tab, egui::Modifiers::NONE);
        let back = key(egui::Key::Tab, egui::Modifiers::SHIFT);
        let mut order = TypingOrder::default();
        let mut frame = vec![text("2"), text("6"), tab.clone(), text("3"), back.clone()];
        order.split(&mut frame);
        assert_eq!(frame, vec![text("2"), text("6"), tab.clone()]);
        assert!(order.holds_events());
        // The held keys come first, up to the next Tab (Shift+Tab too).
        let mut frame = vec![text("1")];
        order.split(&mut frame);
        assert_eq!(frame, vec![text("3"), back]);
        let mut frame = vec![];
        order.split(&mut frame);
        assert_eq!(frame, vec![text("1")]);
        assert!(!order.holds_events());
        // Ctrl+Tab moves no focus; nothing is held.
        let mut frame = vec![key(egui::Key::Tab, egui::Modifiers::CTRL), text("4")];
        order.split(&mut frame);
        assert_eq!(frame.len(), 2);
        assert!(!order.holds_events());
    }
}
