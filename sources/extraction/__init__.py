"""Finding facts in article text and proposing records from them, in Arabic and English.

The stages, in the order `pipeline.extract` runs them:

* text: `sentences` cuts the text into sentences and words of one script;
* mentions: `entities` (names the alias index knows), `names` (new names, by their
  cues), `money`, `dates` and `events` (the words that say what happened), each with
  its character offsets in the original text, so the sentence around a mention can
  become a citation's excerpt;
* resolve: `resolve` says which entity each name is, the one stage that reads the
  database (through `companies.selectors` and `deals.selectors`);
* propose: `propose` drafts the proposals, sentence by sentence.
"""
