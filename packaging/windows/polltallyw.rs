//! polltallyw.exe, the Windows launcher of the window. polltally.exe is a
//! console program (the command line needs one), so Windows would open a
//! console window beside the app when it is started from the Start menu.
//! This launcher, a windows-subsystem program, starts polltally.exe beside
//! it without a console, passes its arguments on, and shows in a message
//! box why the window could not open, if it could not (no OpenGL 2, say).
//! Built only for Windows, by packaging/build.sh (`--features windows-launcher`);
//! it is packaging, not one of the layers of src/.
#![cfg_attr(windows, windows_subsystem = "windows")]

use std::process::{Command, ExitCode, Stdio};

/// Windows' CREATE_NO_WINDOW process creation flag.
#[cfg(windows)]
const CREATE_NO_WINDOW: u32 = 0x0800_0000;

fn main() -> ExitCode {
    let exe = match std::env::current_exe() {
        Ok(path) => path.with_file_name(if cfg!(windows) {
            "polltally.exe"
        } else {
            "polltally"
        }),
        Err(err) => return tell(&format!("polltally cannot find itself: {err}")),
    };
    let mut command = Command::new(&exe);
    command
        .args(std::env::args_os().skip(1))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    #[cfg(windows)]
    {
        use std::os::windows::process::CommandExt;
        command.creation_flags(CREATE_NO_WINDOW);
    }
    match command.output() {
        Ok(out) if out.status.success() => ExitCode::SUCCESS,
        Ok(out) => tell(String::from_utf8_lossy(&out.stderr).trim()),
        Err(err) => tell(&format!("{}: {err}", exe.display())),
    }
}

/// Says `why` in a message box (there is no console to say it in).
fn tell(why: &str) -> ExitCode {
    rfd::MessageDialog::new()
        .set_level(rfd::MessageLevel::Error)
        .set_title("polltally")
        .set_description(why)
        .set_buttons(rfd::MessageButtons::Ok)
        .show();
    ExitCode::FAILURE
}
