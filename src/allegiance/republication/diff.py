"""Side-by-side word diff of an origin and its copy, as an HTML fragment for the report.

The diff is on words, not characters or lines: a copy that was re-paragraphed shows no
change (whitespace is not compared), while a changed word, a cut paragraph or an added
comment is marked. All text goes through :func:`html.escape`; only the fragment's own
``<div>``, ``<ins>`` and ``<del>`` tags are markup.
"""

from __future__ import annotations

import html
import re
from difflib import SequenceMatcher

_TOKEN = re.compile(r"\S+\s*")
MAX_TOKENS = 20_000  # SequenceMatcher is quadratic in the worst case; longer texts are cut


# Typographic variants a republishing site's CMS changes on its own ("smart" quotes, dashes):
# compared as their plain forms so they are not shown as edits.
_PLAIN = str.maketrans({"\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2018": "'",
                        "\u2019": "'", "\u2013": "-", "\u2014": "-", "\u00a0": " "})


def _tokens(text: str) -> tuple[list[str], list[str]]:
    """(raw tokens with their trailing whitespace, tokens compared)."""
    raw = _TOKEN.findall(text.strip())[:MAX_TOKENS]
    return raw, [t.rstrip().translate(_PLAIN) for t in raw]


def _render(raw: list[str]) -> str:
    return html.escape("".join(raw))


def diff_ops(origin_text: str, copy_text: str) -> list[tuple[str, str, str]]:
    """``(op, origin_part, copy_part)`` with op in equal/delete/insert/replace."""
    o_raw, o_cmp = _tokens(origin_text)
    c_raw, c_cmp = _tokens(copy_text)
    sm = SequenceMatcher(None, o_cmp, c_cmp, autojunk=False)
    return [(op, "".join(o_raw[i1:i2]), "".join(c_raw[j1:j2]))
            for op, i1, i2, j1, j2 in sm.get_opcodes()]


def render_family_diff_html(origin_text: str, copy_text: str) -> str:
    """Origin and copy in two columns: origin-only text in ``<del>``, copy-only in ``<ins>``.

    Returns a self-contained fragment (inline styles only) that a report can embed.
    """
    left: list[str] = []
    right: list[str] = []
    for op, o_part, c_part in diff_ops(origin_text, copy_text):
        if op == "equal":
            left.append(html.escape(o_part))
            right.append(html.escape(c_part))
            continue
        if o_part:
            left.append(f"<del>{html.escape(o_part)}</del>")
        if c_part:
            right.append(f"<ins>{html.escape(c_part)}</ins>")
    col = ('<div class="republication-diff-col" style="flex:1;min-width:0;white-space:pre-wrap;'
           'overflow-wrap:anywhere">')
    return (
        '<div class="republication-diff" style="display:flex;gap:1em">'
        f'{col}<div class="republication-diff-label"><strong>origin</strong></div>'
        f'{"".join(left)}</div>'
        f'{col}<div class="republication-diff-label"><strong>copy</strong></div>'
        f'{"".join(right)}</div>'
        "</div>"
    )
