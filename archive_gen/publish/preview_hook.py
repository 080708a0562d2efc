"""MkDocs hook file used only by ``archive-gen serve`` (see :mod:`archive_gen.publish.serve`)."""

from archive_gen.publish import serve
from archive_gen.render.context import COMPILED


def on_serve(server, config, builder, **kwargs):
    # docs/ is generated in on_pre_build, before MkDocs reads it: watching it too would
    # only trigger a second, empty build after every content edit.
    server.unwatch(config.docs_dir)
    for path in config.watch:  # content/: file events, not polling (serve.watch_by_events)
        serve.watch_by_events(server, path)
    return server


def on_pre_build(config, **kwargs):
    serve.before_build()


def on_nav(nav, config, files, **kwargs):
    serve.remember("nav", nav)
    return nav


def on_env(env, config, files, **kwargs):
    env.bytecode_cache = COMPILED  # each rebuild's new environment: the theme is not compiled again
    serve.remember("env", env)
    serve.remember("files", files)
    return env


def on_post_build(config, **kwargs):
    serve.built(config)
