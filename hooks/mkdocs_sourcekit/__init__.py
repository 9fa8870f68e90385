"""The MkDocs side of the site: one plugin (``plugin.py``) over the pure pipeline in ``sourcekit``.

Each module does one job for the plugin; none imports MkDocs' hooks or another plugin's
internals, except ``i18n.py``, the one place that reads mkdocs-static-i18n's.
"""
