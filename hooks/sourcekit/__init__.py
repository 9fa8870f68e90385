"""The content pipeline of the site: load → clean → segment → correct → annotate → render.

Every stage is plain Python that the tests import without MkDocs. The MkDocs hooks in
``hooks/*.py`` only route data between MkDocs and these functions.
"""
