"""Full-text search that stems each page in its own language.

Wagtail's PostgreSQL backend indexes and queries everything with one text-search
configuration. Here a translatable object is indexed with the configuration of its locale's
language and queried with that of the visitor's language, so a Romanian page is stemmed as
Romanian. Languages PostgreSQL has no dictionary for (Ukrainian) use ``simple``; the site
search adds title-prefix matches for them (see ``cms.search.views``). Other databases keep
Wagtail's own backend.
"""

from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from django.db import connection
from django.utils.translation import get_language
from wagtail.models import Locale, TranslatableMixin
from wagtail.search.backends import get_search_backend
from wagtail.search.backends.database import SearchBackend as DatabaseSearchBackend
from wagtail.search.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)

#: Configuration for objects without a language (images, documents) and unknown languages.
NEUTRAL_CONFIG = "simple"


class LanguageIndex(PostgresIndex):
    def add_items(self, model, objs: Iterable) -> None:
        by_config = defaultdict(list)
        for obj in objs:
            by_config[self.backend.config_of(obj)].append(obj)
        for config, group in by_config.items():
            with self.backend.configured(config):
                super().add_items(model, group)


class LanguageQueryCompiler(PostgresSearchQueryCompiler):
    def get_config(self, backend):
        if issubclass(self.queryset.model, TranslatableMixin):
            return backend.config_for(get_language())
        return NEUTRAL_CONFIG


class LanguagePostgresSearchBackend(PostgresSearchBackend):
    """``LANGUAGE_CONFIGS`` maps language codes to PostgreSQL text-search configurations."""

    index_class = LanguageIndex
    query_compiler_class = LanguageQueryCompiler

    def __init__(self, params):
        super().__init__(params)
        self.language_configs = params.get("LANGUAGE_CONFIGS", {})
        self.config = NEUTRAL_CONFIG
        self.locale_languages: dict[int, str] = {}

    def config_for(self, language_code: str | None) -> str:
        code = (language_code or "").lower()
        return (
            self.language_configs.get(code)
            or self.language_configs.get(code.split("-")[0])
            or NEUTRAL_CONFIG
        )

    def config_of(self, obj) -> str:
        if not isinstance(obj, TranslatableMixin) or not obj.locale_id:
            return NEUTRAL_CONFIG
        if obj.locale_id not in self.locale_languages:
            self.locale_languages = dict(Locale.objects.values_list("pk", "language_code"))
        return self.config_for(self.locale_languages.get(obj.locale_id))

    @contextmanager
    def configured(self, config: str) -> Iterator[None]:
        saved, self.config = self.config, config
        try:
            yield
        finally:
            self.config = saved


# Wagtail looks up a backend module's `SearchBackend` callable by this name.
def SearchBackend(params):
    """Per-language configurations on PostgreSQL, Wagtail's database backend elsewhere."""
    if connection.vendor == "postgresql":
        return LanguagePostgresSearchBackend(params)
    return DatabaseSearchBackend(params)


def stems(language_code: str | None) -> bool:
    """Whether search in this language finds other forms of a word on the active backend."""
    backend = get_search_backend()
    return isinstance(backend, LanguagePostgresSearchBackend) and (
        backend.config_for(language_code) != NEUTRAL_CONFIG
    )
