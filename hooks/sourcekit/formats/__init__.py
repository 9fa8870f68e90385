"""Format readers: each turns the text of one seed into drafts (see ``drafts.py``).

A format is one module with ``read(text: str) -> Reading``; ``READERS`` names them, and the
catalogue may say which one a text needs (``format:``); without it, the format is guessed
from the text (:func:`guess`).
"""
