//! A real OBS Studio for the OBS tests: its own Xvfb display and HOME (a seeded global.ini with
//! the WebSocket server on), a free port, stopped by PID when dropped. Needs `obs` and `Xvfb`
//! (`scripts/bootstrap.sh obs`).

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

pub struct ObsProcess {
    pub port: u16,
    obs: Child,
    xvfb: Child,
    _home: tempfile::TempDir,
}

/// A port nothing listens on now.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Starts Xvfb on the first free display number from a random start; parallel tests may race
/// for one, so a server that exits at once is retried on the next number.
fn xvfb() -> (Child, String) {
    let start = 200 + (rand::random::<u32>() % 500);
    for n in start..start + 50 {
        if Path::new(&format!("/tmp/.X11-unix/X{n}")).exists()
            || Path::new(&format!("/tmp/.X{n}-lock")).exists()
        {
            continue;
        }
        let mut child = Command::new("Xvfb")
            .args([
                &format!(":{n}"),
                "-screen",
                "0",
                "1280x720x24",
                "-nolisten",
                "tcp",
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("Xvfb (scripts/bootstrap.sh app)");
        for _ in 0..100 {
            if Path::new(&format!("/tmp/.X11-unix/X{n}")).exists() {
                return (child, format!(":{n}"));
            }
            if child.try_wait().unwrap().is_some() {
                break;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = child.kill();
        let _ = child.wait();
    }
    panic!("no free X display for OBS");
}

impl ObsProcess {
    /// OBS with its WebSocket server on `port`, asking for `password`.
    pub fn start(port: u16, password: &str) -> Self {
        let home = tempfile::tempdir().unwrap();
        let config = home.path().join(".config/obs-studio");
        std::fs::create_dir_all(&config).unwrap();
        std::fs::write(
            config.join("global.ini"),
            format!(
                "[General]\nFirstRun=true\n\n[OBSWebSocket]\nFirstLoad=false\nServerEnabled=true\n\
                 ServerPort={port}\nAlertsEnabled=false\nAuthRequired=true\nServerPassword={password}\n"
            ),
        )
        .unwrap();
        let (xvfb, display) = xvfb();
        let obs = Command::new("obs")
            .args(["--multi", "--minimize-to-tray"])
            .args(["--websocket_port", &port.to_string()])
            .args(["--websocket_password", password])
            .env("HOME", home.path())
            // OBS reads XDG_CONFIG_HOME before HOME/.config: point both at the seeded config.
            .env("XDG_CONFIG_HOME", config.parent().unwrap())
            .env("DISPLAY", &display)
            // An unreachable bus: OBS then leaves no stray dbus-daemon behind.
            .env(
                "DBUS_SESSION_BUS_ADDRESS",
                format!("unix:path={}/no-bus", home.path().display()),
            )
            .env("LIBGL_ALWAYS_SOFTWARE", "1")
            .current_dir(home.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("obs (scripts/bootstrap.sh obs)");
        Self {
            port,
            obs,
            xvfb,
            _home: home,
        }
    }

    /// Stops OBS (as if it crashed or was quit), keeping the display.
    pub fn kill(&mut self) {
        let _ = self.obs.kill();
        let _ = self.obs.wait();
    }
}

impl Drop for ObsProcess {
    fn drop(&mut self) {
        self.kill();
        let _ = self.xvfb.kill();
        let _ = self.xvfb.wait();
    }
}
