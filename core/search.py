"""Free-text search of a register: PostgreSQL full text where available, else LIKE.

On PostgreSQL the words are matched with the Dutch text-search configuration
(``koffieochtenden`` finds ``koffieochtend``), each word also as a prefix, against
``SearchVector(*fields, config="dutch")``; a GIN index on exactly that expression
(see the registers' migrations) makes it an index lookup instead of a scan. On
SQLite every word must occur, case-insensitively, in one of the fields. Either
way every word must match: more words, fewer results.
"""

from __future__ import annotations

import re
from functools import reduce
from operator import or_

from django.db import connections
from django.db.models import Q

CONFIG = "dutch"
MAX_WORDS = 10
_WORD = re.compile(r"[^\W_]+")


def search_words(text: str) -> list[str]:
    """The words of ``text`` (letters and digits; punctuation separates), at most 10."""
    return _WORD.findall(text or "")[:MAX_WORDS]


def search_vector(fields):
    """The indexed expression: one Dutch text-search vector over ``fields``."""
    from django.contrib.postgres.search import SearchVector

    return SearchVector(*fields, config=CONFIG)


def text_search(queryset, fields, text: str):
    """``queryset`` narrowed to rows whose ``fields`` contain every word of ``text``."""
    words = search_words(text)
    if not words:
        return queryset if not (text or "").strip() else queryset.none()
    if connections[queryset.db].vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery

        query = SearchQuery(
            " & ".join(f"{word.lower()}:*" for word in words), config=CONFIG, search_type="raw"
        )
        return queryset.alias(_search=search_vector(fields)).filter(_search=query)
    for word in words:
        queryset = queryset.filter(reduce(or_, (Q(**{f"{f}__icontains": word}) for f in fields)))
    return queryset
