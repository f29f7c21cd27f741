"""MkDocs adapter: one build, one state. First and last of the handbook's hooks.

The first language's `on_config` makes the build's state (`handbook.buildstate.Build`: the
settings, validated once, and what the other hooks learn on the way) and carries it on MkDocs'
config object, where every hook finds it (`buildstate.of(config)`); mkdocs-static-i18n's builds of
the other languages run with the same config and keep it. The last language's `on_post_build`
drops it. The order of every hook's events is written down in `handbook/events.py`.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from handbook import buildstate
from handbook.events import priority
from handbook.settings import SettingsError


@event_priority(priority("build", "on_config"))
def on_config(config: MkDocsConfig) -> None:
    try:
        buildstate.start(config)
    except SettingsError as err:
        raise PluginError(str(err)) from None


@event_priority(priority("build", "on_post_build"))
def on_post_build(*, config: MkDocsConfig) -> None:
    if not buildstate.building_languages(config):
        memo = buildstate.of(config).memo
        if memo is not None:
            memo.save()
        buildstate.end(config)
