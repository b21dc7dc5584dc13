"""Uploaded photos made safe: checked, re-encoded, reduced, stripped of metadata.

An upload is accepted only when both its name and its content say JPEG, PNG,
GIF or WebP. Its pixel count is read from the header and checked against
``MAX_PHOTO_PIXELS`` before a single pixel is decoded, so a small file that
unpacks into gigabytes (a "decompression bomb") is refused cheaply.

Decoding stays within a memory budget. A JPEG is decoded at the smallest scale
that still gives ``MAX_PHOTO_SIDE`` pixels (Pillow's ``draft``); the other kinds
can only be decoded whole, so they may have half the pixels (a quarter for a
16-bit PNG, whose data is twice as much to unpack). The picture is reduced
first and only then turned upright and converted, so no step after the
reduction copies it at full size. The README gives the measured peak per photo.

What is stored is a new image drawn from the decoded pixels: at most ``MAX_PHOTO_SIDE``
pixels on its long side, turned upright, without EXIF (GPS position, camera,
time), comments or colour profiles, as JPEG (photos) or PNG (images with
transparency or few colours). The original upload is not kept.
"""

from __future__ import annotations

import io
import warnings
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.text import slugify
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

# Pillow's format name → the file name extensions that may carry it.
ACCEPTED = {
    "JPEG": {".jpg", ".jpeg", ".jfif"},
    "PNG": {".png"},
    "GIF": {".gif"},
    "WEBP": {".webp"},
}
ACCEPTED_EXTENSIONS = set().union(*ACCEPTED.values())
JPEG_QUALITY = 85
# The share of MAX_PHOTO_PIXELS a picture decoded whole (anything but JPEG) may
# have: it is decoded at full size, and one with transparency needs a second
# full-size copy to be reduced, where a large JPEG is decoded at half scale or
# less. Pillow's WebP decoder holds two more copies while decoding. A 16-bit PNG
# gets half its share (twice the data to unpack).
WHOLE_DECODE_SHARE = {"PNG": 2, "GIF": 2, "WEBP": 4}
# Only these decoders may be used on an upload (no PSD, TIFF, ... parsers).
DECODERS = list(ACCEPTED)

# The first bytes of each kind of file we serve from MEDIA_ROOT.
SIGNATURES = [
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"%PDF-", "application/pdf"),
]


def sniff_content_type(head: bytes) -> str | None:
    """The content type the first bytes of a file show, or None when unknown."""
    for signature, content_type in SIGNATURES:
        if head.startswith(signature):
            return content_type
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    return None


class SafeImage(ContentFile):
    """A re-encoded photo, ready to store; ``save_activiteit`` stores it as it is."""

    sanitised = True


def _refuse(message: str, name: str, code: str, **params) -> ValidationError:
    return ValidationError(message, code=code, params={"name": name, **params})


def _check_name(name: str) -> str:
    extension = PurePath(name).suffix.lower()
    if extension not in ACCEPTED_EXTENSIONS:
        raise _refuse(
            _("The file %(name)s is not a picture (JPEG, PNG, GIF or WebP)."), name, "extension"
        )
    return extension


def _output_name(name: str, extension: str) -> str:
    stem = slugify(PurePath(name).stem)[:80] or "foto"
    return f"{stem}{extension}"


def _has_transparency(image: Image.Image) -> bool:
    return image.mode in {"RGBA", "LA", "PA"} or "transparency" in image.info


def sanitise_image(upload, *, name: str | None = None) -> SafeImage:
    """The upload as a safe, re-encoded picture; ``ValidationError`` in Dutch if it is not one.

    ``upload`` is a file object (an UploadedFile or any binary file); ``name``
    defaults to its ``name``.
    """
    name = name or PurePath(getattr(upload, "name", "") or "").name
    extension = _check_name(name)
    size = getattr(upload, "size", None)
    if size is not None and size > settings.MAX_UPLOAD_SIZE:
        raise _refuse(
            _("The file %(name)s is too large (%(size)s); the maximum is %(max)s."),
            name,
            "too_large",
            size=filesizeformat(size),
            max=filesizeformat(settings.MAX_UPLOAD_SIZE),
        )
    not_a_picture = _refuse(
        _("The file %(name)s is not a picture (JPEG, PNG, GIF or WebP)."), name, "invalid"
    )
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            # Our own pixel limit (far lower) is checked below, before decoding.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(upload, formats=DECODERS)
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, ValueError):
        raise not_a_picture from None
    with image:
        if extension not in ACCEPTED.get(image.format, set()):
            raise _refuse(
                _(
                    "The file %(name)s is a %(kind)s picture under another name; rename it "
                    "to its real kind or save it again as JPEG or PNG."
                ),
                name,
                "mismatch",
                kind=image.format,
            )
        width, height = image.size
        if width * height > settings.MAX_PHOTO_PIXELS:
            raise _refuse(
                _(
                    "The picture %(name)s is too large (%(width)d × %(height)d pixels); "
                    "the maximum is %(max)d megapixels. Make it smaller and try again."
                ),
                name,
                "too_many_pixels",
                width=width,
                height=height,
                max=settings.MAX_PHOTO_PIXELS // 1_000_000,
            )
        if image.format != "JPEG":
            _check_whole_decode(image, upload, name)
        try:
            cleaned, output_format = _redraw(image)
        except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
            raise not_a_picture from None
    buffer = io.BytesIO()
    if output_format == "JPEG":
        cleaned.save(buffer, "JPEG", quality=JPEG_QUALITY, optimize=True)
        extension = ".jpg"
    else:
        cleaned.save(buffer, "PNG", optimize=True)
        extension = ".png"
    return SafeImage(buffer.getvalue(), name=_output_name(name, extension))


def _png_bit_depth(upload) -> int:
    """Bits per channel of a PNG: 8 or less, or 16 (Pillow reads 16 as 8)."""
    # The header chunk comes first: width and height, then the bit depth.
    upload.seek(24)
    depth = upload.read(1)
    return depth[0] if depth else 8


def _check_whole_decode(image: Image.Image, upload, name: str) -> None:
    """ValidationError when a picture that can only be decoded whole is over its share
    of the pixel limit (WHOLE_DECODE_SHARE)."""
    width, height = image.size
    limit = settings.MAX_PHOTO_PIXELS // WHOLE_DECODE_SHARE[image.format]
    kind = {"WEBP": "WebP"}.get(image.format, image.format)
    if image.format == "PNG" and _png_bit_depth(upload) > 8:
        limit //= 2
        kind = _("16-bit PNG")
    if width * height > limit:
        raise _refuse(
            _(
                "The picture %(name)s is too large to process (%(width)d × %(height)d "
                "pixels); a %(kind)s picture may have at most %(max)s megapixels. Save it "
                "as JPEG or make it smaller and try again."
            ),
            name,
            "too_large_to_decode",
            width=width,
            height=height,
            kind=kind,
            max=f"{limit / 1_000_000:.3g}".replace(".", ","),
        )


# Modes the reduction works on directly; others are converted first.
PLAIN_MODES = {"RGB", "RGBA", "L", "LA"}


def _redraw(image: Image.Image) -> tuple[Image.Image, str]:
    """Decode, reduce, turn upright; a new image that carries only the pixels."""
    side = settings.MAX_PHOTO_SIDE
    if image.format == "JPEG":
        # Decode at a reduced scale where the JPEG allows it: less memory and time.
        image.draft("RGB", (side, side))
    image.load()
    transparent = _has_transparency(image)
    photo = image.format in {"JPEG", "WEBP"} and not transparent
    if photo:
        mode = "RGB"
    elif image.mode == "1":
        mode = "L"
    elif image.mode in PLAIN_MODES:
        mode = image.mode
    else:
        mode = "RGBA" if transparent else "RGB"
    if image.mode not in PLAIN_MODES:
        # Palette, 1-bit, 16-bit grey, CMYK: reduction needs plain pixels.
        image = image.convert(mode)
    # Reduced in place, while the decoded picture is the only full-size copy; every
    # step after this works on the small one.
    image.thumbnail((side, side), Image.Resampling.LANCZOS)
    # The orientation is read from the EXIF the reduced picture still carries.
    image = ImageOps.exif_transpose(image)
    if image.mode != mode:
        image = image.convert(mode)
    # A fresh image from the raw pixels: no EXIF, XMP, ICC profile or comment survives.
    clean = Image.frombytes(image.mode, image.size, image.tobytes())
    return clean, "JPEG" if photo else "PNG"
