"""MkDocs adapter: no line in a clean build that a newcomer takes for an error.

mkdocs-static-i18n says, for every language of the offline copy, that `extra.alternate` links
"should be an absolute path '/' and end with a trailing '/'": they are `index.html` links on
purpose there (file:// has no directory URLs). That one message is dropped; everything else the
plugin says is kept.
"""

from __future__ import annotations

import logging

I18N_LOGGER = "mkdocs.plugins.mkdocs_static_i18n.reconfigure"
DROPPED = ("The 'extra.alternate' configuration contains a 'link' option that should be an absolute path",)


class _DropKnownNoise(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not any(text in record.getMessage() for text in DROPPED)


def on_config(config):
    logger = logging.getLogger(I18N_LOGGER)
    if not any(isinstance(f, _DropKnownNoise) for f in logger.filters):
        logger.addFilter(_DropKnownNoise())
    return config
