"""The two checks that make every number traceable: the quote is in the
source, and the value is a number the quote states."""

from __future__ import annotations

from indicators.numbers import NumberMention, find_numbers, mention_states, same_number
from indicators.vocabulary import SCALE_WORDS, SCALES


def value_in_quote(
    quote: str, value: float, scale: float, out_of: float | None = None, absolute: bool = False
) -> str | None:
    """None when the quote states the value; otherwise a sentence saying why not,
    listing the numbers the quote does state.

    `value` is in units of `scale` (the indicator's factor: 1e6 for "triệu", so a
    value of 35 is stated by "35 triệu" or "35.000.000"). With `out_of`, the quote
    must state the fraction `value/out_of` ("86/193"). `absolute` accepts the value
    without its sign ("giảm 3 bậc" states -3). Never raises.

    >>> value_in_quote("hiện có 35 triệu tài khoản", 35, 1e6) is None
    True
    >>> value_in_quote("hiện có 35 triệu tài khoản", 3.5, 1e6)
    "3.5 × 1,000,000 = 3,500,000 is not a number stated in the quote (numbers found: '35 triệu' = 35,000,000)"
    """
    if out_of is None and not absolute and plainly_stated(quote, value, scale):
        return None
    mentions = find_numbers(quote)
    if stating_mentions(mentions, value, scale, out_of, absolute):
        return None
    if out_of is not None:
        return f"the quote does not state {_plain(value)}/{_plain(out_of)}{_found(mentions)}"
    scaled = f" × {_plain(scale)} = {_plain(value * scale)}" if scale != 1 else ""
    return f"{_plain(value)}{scaled} is not a number stated in the quote{_found(mentions)}"


def stating_mentions(
    mentions: list[NumberMention], value: float, scale: float, out_of: float | None = None, absolute: bool = False
) -> list[NumberMention]:
    """The mentions that state `value` (in units of `scale`), or `value/out_of` when `out_of` is given."""
    if out_of is not None:
        return [
            mention
            for mention in mentions
            if mention.denominator is not None
            and same_number(mention.denominator, out_of)
            and mention_states(mention, value, 1.0, absolute)
        ]
    return [mention for mention in mentions if mention_states(mention, value, scale, absolute)]


def _found(mentions: list[NumberMention]) -> str:
    if not mentions:
        return " (it contains no number)"
    listed = ", ".join(f"'{mention.text}' = {_plain(mention.value * mention.scale)}" for mention in mentions[:8])
    return f" (numbers found: {listed})"


def _plain(number: float) -> str:
    """Grouped digits below 1e15 (`115,300,000,000`, never `1.153e+11`); above, 6 significant digits."""
    return f"{number:,.15g}" if abs(number) < 1e15 else f"{number:.6g}"


_SCALE_WORDS_FOR = {scale.factor: scale.written for scale in SCALES.values() if scale.written}
_ANY_SCALE_WORD = tuple(SCALE_WORDS)


def _written_forms(value: float) -> tuple[str, ...]:
    """How a value is commonly written, Vietnamese first: `63.942`, `63942`, `14,96`, `1.96`."""
    value = float(value)
    if value.is_integer() and -1e16 < value < 1e16:  # the common case, without float repr
        whole, fraction = str(int(value)), ""
    else:
        text = repr(value)
        if "e" in text or "n" in text:
            return ()
        whole, _, fraction = text.partition(".")
    digits = whole.lstrip("-")
    if len(digits) <= 3:
        return (whole,) if not fraction else (f"{whole},{fraction}", f"{whole}.{fraction}")
    grouped = whole[: len(whole) - len(digits)] + _group_thousands(digits)
    if not fraction:
        return grouped, whole
    return f"{grouped},{fraction}", f"{whole},{fraction}", f"{whole}.{fraction}"


def _group_thousands(digits: str) -> str:
    """`1234567` -> `1.234.567`."""
    if len(digits) <= 6:
        return f"{digits[:-3]}.{digits[-3:]}"
    head = len(digits) % 3 or 3
    return ".".join([digits[:head], *(digits[index : index + 3] for index in range(head, len(digits), 3))])


def plainly_stated(quote: str, value: float, scale: float) -> bool:
    """A quick yes for the common case: the value written out in the quote,
    as a whole token, with the scale word the unit needs (and none when it
    needs none). Anything else goes to the full parser, so no answer differs."""
    words = _SCALE_WORDS_FOR.get(scale, ()) if scale != 1 else ()
    if scale != 1 and not words:
        return False
    for form in _written_forms(value):
        start = quote.find(form)
        while start >= 0:
            end = start + len(form)
            if _whole_token(quote, start, end):
                word = _scale_word_at(quote[end:].lstrip())
                if word in words or (word is None and not words):
                    return True
            start = quote.find(form, start + 1)
    return False


def _scale_word_at(text: str) -> str | None:
    """The (longest) scale word `text` starts with, as a whole word: "nghìn tỷ", not "nghìn"."""
    return next(
        (word for word in _ANY_SCALE_WORD if text.startswith(word) and not text[len(word) : len(word) + 1].isalpha()),
        None,
    )


def _whole_token(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else " "
    if before.isalnum() or before in "/.,":
        return False
    after = text[end : end + 2]
    if not after:
        return True
    if after[0].isdigit() or after[0] == "/":
        return False
    return not (after[0] in ".," and after[1:2].isdigit())
