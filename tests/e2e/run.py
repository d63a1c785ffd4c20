#!/usr/bin/env python3
"""End-to-end test of the real Merhaba desktop window under Xvfb.

It starts the app with an empty data folder and an English device, then does what a person
does: home -> Health -> Hospitals -> a service -> Back -> Settings -> العربية -> the service in
Arabic; then Nearby from a fixed position and from a picked district. Each step is checked by what is on screen: the window is captured with ImageMagick's
`import`, text is read back with tesseract OCR (English, Turkish, Arabic), and clicks go to
where OCR found the words, with xdotool. Screenshots are saved in the output folder.

With --measure-startup N it instead starts the app N times and reports how long the window
takes from exec until the home screen is painted (the red emergency bar appears); with
--against FLOOR too, it takes turns with FLOOR (scripts/bench-startup.sh) and prints the ratio.

Usage: run.py BINARY OUT_DIR [--measure-startup N [--against FLOOR]]
       E2E_ONLY=guide|restart|nearby|updates|speech|intake|courses runs one walk (or several,
       comma-separated); E2E_FIRST_DISPLAY=N looks for a free X display from :N (default 90).
"""
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import tomllib

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))

SCALE = 2  # screenshots are enlarged before OCR: small UI text reads far better
SHOTS = [0]  # screenshots taken in this run, for file names


def fold(text):
    """OCR often drops Turkish diacritics (Türkçe -> Turkce): compare without them."""
    return text.translate(str.maketrans("çğıİöşüÇĞÖŞÜ", "cgiIosuCGOSU"))


class Failure(Exception):
    pass


def sh(*args, check=True, **kw):
    return subprocess.run(args, check=check, capture_output=True, text=True, **kw)


class Window:
    def __init__(self, binary, out_dir, display, data_dir=None, lang="en_US.UTF-8", env=None):
        self.out_dir = out_dir
        # No speech engine unless a walk gives one: the app would otherwise start the
        # system's speech-dispatcher (walk_speech starts its own, recording to a file).
        env = dict({"SPEECHD_ADDRESS": "unix_socket:/nonexistent/merhaba-no-speech"}, **(env or {}))
        self.env = dict(os.environ, DISPLAY=display, LANG=lang, LC_ALL="", LANGUAGE="", **env)
        self.data_dir = data_dir or tempfile.mkdtemp(prefix="merhaba-e2e-")
        self.env["MERHABA_DATA_DIR"] = self.data_dir
        self.started = time.monotonic()
        self.log = open(os.path.join(out_dir, "app.log"), "a")
        self.proc = subprocess.Popen([binary], env=self.env, stdout=self.log, stderr=self.log)
        self.wid = self._wait_for_window()

    def _wait_for_window(self, timeout=120):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                self.log.flush()
                with open(self.log.name, encoding="utf-8", errors="replace") as log:
                    tail = "".join(log.readlines()[-15:])
                raise Failure(f"the app exited with {self.proc.returncode}; the end of app.log:\n{tail}")
            r = sh("xdotool", "search", "--onlyvisible", "--name", "^Merhaba$", check=False, env=self.env)
            ids = r.stdout.split()
            if ids:
                return ids[0]
            time.sleep(0.05)
        raise Failure("no Merhaba window appeared")

    def close(self, keep_data=False):
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        if not keep_data:
            shutil.rmtree(self.data_dir, ignore_errors=True)

    def screenshot(self, name):
        SHOTS[0] += 1
        path = os.path.join(self.out_dir, f"{SHOTS[0]:02d}-{name}.png")
        sh("import", "-window", self.wid, path, env=self.env)
        return path

    def painted(self):
        """True once the emergency bar (red, at the bottom of the window) is on screen."""
        r = sh("import", "-window", self.wid, "-crop", "1x1+4+815", "-depth", "8", "txt:-", check=False, env=self.env)
        return "#B3261E" in r.stdout.upper()

    def words(self, path, langs):
        """Words OCR reads on the screenshot, with their centres in window coordinates.
        The page is read as shown; the header and the emergency bar (white text on colour)
        are cut out and read again inverted to black on light, which OCR reads far better."""
        width, height = (int(v) for v in sh("identify", "-format", "%w %h", path).stdout.split())
        bars = ["-colorspace", "gray", "-negate"]
        passes = [(0, None, []), (0, f"{width}x60+0+0", bars), (height - 60, f"{width}x60+0+{height - 60}", bars)]
        found = []
        for offset, crop, extra in passes:
            big = path[:-4] + ".ocr.png"
            cut = ["-crop", crop, "+repage"] if crop else []
            sh("convert", path, *cut, "-resize", f"{SCALE * 100}%", *extra, big)
            r = sh("tesseract", big, "-", "-l", langs, "--psm", "11", "tsv")
            os.remove(big)
            for line in r.stdout.splitlines()[1:]:
                cols = line.split("\t")
                if len(cols) == 12 and cols[11].strip() and float(cols[10]) > 30:
                    left, top, w, h = (int(c) // SCALE for c in cols[6:10])
                    found.append((cols[11].strip(), left + w // 2, offset + top + h // 2))
        return found

    def see(self, name, expected, langs="eng+tur", timeout=30):
        """Waits until every expected word is on screen; returns the words with positions."""
        deadline = time.monotonic() + timeout
        while True:
            path = self.screenshot(name)
            words = self.words(path, langs)
            texts = [w for w, _, _ in words]
            missing = [e for e in expected if not any(fold(e) in fold(t) for t in texts)]
            if not missing:
                print(f"  ok  {name}: saw {', '.join(expected)}")
                return words
            if time.monotonic() > deadline:
                raise Failure(f"{name}: did not see {missing} (OCR read: {' '.join(texts)}); screenshot {path}")
            os.remove(path)
            SHOTS[0] -= 1
            time.sleep(0.5)

    def type_into_search(self, text):
        """Clicks the search box under the header and types like a person, key by key, over
        whatever it held."""
        sh("xdotool", "mousemove", "--window", self.wid, "220", "90", "click", "1", env=self.env)
        time.sleep(0.3)
        sh("xdotool", "key", "ctrl+a", env=self.env)
        sh("xdotool", "type", "--delay", "60", text, env=self.env)
        time.sleep(0.6)

    def see_below(self, name, expected, langs="eng+tur", scrolls=6):
        """Scrolls down until every expected word is on one screen (a page longer than the window)."""
        for _ in range(scrolls):
            try:
                return self.see(name, expected, langs, timeout=2)
            except Failure:
                self.scroll_down(3)
        return self.see(name, expected, langs)

    def scroll_down(self, clicks=6):
        for _ in range(clicks):
            sh("xdotool", "mousemove", "--window", self.wid, "220", "400", "click", "5", env=self.env)
        time.sleep(0.5)

    def scroll_up(self, clicks=6):
        for _ in range(clicks):
            sh("xdotool", "mousemove", "--window", self.wid, "220", "400", "click", "4", env=self.env)
        time.sleep(0.5)

    def click_at(self, x, y):
        sh("xdotool", "mousemove", "--window", self.wid, str(x), str(y), "click", "1", env=self.env)
        time.sleep(0.4)

    def click_word(self, words, word):
        for text, x, y in words:
            if fold(word) in fold(text):
                sh("xdotool", "mousemove", "--window", self.wid, str(x), str(y), "click", "1", env=self.env)
                time.sleep(0.4)
                return x, y
        raise Failure(f"cannot click {word!r}: not on screen")


def start_xvfb():
    # Two runs side by side (scripts/test.sh) look for free displays in ranges of their own,
    # so that they never start on the same one.
    first = int(os.environ.get("E2E_FIRST_DISPLAY", "90"))
    for n in range(first, first + 20):
        if not os.path.exists(f"/tmp/.X11-unix/X{n}") and not os.path.exists(f"/tmp/.X{n}-lock"):
            display = f":{n}"
            # -noreset: by default Xvfb resets itself when its last client leaves, and an app
            # started during that reset cannot open the display ("Failed to initialize GTK",
            # about 1 start in 75 here).
            proc = subprocess.Popen(["Xvfb", display, "-screen", "0", "1024x900x24", "-nolisten", "tcp",
                                     "-noreset"],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            for _ in range(100):
                if os.path.exists(f"/tmp/.X11-unix/X{n}"):
                    return proc, display
                time.sleep(0.05)
            proc.kill()
    raise Failure("could not start Xvfb")


def walk(binary, out_dir, display):
    w = Window(binary, out_dir, display)
    try:
        words = w.see("home", ["Ayd", "Health", "Education", "Emergency", "112"])
        w.click_word(words, "Health")
        words = w.see("category-health", ["Hospitals", "Pharmacies", "Back"])
        w.click_word(words, "Hospitals")
        words = w.see("submenu-hospitals", ["University", "hospital", "Interpreting"])
        w.click_word(words, "University")
        # Each section cites its source; the footer dates the entry and offers to report a problem.
        w.see("service-en", ["Rights", "obligations", "Source", "sample"])
        w.see_below("service-en-cost", ["Cost"])
        w.see_below("service-en-location", ["Location"])
        w.see_below("service-en-internet", ["Internet", "resources"])
        words = w.see_below("service-en-below", ["checked", "editors", "Back"])
        w.click_word(words, "Back")
        words = w.see("back-to-submenu", ["University", "Interpreting"])
        w.click_word(words, "Settings")
        words = w.see("settings", ["Language", "العربية"], langs="ara+eng")
        w.click_word(words, "العربية")
        words = w.see("settings-ar", ["الإعدادات", "اللغة"], langs="ara")
        # Right to left: the brand now sits on the right half of the window.
        brand = [x for t, x, y in words if "مرحبا" in t and y < 60]
        if not brand or brand[0] < 220:
            raise Failure(f"settings-ar: expected the brand on the right (RTL), found x={brand}")
        print("  ok  settings-ar: laid out right to left")
        words = w.see("settings-ar", ["رجوع"], langs="ara")
        w.click_word(words, "رجوع")
        words = w.see("submenu-ar", ["المستشفيات", "مثال", "عدنان"], langs="ara")
        w.click_word(words, "عدنان")
        w.see("service-ar", ["والواجبات", "المصدر", "مثال"], langs="ara")
        w.see_below("service-ar-cost", ["التكلفة"], langs="ara")
        # Search: a Turkish word from a sign finds the hospitals, shown in Arabic.
        w.type_into_search("hastane")
        # Waits for the result it clicks, not just for any result: on a busy machine the
        # window may still be showing the results of a shorter prefix.
        words = w.see("search-ar", ["الطوارئ", "المستشفيات", "عبر", "أقسام"], langs="ara+eng")
        w.click_word(words, "أقسام")
        w.see("search-result-ar", ["الطوارئ", "112", "والواجبات"], langs="ara+eng")
    finally:
        w.close()
    print(f"e2e: {SHOTS[0]} screenshots in {out_dir}")


def walk_restart(binary, out_dir, display):
    """The language chosen in Settings survives a restart (same data folder, English device)."""
    w = Window(binary, out_dir, display)
    try:
        words = w.see("restart-en", ["Settings"])
        w.click_word(words, "Settings")
        words = w.see("restart-settings", ["Türkçe"])
        w.click_word(words, "Türkçe")
        w.see("restart-tr", ["Ayarlar", "Dil"])
    finally:
        w.close(keep_data=True)
    again = Window(binary, out_dir, display, data_dir=w.data_dir)
    try:
        words = again.see("restarted-tr", ["Hangi", "konuda", "Eğitim", "Acil", "numaralar"])
        again.click_word(words, "numaralar")
        again.see("emergency-tr", ["112", "157", "183", "YİMER"])
    finally:
        again.close()


def ys(words, word):
    """Vertical positions of a word on screen, top first."""
    return sorted(y for t, _, y in words if fold(word) in fold(t))


def walk_nearby(binary, out_dir, display):
    """Nearby from a fixed position (the bus terminal): the expected places in order of
    distance, and a tap opens the right service. Then, with no location service at all, the
    screen offers districts instead of waiting, and picking one lists what is there."""
    w = Window(binary, out_dir, display, env={"MERHABA_POSITION": "37.842,27.813"})
    try:
        words = w.see("nearby-home", ["Nearby", "near", "open"])
        w.click_word(words, "Nearby")
        w.see("nearby-top", ["Near", "position", "started", "topics", "Open"])
        w.scroll_down(6)
        # The museum moved 2 km east with its published address (issue 15): the directorate
        # in the centre is now the next place after the terminal.
        words = w.see("nearby-list", ["Terminal", "Population", "east", "walk"])
        order = [ys(words, "Terminal"), ys(words, "Population")]
        if not (order[0][0] < order[1][0]):
            raise Failure(f"nearby-list: expected Terminal, then Population from the top, y={order}")
        print("  ok  nearby-list: the bus terminal, then the population directorate")
        w.click_word(words, "Population")
        w.see("nearby-opened", ["Registering", "address", "Rights"])
    finally:
        w.close()
    # No D-Bus system bus: the location service cannot answer at all.
    w = Window(binary, out_dir, display, env={"DBUS_SYSTEM_BUS_ADDRESS": "unix:path=/nonexistent",
                                              "MERHABA_START": "/nearby"})
    try:
        words = w.see("nearby-no-location", ["cannot", "position", "Districts", "Nazilli", "Landmarks"])
        w.click_word(words, "Nazilli")
        w.see("nearby-picked", ["chose", "Nazilli", "topics"])
        w.scroll_down(4)
        words = w.see("nearby-picked-list", ["Nazilli", "State", "Public", "70", "Open", "hours"])
        if not ys(words, "State")[0] < ys(words, "Public")[0]:
            raise Failure("nearby-picked-list: the state hospital should come before the education centre")
        print("  ok  nearby-picked-list: the Nazilli hospital, open 24 hours, is first")
        # A tap on the map, away from the markers in its middle, puts the person there.
        w.scroll_up(8)
        words = w.see("nearby-before-map-tap", ["Open", "now"])
        top = max(ys(words, "now"))
        w.click_at(100, top + 60)
        w.see("nearby-map-tapped", ["chose", "point", "map"])
    finally:
        w.close()


def publish_update(binary, work):
    """A feed signed with the development keys (the ones this build trusts): version 1 as
    shipped, then version 2 in which one entry's Turkish summary says it is a test of an
    update. Returns the feed folder."""
    pack = os.path.join(os.path.dirname(binary), "merhaba-pack")
    content, feed = os.path.join(work, "content"), os.path.join(work, "feed")
    shutil.copytree(os.path.join(ROOT, "content", "aydin"), os.path.join(content, "aydin"))
    publish = [pack, "publish", content, feed, "--keys", os.path.join(ROOT, "feed", "dev-keys")]
    sh(*publish)
    service = os.path.join(content, "aydin", "services", "address-registration.toml")
    text = open(service, encoding="utf-8").read()
    old = 'tr = "Adresinizin kayıtlı olması gerekir; birçok hizmet adresinize göre verilir."'
    assert old in text, "the entry to edit has changed; update this test"
    open(service, "w", encoding="utf-8").write(text.replace(old, 'tr = "Bu özet bir içerik güncellemesi denemesidir."'))
    city = os.path.join(content, "aydin", "city.toml")
    text = open(city, encoding="utf-8").read()
    open(city, "w", encoding="utf-8").write(text.replace("content_version = 1", "content_version = 2"))
    sh(*publish)
    return pack, feed


def walk_updates(binary, out_dir, display):
    """A content update from a feed on 127.0.0.1: checked at start in the background,
    installed, shown in Settings and on the entry, with the reader's language setting kept.
    Then, with the feed unreachable, the app says so quietly and keeps the new content."""
    work = tempfile.mkdtemp(prefix="merhaba-feed-")
    pack, feed = publish_update(binary, work)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([pack, "serve", feed, "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        # Settings lists eight languages first: what updates did is further down.
        w = Window(binary, out_dir, display, env={"MERHABA_START": "/settings"})
        try:
            words = w.see("updates-languages", ["Language", "Türkçe"])
            w.click_word(words, "Türkçe")
            w.see("updates-tr", ["Ayarlar", "Dil"])
            w.scroll_down()
            w.see("updates-none", ["güncelleme", "adresi", "yok"], langs="tur")
        finally:
            w.close(keep_data=True)
        feed_url = f"http://127.0.0.1:{port}/"
        w = Window(binary, out_dir, display, data_dir=w.data_dir,
                   env={"MERHABA_START": "/settings", "MERHABA_FEED_URL": feed_url})
        try:
            w.see("updates-settings", ["Ayarlar", "Dil"], langs="tur")
            w.scroll_down()
            w.see("updates-installed", ["Rehber", "sürümüne", "güncellendi", "sürümü"], langs="tur")
        finally:
            w.close(keep_data=True)
        server.terminate()
        server.wait(10)
        w = Window(binary, out_dir, display, data_dir=w.data_dir,
                   env={"MERHABA_START": "/settings", "MERHABA_FEED_URL": feed_url})
        try:
            w.see("updates-settings-offline", ["Ayarlar", "Dil"], langs="tur")
            w.scroll_down()
            w.see("updates-unreachable", ["sunucusuna", "ulaşılamadı", "çevrimdışı"], langs="tur")
        finally:
            w.close(keep_data=True)
        w = Window(binary, out_dir, display, data_dir=w.data_dir,
                   env={"MERHABA_START": "/service/address-registration"})
        try:
            w.see("updates-entry", ["Adres", "kaydı", "güncellemesi", "denemesidir"], langs="tur")
        finally:
            w.close()
    finally:
        if server.poll() is None:
            server.terminate()
        shutil.rmtree(work, ignore_errors=True)


def start_speech_dispatcher(work):
    """A private speech-dispatcher with the espeak-ng voices, whose audio goes to a file
    through ALSA's file plugin instead of a sound card. Returns the process, the address for
    SPEECHD_ADDRESS and the recording."""
    conf = os.path.join(work, "conf")
    os.makedirs(os.path.join(conf, "modules"))
    shutil.copy("/etc/speech-dispatcher/modules/espeak-ng.conf", os.path.join(conf, "modules"))
    with open(os.path.join(conf, "speechd.conf"), "w") as f:
        f.write('AudioOutputMethod "alsa"\nAudioALSADevice "merhaba_recording"\n'
                'AddModule "espeak-ng" "sd_espeak-ng" "espeak-ng.conf"\nDefaultModule espeak-ng\n')
    recording = os.path.join(work, "speech.raw")
    asoundrc = os.path.join(work, "asoundrc")
    with open(asoundrc, "w") as f:
        f.write('pcm.merhaba_recording { type file; slave.pcm "null"; file "%s"; format "raw" }\n' % recording)
    sock = os.path.join(work, "speechd.sock")
    env = dict(os.environ, ALSA_CONFIG_PATH=f"/usr/share/alsa/alsa.conf:{asoundrc}")
    proc = subprocess.Popen(["speech-dispatcher", "-s", "-t", "0", "-C", conf, "-S", sock, "-L", work,
                             "-P", os.path.join(work, "speechd.pid")],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(200):
        if os.path.exists(sock):
            return proc, f"unix_socket:{sock}", recording
        time.sleep(0.05)
    proc.kill()
    raise Failure("speech-dispatcher did not start")


def recorded(path, start=0):
    """Bytes of audio recorded so far, and the RMS amplitude of those after `start` (sox;
    espeak-ng speaks 16-bit mono at 22,050 Hz)."""
    size = os.path.getsize(path) if os.path.exists(path) else 0
    if size - start < 4096:
        return size, 0.0
    part = path + ".part"
    with open(path, "rb") as f, open(part, "wb") as out:
        f.seek(start)
        out.write(f.read())
    r = sh("sox", "-t", "raw", "-r", "22050", "-e", "signed", "-b", "16", "-c", "1", part, "-n", "stat")
    os.remove(part)
    rms = [line.split(":")[1] for line in r.stderr.splitlines() if line.startswith("RMS     amplitude")]
    return size, float(rms[0]) if rms else 0.0


def walk_speech(binary, out_dir, display):
    """Listen, with the machine's speech engine: an English and a Turkish page are read aloud
    (the audio is recorded and must not be silence); a Pashto page, a language espeak-ng has
    no voice for, shows no Listen button."""
    work = tempfile.mkdtemp(prefix="merhaba-speech-")
    proc, address, recording = start_speech_dispatcher(work)
    page = {"MERHABA_START": "/service/university-hospital", "SPEECHD_ADDRESS": address}
    try:
        # The button sits between the page's title and the sample notice. OCR does not read a
        # label inside a bordered button, so it is pressed where it is.
        for lang, title, notice, ocr in [("en_US.UTF-8", "hospital", "Sample:", "eng"),
                                         ("tr_TR.UTF-8", "hastanesi", "Örnek:", "tur")]:
            w = Window(binary, out_dir, display, lang=lang, env=page)
            try:
                words = w.see(f"listen-{lang[:2]}", [title, notice], langs=ocr)
                time.sleep(1)  # the speech engine answers in the background
                y = (ys(words, title)[0] + ys(words, notice)[0]) // 2
                before, _ = recorded(recording)
                w.click_at(60, y)
                deadline = time.monotonic() + 30
                size, rms = before, 0.0
                while time.monotonic() < deadline:
                    time.sleep(1)
                    size, rms = recorded(recording, before)
                    if rms > 0.01:
                        break
                if rms <= 0.01:
                    raise Failure(f"listen-{lang[:2]}: {size - before} bytes of audio, RMS {rms}: nothing was heard")
                print(f"  ok  listen-{lang[:2]}: {size - before} bytes of speech recorded, RMS amplitude {rms:.3f}")
            finally:
                w.close()
        w = Window(binary, out_dir, display, lang="ps_AF.UTF-8", env=page)
        try:
            deadline = time.monotonic() + 20
            while "no voice for `ps`" not in open(w.log.name, encoding="utf-8").read():
                if time.monotonic() > deadline:
                    raise Failure("listen-ps: the app never decided about a Pashto voice")
                time.sleep(0.5)
            # The decision can come before the first frame: wait for the page, then keep it.
            deadline = time.monotonic() + 20
            while not w.painted() and time.monotonic() < deadline:
                time.sleep(0.3)
            w.see("listen-ps-absent", ["112"], langs="ara+eng")
            path = os.path.join(out_dir, f"{SHOTS[0]:02d}-listen-ps-absent.png")
            print(f"  ok  listen-ps: no Pashto voice, no Listen button ({path})")
        finally:
            w.close()
    finally:
        proc.terminate()
        proc.wait(10)
        shutil.rmtree(work, ignore_errors=True)


def walk_intake(binary, out_dir, display):
    """The intake desk: switch intake mode on, pick the client's language (Arabic), open two
    services side by side in two languages and put them on the slip, save the slip as a
    PDF, then "Next client". Afterwards nothing of the visit is in the data folder: the user
    database holds the person's own settings only, and no file there names the services or
    the client's language. The slip itself went to the Downloads folder, not the data folder."""
    home = tempfile.mkdtemp(prefix="merhaba-home-")
    downloads = os.path.join(home, "Downloads")
    os.makedirs(os.path.join(home, ".config"))
    with open(os.path.join(home, ".config", "user-dirs.dirs"), "w") as f:
        f.write('XDG_DOWNLOAD_DIR="$HOME/Downloads"\n')
    env = {"HOME": home, "XDG_CONFIG_HOME": os.path.join(home, ".config")}
    w = Window(binary, out_dir, display, env=env)
    data_dir = w.data_dir
    try:
        words = w.see("intake-home", ["Settings"])
        w.click_word(words, "Settings")
        words = w.see_below("intake-settings", ["Intake", "Start"])
        w.click_word(words, "Start")
        words = w.see("intake-on", ["Intake", "Next", "client", "العربية"], langs="eng+ara")
        w.click_word(words, "العربية")
        w.type_into_search("university hospital")
        words = w.see("intake-search", ["Adnan", "Menderes"])
        w.click_word(words, "Menderes")
        # On a phone-wide window the two languages stack, row by row: English, then Arabic.
        words = w.see("intake-service-stacked", ["Add", "slip", "University", "مثال"], langs="eng+ara")
        if not ys(words, "University") or not ys(words, "مثال") or ys(words, "مثال")[0] < ys(words, "University")[0]:
            raise Failure("intake-service-stacked: expected the Arabic name under the English one")
        print("  ok  intake-service-stacked: English, then Arabic under it")
        # At a desk the window is wide: the English and the Arabic of each row side by side.
        sh("xdotool", "windowsize", w.wid, "1000", "820", env=w.env)
        time.sleep(1)
        words = w.see("intake-service-pair", ["Add", "slip", "Rights", "والواجبات"], langs="eng+ara")
        left = [x for t, x, _ in words if "Rights" in t]
        right = [x for t, x, _ in words if "والواجبات" in t]
        if not left or not right or min(right) <= max(left):
            raise Failure(f"intake-service-pair: expected English left of Arabic, x={left} and {right}")
        print("  ok  intake-service-pair: English on the left, Arabic on the right")
        w.click_word(words, "Add")
        w.type_into_search("pharmacy on duty")
        words = w.see("intake-search-2", ["Pharmacy", "night"])
        w.click_word(words, "night")
        words = w.see("intake-service-pair-2", ["Add", "slip", "Rights", "والواجبات"], langs="eng+ara")
        w.click_word(words, "Add")
        words = w.see("intake-slip-link", ["Slip:", "services"])
        w.click_word(words, "Slip:")
        words = w.see_below("intake-slip", ["Save", "PDF"])
        w.click_word(words, "PDF")
        w.see_below("intake-slip-saved", ["Saved"])
        w.scroll_up(20)
        words = w.see("intake-next", ["Next", "client"])
        w.click_word(words, "Next")
        # Home, with nothing behind it: no Back in the header, nothing of the visit on screen.
        words = w.see("intake-cleared", ["Cleared", "ready", "Health"])
        seen = [t for t, _, _ in words]
        left = [t for t in seen if any(fold(x) in fold(t) for x in ["Back", "University", "Menderes", "Pharmacy"])]
        if left:
            raise Failure(f"intake-cleared: after Next client the screen still shows {left}")
        print("  ok  intake-cleared: home, no Back to the last client's pages")
        # Leaving and coming back starts a new visit: no "Cleared" from the last one.
        w.click_word(words, "Leave")
        words = w.see("intake-left", ["Settings", "Health"])
        w.click_word(words, "Settings")
        words = w.see_below("intake-settings-again", ["Intake", "Start"])
        w.click_word(words, "Start")
        words = w.see("intake-again", ["Intake", "Next", "client"])
        if any(fold("Cleared") in fold(t) for t, _, _ in words):
            raise Failure("intake-again: a new visit shows the last visit's Cleared message")
        print("  ok  intake-again: a new visit, without the last one's Cleared message")
    finally:
        w.close(keep_data=True)
    try:
        slips = [f for f in os.listdir(downloads) if f.endswith(".pdf")] if os.path.isdir(downloads) else []
        if not slips:
            raise Failure(f"intake: no slip saved in {downloads}")
        text = sh("pdftotext", os.path.join(downloads, slips[0]), "-").stdout
        if "Üniversite hastanesi" not in text or "Nöbetçi eczane" not in text:
            raise Failure(f"intake: the saved slip does not name both services: {text[:400]}")
        shutil.copy(os.path.join(downloads, slips[0]), os.path.join(out_dir, "intake-slip.pdf"))
        print(f"  ok  intake: the slip was saved to {downloads}, outside the data folder")
        traces = ["university", "üniversite", "nöbetçi", "pharmacy-on-duty", "university-hospital", "الجامعة",
                  "merhaba-slip", "intake"]
        for root, _, files in os.walk(data_dir):
            for name in files:
                path = os.path.join(root, name)
                with open(path, "rb") as f:
                    data = f.read()
                if name.endswith(".sqlite") and data.startswith(b"SQLite format 3") and "pack" in root:
                    continue  # the city pack itself holds every service, in every language
                low = data.lower()
                found = [t for t in traces if t.encode("utf-8") in low]
                if found:
                    raise Failure(f"intake: {path} holds {found} after the visit")
        db = sqlite3.connect(os.path.join(data_dir, "user.sqlite"))
        settings = dict(db.execute("SELECT key, value FROM setting"))
        ticks = db.execute("SELECT count(*) FROM path_tick").fetchone()[0]
        db.close()
        # The person's own settings only: the client's language is never saved as theirs.
        if set(settings) - {"language", "updates.unmetered_only"} or settings.get("language") == "ar" or ticks:
            raise Failure(f"intake: the user database holds {settings} and {ticks} ticks after the visit")
        print(f"  ok  intake: no trace of the visit in {data_dir} ({sum(len(f) for _, _, f in os.walk(data_dir))} files)")
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)
        shutil.rmtree(home, ignore_errors=True)


def walk_courses(binary, out_dir, display):
    """An advisor's course: open the first course from home, read the first lesson's cards,
    answer its first question wrongly, then rightly, and leave. After a restart the course
    page says the lesson was started, and Continue opens it at that question, answered, with
    the score kept (none right at the first try, of one). The user database holds the same."""
    course = tomllib.load(open(os.path.join(ROOT, "content/aydin/courses/serving-newcomers.toml"), "rb"))
    lesson = course["lesson"][0]
    question = lesson["question"][0]
    answers = [a["en"] for a in question["answers"]]
    right = question["right"][0] - 1
    # A word of a wrong answer and one of the right answer that no other text of the screen has.
    def own_word(i):
        others = " ".join(a for j, a in enumerate(answers) if j != i) + " " + question["prompt"]["en"]
        words = [w.strip(".,:;()") for w in answers[i].split()]
        return max((w for w in words if len(w) > 4 and fold(w) not in fold(others)), key=len)
    wrong = next(i for i in range(len(answers)) if i != right)
    wrong_word, right_word = own_word(wrong), own_word(right)
    w = Window(binary, out_dir, display)
    try:
        words = w.see("courses-home", ["Courses"])
        w.click_word(words, "Courses")
        words = w.see("courses-list", ["Serving", "newcomers", "lessons"])
        w.click_word(words, "Serving")
        words = w.see_below("course-page", ["Start", "course"])
        w.click_word(words, "Start")
        for n in range(len(lesson["card"])):
            label = "questions" if n + 1 == len(lesson["card"]) else "Next"
            words = w.see_below(f"course-card-{n + 1}", [f"{n + 1}", label])
            w.click_word(words, label)
            w.scroll_up(20)
        words = w.see_below("course-question", [wrong_word, "Check"])
        w.click_word(words, wrong_word)
        words = w.see_below("course-question-picked", ["Check"])
        w.click_word(words, "Check")
        words = w.see_below("course-wrong", ["Not", "quite", "Try", "again"])
        w.click_word(words, "Try")
        w.scroll_up(20)
        words = w.see_below("course-try-again", [right_word])
        w.click_word(words, right_word)
        words = w.see_below("course-question-picked-2", ["Check"])
        w.click_word(words, "Check")
        w.see_below("course-right", ["Right!", "Next"])
    finally:
        w.close(keep_data=True)
    again = Window(binary, out_dir, display, data_dir=w.data_dir)
    try:
        words = again.see("courses-restarted", ["Courses"])
        again.click_word(words, "Courses")
        words = again.see("courses-list-again", ["Serving", "0", "lessons", "done"])
        again.click_word(words, "Serving")
        again.see_below("course-page-again", ["Started"])
        again.scroll_up(20)
        words = again.see_below("course-continue", ["Continue"])
        again.click_word(words, "Continue")
        again.see_below("course-kept", ["So", "far:", "0", "of", "1", "first", "try"])
        again.see_below("course-kept-answer", ["Right!", "Next"])
    finally:
        again.close(keep_data=True)
    try:
        db = sqlite3.connect(os.path.join(w.data_dir, "user.sqlite"))
        step, attempts = db.execute(
            "SELECT step, attempts FROM lesson_progress WHERE course_id = 'serving-newcomers' AND lesson_id = ?",
            (lesson["id"],)).fetchone()
        tries, first_right, solved = db.execute(
            "SELECT tries, first_right, solved FROM quiz_answer WHERE lesson_id = ? AND question = 0",
            (lesson["id"],)).fetchone()
        db.close()
        if (step, attempts, tries, first_right, solved) != (len(lesson["card"]), 1, 2, 0, 1):
            raise Failure(f"courses: the user database holds step {step}, {attempts} attempts, "
                          f"{tries} tries, first right {first_right}, solved {solved}")
        print(f"  ok  courses: the user database keeps step {step}, 1 attempt, 2 tries, solved")
    finally:
        shutil.rmtree(w.data_dir, ignore_errors=True)


def measure_startup(binaries, out_dir, display, runs):
    """Starts each binary `runs` times, taking turns so that a busy moment of the shared
    machine falls on all of them alike, and prints the median time to the painted home
    screen of each, and each one's ratio to the last (the floor it is held against)."""
    times = {b: [] for b in binaries}
    for _ in range(runs):
        for binary in binaries:
            w = Window(binary, out_dir, display)
            try:
                while not w.painted():
                    if time.monotonic() - w.started > 60:
                        raise Failure("home screen not painted within 60 s")
                    time.sleep(0.01)
                times[binary].append(time.monotonic() - w.started)
            finally:
                w.close()
    median = {b: sorted(ts)[len(ts) // 2] for b, ts in times.items()}
    floor = median[binaries[-1]]
    for binary, ts in times.items():
        ts.sort()
        ratio = f", {median[binary] / floor:.2f}x {os.path.basename(binaries[-1])}" if len(binaries) > 1 else ""
        print(f"{os.path.basename(binary)}: startup to painted home screen over {runs} runs: median "
              f"{median[binary] * 1000:.0f} ms, min {ts[0] * 1000:.0f} ms, max {ts[-1] * 1000:.0f} ms{ratio}")


def main():
    if len(sys.argv) < 3:
        print(__doc__)
        return 2
    binary, out_dir = os.path.abspath(sys.argv[1]), sys.argv[2]
    os.makedirs(out_dir, exist_ok=True)
    for f in os.listdir(out_dir):
        if f.endswith(".png"):
            os.remove(os.path.join(out_dir, f))
    xvfb, display = start_xvfb()
    try:
        if "--measure-startup" in sys.argv:
            runs = int(sys.argv[sys.argv.index("--measure-startup") + 1])
            against = [os.path.abspath(sys.argv[sys.argv.index("--against") + 1])] if "--against" in sys.argv else []
            measure_startup([binary] + against, out_dir, display, runs)
        else:
            only = os.environ.get("E2E_ONLY")
            walks = {"guide": walk, "restart": walk_restart, "nearby": walk_nearby,
                     "updates": walk_updates, "speech": walk_speech, "intake": walk_intake,
                     "courses": walk_courses}
            chosen = [w for name, w in walks.items() if not only or name in only.split(",")]
            for w in chosen:
                w(binary, out_dir, display)
            print(f"e2e: {len(chosen)} passed, 0 failed")
    except Failure as e:
        print(f"e2e FAILED: {e}")
        print("e2e: 0 passed, 1 failed")
        return 1
    finally:
        xvfb.terminate()
    return 0


if __name__ == "__main__":
    sys.exit(main())
