"""The two checks that make every number traceable: the quote is in the
source, and the value is a number the quote states."""

from __future__ import annotations

import re
import unicodedata

from indicators.numbers import NumberMention, find_numbers, mention_states, same_number

_WHITESPACE = re.compile(r"\s+")


def fold(text: str) -> str:
    """NFC and whitespace folding: the only differences a quote may have."""
    return _WHITESPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def quote_offset(quote: str, folded_source: str) -> int:
    """Offset of the quote in the folded source text, or -1."""
    return folded_source.find(fold(quote))


def value_in_quote(
    quote: str, value: float, scale: float, out_of: float | None = None, absolute: bool = False
) -> str | None:
    """None when the quote states the value (and out_of); otherwise why not."""
    mentions = find_numbers(quote)
    if out_of is not None:
        for mention in mentions:
            if (
                mention.denominator is not None
                and same_number(mention.denominator, out_of)
                and mention_states(mention, value, 1.0, absolute)
            ):
                return None
        return f"the quote does not state {_plain(value)}/{_plain(out_of)}{_found(mentions)}"
    if any(mention_states(mention, value, scale, absolute) for mention in mentions):
        return None
    scaled = f" × {_plain(scale)} = {_plain(value * scale)}" if scale != 1 else ""
    return f"{_plain(value)}{scaled} is not a number stated in the quote{_found(mentions)}"


def _found(mentions: list[NumberMention]) -> str:
    if not mentions:
        return " (it contains no number)"
    listed = ", ".join(f"'{mention.text}' = {_plain(mention.value * mention.scale)}" for mention in mentions[:8])
    return f" (numbers found: {listed})"


def _plain(number: float) -> str:
    return f"{number:,.10g}" if abs(number) < 1e15 else f"{number:.6g}"
