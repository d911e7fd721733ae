"""The reading of one Vietnamese source document, computed once per text: its layout
(title, lead, headings, captions, table rows, paragraphs), its sentences with what each
states (`indicators.statements`), and the period in force at each sentence with the
sentence that set it.

    >>> from indicators.reading import read_text
    >>> reading = read_text("Năm 2024, tỉnh có 12 xã.\\nTrong đó, 8 xã đạt chuẩn.", title="Tin")
    >>> reading.sentences[1].context.label, reading.sentences[1].context.quote
    ('2024', 'Năm 2024, tỉnh có 12 xã.')
"""

from indicators.reading.context import PeriodContext, UnitContext
from indicators.reading.document import DocumentReading, SentenceReading, read_document, read_text

__all__ = ["DocumentReading", "PeriodContext", "SentenceReading", "UnitContext", "read_document", "read_text"]
