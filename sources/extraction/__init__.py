"""Finding facts in article text: amounts of money and dates, in Arabic and English.

Each extractor returns mentions with their character offsets in the original text, so
the sentence around a mention can become a citation's excerpt.
"""
