"""A real X server for the tests that need one: Xvfb with the openbox window manager.

Offscreen rendering cannot show keyboard focus, a window manager's handling of windows and
modifiers, or Qt's own dialogs as an analyst meets them; these tests run the window on Xvfb with
Qt's xcb platform and drive it with xdotool, as a person at the keyboard would.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

SCREEN = (1600, 1000)
# Panels at the bottom of the screen (a taskbar and a dock): openbox keeps windows out of them, so
# the work area is 1600 x 880, and a window must fit in it.
PANEL_HEIGHT = 120
OPENBOX_CONFIG = Path("/etc/xdg/openbox/rc.xml")
NEEDED = ("Xvfb", "openbox", "xdotool", "import")
START_TIMEOUT_S = 20.0


class XServerError(RuntimeError):
    pass


def missing_programs() -> list[str]:
    return [name for name in NEEDED if shutil.which(name) is None]


@dataclass
class XServer:
    display: str
    xvfb: subprocess.Popen[bytes]
    window_manager: subprocess.Popen[bytes]
    folder: Path

    def environment(self) -> dict[str, str]:
        """The environment of a program shown on this server through Qt's xcb platform."""
        environment = {**os.environ, "DISPLAY": self.display, "QT_QPA_PLATFORM": "xcb"}
        environment.pop("WAYLAND_DISPLAY", None)
        return environment

    def xdotool(self, *arguments: str) -> str:
        result = subprocess.run(
            ["xdotool", *arguments], env=self.environment(), capture_output=True, text=True, timeout=20, check=False
        )
        if result.returncode != 0:
            raise XServerError(f"xdotool {' '.join(arguments)}: {result.stderr.strip()}")
        return result.stdout

    def key(self, *keys: str) -> None:
        """Press and release keys (xdotool names: F2, Tab, Escape, ctrl+comma) in the focused window."""
        self.xdotool("key", "--delay", "40", *keys)

    def type_text(self, text: str) -> None:
        self.xdotool("type", "--delay", "15", text)

    def click(self, x: int, y: int) -> None:
        self.xdotool("mousemove", "--sync", str(x), str(y), "click", "1")

    def screenshot(self, path: Path) -> Path:
        command = ["import", "-window", "root", str(path)]
        subprocess.run(command, env=self.environment(), check=True, timeout=30, capture_output=True)
        return path

    def stop(self) -> None:
        for process in (self.window_manager, self.xvfb):
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(5)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
        shutil.rmtree(self.folder, ignore_errors=True)


def start() -> XServer:
    """Xvfb on a free display number, then openbox on it; returns once the window manager runs."""
    folder = Path(tempfile.mkdtemp(prefix="hashiya-x-"))
    read_end, write_end = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", f"{SCREEN[0]}x{SCREEN[1]}x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    number = b""
    with os.fdopen(read_end, "rb") as reader:
        number = reader.readline().strip()
    if not number:
        xvfb.kill()
        raise XServerError("Xvfb did not start")
    display = f":{number.decode()}"
    ready = folder / "openbox-ready"
    command = ["openbox", "--startup", f"touch {ready}"]
    if OPENBOX_CONFIG.is_file():  # Debian's own settings (Alt+drag moves a window), with a panel's margin
        config = folder / "rc.xml"
        text = OPENBOX_CONFIG.read_text(encoding="utf-8")
        config.write_text(text.replace("<bottom>0</bottom>", f"<bottom>{PANEL_HEIGHT}</bottom>", 1), encoding="utf-8")
        command += ["--config-file", str(config)]
    manager = subprocess.Popen(
        command,
        env={**os.environ, "DISPLAY": display},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    server = XServer(display, xvfb, manager, folder)
    deadline = time.monotonic() + START_TIMEOUT_S
    while not ready.exists():
        if time.monotonic() > deadline or manager.poll() is not None:
            server.stop()
            raise XServerError("openbox did not start on Xvfb")
        time.sleep(0.05)
    return server
