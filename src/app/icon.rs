//! The window's icon: the polltally ballot box (assets/icon/polltally.svg,
//! drawn at 64 pixels), shown in the title bar and the task bar.

use eframe::egui;

const ICON_PNG: &[u8] = include_bytes!("../../assets/icon/polltally-64.png");

/// The icon as the window takes it; None (the system's default icon) if the
/// embedded picture cannot be read.
pub fn window_icon() -> Option<egui::IconData> {
    let image = image::load_from_memory_with_format(ICON_PNG, image::ImageFormat::Png).ok()?;
    let rgba = image.to_rgba8();
    Some(egui::IconData {
        width: rgba.width(),
        height: rgba.height(),
        rgba: rgba.into_raw(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_icon_is_a_square_of_64_pixels() {
        let icon = window_icon();
        assert!(icon.is_some());
        let Some(icon) = icon else { return };
        assert_eq!((icon.width, icon.height), (64, 64));
        assert_eq!(icon.rgba.len(), 64 * 64 * 4);
        // Not blank: the box's blue is in it.
        assert!(
            icon.rgba
                .chunks(4)
                .any(|p| p[2] > 100 && p[0] < 80 && p[3] == 255)
        );
    }
}
