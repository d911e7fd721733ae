"""Proofs that read the whole document (`indicators.reading`), not only the quote: the
period in force at a quote's sentence, and the unit whose own publication a source is.
`indicators.evidence` runs them where the quote itself says nothing."""
