#!/usr/bin/env python3
"""The search page in a real browser: headless Chromium (fresh profile) against
lighttpd + newsdesk.cgi started by scripts/serve, driven over the Chrome
DevTools protocol with nothing but the standard library. A person's path:
type a query and press Enter, click a country in the sidebar, see the filtered
results and the chip, remove the chip, page forward. Screenshots (results with
facets, an error page, a phone-sized screen) are saved as test artifacts.

    browser_e2e.py --build DIR --artifacts DIR [--db DIR] [--chromium PATH]
Without --db, corpus/ is indexed with the build's newsdesk-index first.
Exit 0 when every check holds, 1 with the failures listed otherwise.
"""
import argparse
import base64
import json
import os
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # tests/e2e/ -> the repository


class WebSocket:
    """A minimal RFC 6455 client: enough for DevTools (text frames, one peer)."""

    def __init__(self, url):
        assert url.startswith("ws://")
        hostport, _, path = url[5:].partition("/")
        host, _, port = hostport.partition(":")
        self.sock = socket.create_connection((host, int(port)), timeout=60)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall((f"GET /{path} HTTP/1.1\r\nHost: {hostport}\r\nUpgrade: websocket\r\n"
                           f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
                           "Sec-WebSocket-Version: 13\r\n\r\n").encode())
        response = b""
        while b"\r\n\r\n" not in response:
            chunk = self.sock.recv(4096)
            if not chunk:
                raise RuntimeError("websocket handshake failed")
            response += chunk
        if b" 101 " not in response.split(b"\r\n", 1)[0]:
            raise RuntimeError("websocket handshake refused: " + response.split(b"\r\n", 1)[0].decode())
        self.buffer = response.split(b"\r\n\r\n", 1)[1]

    def _read(self, n):
        while len(self.buffer) < n:
            chunk = self.sock.recv(1 << 16)
            if not chunk:
                raise RuntimeError("websocket closed")
            self.buffer += chunk
        data, self.buffer = self.buffer[:n], self.buffer[n:]
        return data

    def send(self, text):
        payload = text.encode()
        header = bytes([0x81])
        n = len(payload)
        if n < 126:
            header += bytes([0x80 | n])
        elif n < 65536:
            header += bytes([0x80 | 126]) + struct.pack(">H", n)
        else:
            header += bytes([0x80 | 127]) + struct.pack(">Q", n)
        mask = os.urandom(4)
        self.sock.sendall(header + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))

    def receive(self):
        message = b""
        while True:
            b0, b1 = self._read(2)
            n = b1 & 0x7F
            if n == 126:
                n = struct.unpack(">H", self._read(2))[0]
            elif n == 127:
                n = struct.unpack(">Q", self._read(8))[0]
            payload = self._read(n)
            opcode = b0 & 0x0F
            if opcode == 8:
                raise RuntimeError("websocket closed by the browser")
            if opcode in (0, 1, 2):
                message += payload
                if b0 & 0x80:
                    return message.decode()


class Browser:
    def __init__(self, chromium, profile):
        self.process = subprocess.Popen(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
             f"--user-data-dir={profile}", "--remote-debugging-port=0", "--window-size=1280,900",
             "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port_file = os.path.join(profile, "DevToolsActivePort")
        for _ in range(300):
            if os.path.exists(port_file) and open(port_file).read().strip():
                break
            time.sleep(0.1)
        port = int(open(port_file).read().split()[0])
        targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=30))
        page = next(t for t in targets if t["type"] == "page")
        self.ws = WebSocket(page["webSocketDebuggerUrl"])
        self.next_id = 0
        self.events = []
        self.call("Page.enable")
        self.call("Runtime.enable")

    def call(self, method, **params):
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.receive())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self.events.append(message)

    def wait_for_load(self):
        """Until the next Page.loadEventFired (a navigation started by the last action)."""
        while True:
            for i, event in enumerate(self.events):
                if event.get("method") == "Page.loadEventFired":
                    del self.events[: i + 1]
                    return
            self.events.append(json.loads(self.ws.receive()))

    def navigate(self, url):
        self.events.clear()
        self.call("Page.navigate", url=url)
        self.wait_for_load()

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        return result["result"].get("value")

    def click(self, selector, navigates=True):
        """A real mouse click in the middle of the element, after scrolling it into view;
        then waits for the page it leads to, if it `navigates`."""
        box = self.evaluate(f"""(() => {{ const e = document.querySelector({json.dumps(selector)});
            if (!e) return null; e.scrollIntoView({{block: 'center'}});
            const r = e.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; }})()""")
        if box is None:
            raise RuntimeError(f"nothing matches {selector}")
        self.events.clear()
        for kind in ("mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", type=kind, x=box[0], y=box[1], button="left", clickCount=1)
        if navigates:
            self.wait_for_load()

    def type_and_enter(self, selector, text):
        self.evaluate(f"document.querySelector({json.dumps(selector)}).focus()")
        self.call("Input.insertText", text=text)
        self.events.clear()
        for kind in ("rawKeyDown", "char", "keyUp"):
            params = {"type": kind, "key": "Enter", "code": "Enter", "windowsVirtualKeyCode": 13}
            if kind == "char":
                params["text"] = "\r"
            self.call("Input.dispatchKeyEvent", **params)
        self.wait_for_load()

    def screenshot(self, path):
        data = self.call("Page.captureScreenshot", format="png", captureBeyondViewport=True)["data"]
        with open(path, "wb") as out:
            out.write(base64.b64decode(data))

    def close(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db")
    parser.add_argument("--build", required=True)
    parser.add_argument("--artifacts", required=True)
    parser.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    args = parser.parse_args()
    os.makedirs(args.artifacts, exist_ok=True)
    failures = []

    def check(condition, what):
        print(("ok    " if condition else "FAIL  ") + what)
        if not condition:
            failures.append(what)

    work = tempfile.mkdtemp(prefix="newsdesk-browser-")
    if not args.db:
        args.db = os.path.join(work, "db")
        subprocess.run([os.path.join(args.build, "indexer/newsdesk-index"), "--db", args.db,
                        os.path.join(ROOT, "corpus")], check=True, stdout=subprocess.DEVNULL)
    port = free_port()
    server = subprocess.Popen([os.path.join(ROOT, "scripts/serve"), "--port", str(port), "--db", args.db,
                               "--build", args.build, "--state", os.path.join(work, "lighttpd")],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    browser = None
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(base + "/search", timeout=5)
                break
            except OSError:
                time.sleep(0.1)
        browser = Browser(args.chromium, os.path.join(work, "profile"))
        browser.navigate(base + "/")
        check(browser.evaluate("location.pathname") == "/search", "/ leads to the search page")
        check(browser.evaluate("getComputedStyle(document.querySelector('.search button')).color") == "rgb(255, 255, 255)",
              "the style sheet is applied (same-origin CSS allowed by the CSP)")

        browser.type_and_enter("#q", "north korea")
        check("q=north+korea" in browser.evaluate("location.search"), "typing a query and pressing Enter searches")
        hits = browser.evaluate("document.querySelectorAll('li.hit').length")
        check(hits > 0, f"results are shown ({hits})")
        check(browser.evaluate("document.querySelectorAll('li.hit mark').length") > 0, "query words are highlighted")
        check(browser.evaluate("document.querySelector('#q').value") == "north korea", "the box keeps the query")
        browser.screenshot(os.path.join(args.artifacts, "results.png"))

        browser.click(".facets a[href*='country=KP']")
        check("country=KP" in browser.evaluate("location.search"), "clicking North Korea in the sidebar filters")
        chip = browser.evaluate("[...document.querySelectorAll('a.chip')].map(a => a.textContent).join('|')")
        check("North Korea" in (chip or ""), f"the filter shows as a chip ({chip!r})")
        every_kp = browser.evaluate("""[...document.querySelectorAll('li.hit')].every(li =>
            [...li.querySelectorAll('.links a')].some(a => a.textContent === 'North Korea'))""")
        check(every_kp, "every result shown names North Korea")
        filtered = browser.evaluate("document.querySelectorAll('li.hit').length")
        check(0 < filtered <= hits, f"fewer or as many results ({filtered} of {hits})")

        browser.click("a.chip")
        check("country=" not in browser.evaluate("location.search"), "clicking the chip removes the filter")
        check(browser.evaluate("document.querySelectorAll('a.chip').length") == 0, "no chip left")
        check(browser.evaluate("document.querySelectorAll('li.hit').length") == hits, "the results are back")

        browser.navigate(base + "/search?q=")
        first = browser.evaluate("document.querySelector('li.hit h3').textContent")
        browser.click("a[rel=next]")
        check("page=2" in browser.evaluate("location.search"), "Next goes to page 2")
        check(browser.evaluate("document.querySelector('li.hit').value") == 11, "page 2 starts at result 11")
        check(browser.evaluate("document.querySelector('li.hit h3').textContent") != first, "page 2 shows other articles")

        browser.navigate(base + "/search?q=korea&page=0")
        check(browser.evaluate("document.querySelector('[role=alert]').textContent").find("page must be") >= 0,
              "a bad page number shows the error page")
        browser.screenshot(os.path.join(args.artifacts, "error.png"))

        browser.call("Emulation.setDeviceMetricsOverride", width=390, height=844, deviceScaleFactor=2, mobile=True)
        browser.navigate(base + "/search?q=north+korea")
        overflow = browser.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        check(overflow, "no sideways scrolling on a phone-sized screen")
        columns = browser.evaluate("getComputedStyle(document.querySelector('.layout')).gridTemplateColumns")
        check(len(columns.split()) == 1, f"one column on a phone ({columns})")
        facets_first = browser.evaluate("""document.querySelector('.facets').getBoundingClientRect().top <
            document.querySelector('li.hit').getBoundingClientRect().top""")
        check(facets_first, "on a phone the facets come before the results")
        check(not browser.evaluate("document.querySelector('.refine-body').offsetParent"),
              "on a phone the facets are folded")
        browser.click("label.refine-label", navigates=False)
        check(browser.evaluate("!!document.querySelector('.refine-body').offsetParent"),
              "tapping Refine opens the facets, no JavaScript of ours needed")
        browser.screenshot(os.path.join(args.artifacts, "narrow.png"))
    except Exception as e:  # a broken step is a failure with its reason, not a traceback
        failures.append(f"{type(e).__name__}: {e}")
        print("FAIL  " + failures[-1])
    finally:
        if browser:
            browser.close()
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)
    print(f"screenshots in {args.artifacts}")
    if failures:
        print(f"{len(failures)} check(s) failed", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
