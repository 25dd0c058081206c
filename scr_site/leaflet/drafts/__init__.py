"""Drafts, publishing, history, compare, restore and approval: the staff side's machinery.

Staff always edit the content rows themselves: a row is the draft. Publishing copies
the row's fields into a PublishedCopy (models/published.py), and the public pages are
built only from those copies. So a draft change or a new question reaches families only
when someone with the right to publish says so, and a restored old version (which rewrites
the rows) is a draft too until it is published. Deleting withdraws at once.

The publishing core, which every path goes through:
- states: the words for where an item stands (live, draft, withdrawn);
- publication: what publishing an item would put live, captured at one moment;
- publishing: the one publish action, and withdrawing;
- activity: each step, kept as a typed event.

Around it:
- approval: sending a draft to Publishers, approving exactly what was sent, or sending it back;
- preview: the live page builder over a Publication, with a banner;
- history: saved versions, read as snapshots (a leaflet's includes its questions);
- compare: the differences between two snapshots, for people;
- restore: what bringing back a version would change, and doing it once confirmed;
- status: the line at the top of every edit page;
- translations: translations the English has moved on from;
- diffs: word-by-word differences between two texts.
"""
