"""Proposals from an article's resolved entities, events, amounts and dates.

* each sentence with an event cue becomes at most one proposal per kind of event, its
  parties the entities named in that sentence, placed by where they stand relative to
  the cue (the target of an acquisition comes after «الاستحواذ على»); a sentence that
  names no party takes the subject of its context: for a list item, the company of the
  heading above it, otherwise the company named last before it (`events`, `article`);
* amounts and dates are those of the same sentence;
* each new company, person or product, and each new spelling of a known one, is a
  proposal of its own (`entities`);
* proposals with the same identity are one, the one that states most (`drafts`).

The sentence becomes the proposal's evidence, and later its citation's excerpt.
"""
