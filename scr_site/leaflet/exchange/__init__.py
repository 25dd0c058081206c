"""Files for translation agencies: what a language still needs, out as XLIFF 1.2 and back in as drafts.

- segments: every piece of text that can be translated, its stable id, where it appears and
  its length limit, and which of them a language still needs;
- xliff: writing and safely reading XLIFF 1.2 files;
- checks: what a translation must keep from the English (links, bold terms, list items,
  {placeholders}, the length limit);
- importing: checking a returned file as a whole and saving it as drafts.
"""
