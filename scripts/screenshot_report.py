"""Render the HTML report of a resume (and optional job posting) and screenshot it with Chromium.

    python scripts/screenshot_report.py examples/resume.docx --job examples/posting.txt \
        --out /tmp/tailor-report --width 1280 --width 420 --pdf

writes OUT/report.html, OUT/report-<width>.png for each width (cropped to the page's height) and,
with --pdf, OUT/report.pdf (the print stylesheet) plus a PNG of each printed page.

The report comes from tailor.api.check, exactly as `tailor check --format html` makes it.
Nothing goes over the network: Chromium runs headless with networking features off, on a
local file, and the page's Content-Security-Policy forbids loading anything.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from tailor.api import check
from tailor.report_html import render_html

CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--hide-scrollbars", "--force-device-scale-factor=1",
)


def find_chromium() -> str | None:
    """The Chromium binary, if one is installed."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None


def run_chromium(binary: str, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run headless Chromium with a fresh profile folder; raises on failure."""
    with tempfile.TemporaryDirectory(prefix="tailor-chromium-") as profile:
        return subprocess.run(
            [binary, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
            capture_output=True, text=True, timeout=timeout, check=True,
        )


def crop_bottom(png: Path) -> tuple[int, int]:
    """Cut the empty rows below the page's end; returns the new (width, height)."""
    from PIL import Image

    with Image.open(png) as image:
        rgb = image.convert("RGB")
    width, height = rgb.size
    background = rgb.getpixel((width - 1, height - 1))
    bottom = height
    step = 16
    while bottom > step:
        band = rgb.crop((0, bottom - step, width, bottom))
        colors = band.getcolors(maxcolors=4)
        if not colors or len(colors) > 1 or colors[0][1] != background:
            break
        bottom -= step
    bottom = min(height, bottom + 24)
    rgb.crop((0, 0, width, bottom)).save(png)
    return width, bottom


def main(argv: list[str] | None = None) -> int:
    """Command line: render, screenshot, report the paths."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("resume", type=Path)
    parser.add_argument("--job", type=Path, help="a job posting to match against")
    parser.add_argument("--level", default="care-manager")
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "tailor-report")
    parser.add_argument("--width", type=int, action="append",
                        help="window width in CSS pixels (repeatable; default 1280)")
    parser.add_argument("--height", type=int, default=9000,
                        help="window height; the PNG is cropped to the page")
    parser.add_argument("--pdf", action="store_true", help="also print to PDF and PNG pages")
    args = parser.parse_args(argv)

    args.out.mkdir(parents=True, exist_ok=True)
    html_path = (args.out / "report.html").resolve()
    html = render_html(check(args.resume, level=args.level, job=args.job))
    html_path.write_text(html, encoding="utf-8")
    print(f"{html_path} ({len(html.encode()) / 1024:.1f} KB)")

    binary = find_chromium()
    if binary is None:
        print("Chromium is not installed: apt-get install -y --no-install-recommends chromium",
              file=sys.stderr)
        return 1
    for width in args.width or [1280]:
        png = args.out / f"report-{width}.png"
        run_chromium(binary, f"--screenshot={png}", f"--window-size={width},{args.height}",
                     html_path.as_uri())
        size = crop_bottom(png)
        print(f"{png} {size[0]}x{size[1]}")
    if args.pdf:
        import pypdfium2

        pdf = args.out / "report.pdf"
        run_chromium(binary, f"--print-to-pdf={pdf}", "--no-pdf-header-footer",
                     html_path.as_uri())
        document = pypdfium2.PdfDocument(str(pdf))
        for number, page in enumerate(document, start=1):
            image = page.render(scale=1.4).to_pil()
            image.save(args.out / f"print-{number}.png")
        print(f"{pdf} ({len(document)} pages) → print-N.png")
        document.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
