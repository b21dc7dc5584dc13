"""Where uploaded and generated files live: the local disk or an S3 bucket.

Every file the app stores (activity photos, report PDFs) belongs to a record and
may only be read by who may see that record. So the object store is never
reached by a browser: a file's URL is the app's own ``/media/…`` address, whose
view checks the record and then streams the bytes, and the bucket can stay
private, without public access or signed links (the README says why).

Code reads and writes these files only through the storage API (``open``,
``save``, ``delete``, ``exists``, ``listdir``), never through ``.path`` or the
file system, so the same code runs on both backends. The S3 backend is
``core.s3.PrivateS3Storage`` (imported only when configured: boto3 is heavy).
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator

from django.core.files.storage import Storage


def stored_files(storage: Storage, folder: str = "") -> Iterator[str]:
    """The names of all files in ``storage`` under ``folder``, depth first.

    A folder that does not exist (a fresh local media folder) holds nothing.
    """
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in sorted(files):
        yield posixpath.join(folder, name) if folder else name
    for sub in sorted(folders):
        yield from stored_files(storage, posixpath.join(folder, sub) if folder else sub)
