"""Peak memory of checking and re-encoding one photo (not a test).

    .venv/bin/python benchmarks/photos.py

Makes the largest picture of each kind that ``core.images`` accepts with the
default settings (and one it refuses), then checks each with
``sanitise_image`` in a fresh Python process and prints how far that raised the
process's peak resident memory (the kernel's peak is reset just before, so
Django's own memory is not counted) and how long it took. Pillow allocates
pixels outside Python's allocator, so tracemalloc would not see them. Linux only
(/proc/self/clear_refs). The figures are in the README, under "Photos".
"""

from __future__ import annotations

import io
import json
import os
import struct
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def png_16_bit(width: int, height: int, colour_type: int = 2) -> bytes:
    """A PNG with 16 bits per channel (Pillow cannot write one), compressed row by row."""
    channels = {0: 1, 2: 3, 6: 4}[colour_type]
    row = b"\x00" + b"\x12\x34" * channels * width
    packer = zlib.compressobj(9)
    data = b"".join(packer.compress(row) for _ in range(height)) + packer.flush()

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 16, colour_type, 0, 0, 0)
    body = chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
    return b"\x89PNG\r\n\x1a\n" + body


def pictures() -> list[tuple[str, str, bytes]]:
    """(description, file name, content): the largest accepted of each kind, then a refused one."""
    from PIL import Image

    def saved(image, kind, **options) -> bytes:
        buffer = io.BytesIO()
        image.save(buffer, kind, **options)
        return buffer.getvalue()

    def noise(size, mode):
        return Image.effect_noise(size, 64).convert(mode)

    palette = noise((4240, 2830), "P")
    return [
        ("JPEG 6000 × 4000 (24 MP)", "a.jpg", saved(noise((6000, 4000), "RGB"), "JPEG")),
        ("JPEG CMYK 6000 × 4000", "b.jpg", saved(noise((6000, 4000), "CMYK"), "JPEG")),
        ("PNG RGB 4240 × 2830 (12 MP)", "c.png", saved(noise((4240, 2830), "RGB"), "PNG")),
        ("PNG RGBA 4240 × 2830", "d.png", saved(noise((4240, 2830), "RGBA"), "PNG")),
        ("PNG palette + transparency 4240 × 2830", "e.png", saved(palette, "PNG", transparency=0)),
        ("GIF 4240 × 2830", "f.gif", saved(palette, "GIF")),
        ("PNG 16-bit RGBA 2449 × 2449 (6 MP)", "g.png", png_16_bit(2449, 2449, 6)),
        ("WebP RGBA 2449 × 2449 (6 MP)", "h.webp", saved(noise((2449, 2449), "RGBA"), "WEBP")),
        ("refused: PNG 16-bit RGB 6300 × 6300", "i.png", png_16_bit(6300, 6300, 2)),
    ]


def peak_kb() -> int:
    """The process's peak resident memory since the last reset, in kB (VmHWM).

    Not getrusage's ru_maxrss: that also keeps the peaks of ended threads and of
    the process this one was started from.
    """
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    raise RuntimeError("no VmHWM in /proc/self/status")


def measure(path: str) -> None:
    """In a fresh process: check one picture, print peak growth (MB), seconds, outcome."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sterkewijken.settings")
    import django

    django.setup()
    from django.core.exceptions import ValidationError

    from core.images import sanitise_image

    upload = io.BytesIO(Path(path).read_bytes())
    with open("/proc/self/clear_refs", "w") as clear_refs:
        clear_refs.write("5")
    before = peak_kb()
    started = time.perf_counter()
    try:
        sanitise_image(upload, name=Path(path).name)
        outcome = "stored"
    except ValidationError:
        outcome = "refused"
    seconds = time.perf_counter() - started
    peak = (peak_kb() - before) / 1024
    print(json.dumps({"peak_mb": round(peak), "seconds": round(seconds, 1), "outcome": outcome}))


def main() -> None:
    print("| picture | file | peak memory | time | outcome |")
    print("|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as folder:
        for description, name, content in pictures():
            path = Path(folder) / name
            path.write_bytes(content)
            result = subprocess.run(
                [sys.executable, __file__, "--measure", str(path)],
                capture_output=True,
                text=True,
                check=True,
            )
            figures = json.loads(result.stdout.strip().splitlines()[-1])
            print(
                f"| {description} | {len(content) / 1e6:.1f} MB | +{figures['peak_mb']} MB "
                f"| {figures['seconds']} s | {figures['outcome']} |"
            )


if __name__ == "__main__":
    if sys.argv[1:2] == ["--measure"]:
        measure(sys.argv[2])
    else:
        main()
