"""The S3 backend of the media storage (see ``core.storage``)."""

from __future__ import annotations

from urllib.parse import urljoin

from django.conf import settings
from django.utils.encoding import filepath_to_uri
from storages.backends.s3 import S3Storage


class PrivateS3Storage(S3Storage):
    """An S3-compatible bucket (AWS, MinIO, Ceph, ...) whose objects stay private.

    Objects are written without an ACL, so they get the bucket's (private)
    default; a name already taken gets a suffix instead of replacing the other
    record's file, as on the local disk.
    """

    default_acl = None
    file_overwrite = False
    # A file being read is downloaded into memory up to this size, then into a
    # temporary file (the backend's default keeps all of it in memory).
    max_memory_size = 2 * 1024 * 1024

    def url(self, name, parameters=None, expire=None, http_method=None):
        # The app's permission-checked address, never the bucket's.
        return urljoin(settings.MEDIA_URL, filepath_to_uri(name).lstrip("/"))
