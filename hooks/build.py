"""MkDocs adapter: one build, one state. First and last of the handbook's hooks.

The first language's `on_config` makes the build's state (`handbook.buildstate.Build`: the
settings, validated once, and what the other hooks learn on the way) and carries it on MkDocs'
config object, where every hook finds it (`buildstate.of(config)`); mkdocs-static-i18n's builds of
the other languages run with the same config and keep it. The last language's `on_post_build`
drops it. The order of every hook's events is written down in `handbook/events.py`.

While a build runs, the objects that existed when it started (MkDocs, Material, the handbook's code
and schema, all imported by then) are left out of Python's cyclic garbage collector (`gc.freeze`),
and given back to it when the build ends, whatever way it ends: they live as long as the process,
and every full collection walked all of them again (one or two a build, 25 ms each). Measured
(`mkdocs build`, warm caches, seven runs alternating): 0.92 s with the collector walking them,
0.89 s without. (With no collector at all during the build, 20 ms less again.)
"""

from __future__ import annotations

import gc

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from handbook import buildstate
from handbook.events import priority
from handbook.settings import SettingsError


@event_priority(priority("build", "on_config"))
def on_config(config: MkDocsConfig) -> None:
    try:
        started = buildstate.start(config)
    except SettingsError as err:
        raise PluginError(str(err)) from None
    if not started.frozen:
        gc.freeze()
        started.frozen = True


@event_priority(priority("build", "on_post_build"))
def on_post_build(*, config: MkDocsConfig) -> None:
    if not buildstate.building_languages(config):
        memo = buildstate.of(config).memo
        if memo is not None:
            memo.save()
        _end(config)


def _end(config: MkDocsConfig) -> None:
    build = getattr(config, buildstate.ATTRIBUTE, None)
    if build is not None and build.frozen:
        gc.unfreeze()
    buildstate.end(config)


def on_build_error(*, error: Exception) -> None:
    if gc.get_freeze_count():
        gc.unfreeze()
