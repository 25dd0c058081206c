"""Drafts, publishing, history, compare, restore and approval: the staff side's machinery.

Staff always edit the content rows themselves: a row is the draft. Publishing copies
the row's fields into a PublishedCopy (models/published.py), and the public pages are
built only from those copies. So a draft change, a new question or a deleted one reaches
families only when someone with the right to publish says so, and a restored old version
(which rewrites the rows) is a draft too until it is published.

- publishing: what is published, what publishing a leaflet changes, and doing it;
- history: saved versions, read as snapshots (a leaflet's includes its questions);
- compare: the differences between two snapshots, for people;
- restore: what bringing back a version would change, and doing it once confirmed;
- approval: sending a draft to Publishers, approving it or sending it back;
- preview: the public page as it will look once a draft is published;
- diffs: word-by-word differences between two texts.
"""
