"""The words for where an item stands, used by every list, status line, history and email.

Three words, one meaning each:

- live: families see it;
- draft: unpublished changes, which families do not see;
- withdrawn: it was published, and families no longer see it (hidden or taken off).

An item is live, withdrawn or never published, and may have a draft as well.
"""

from dataclasses import dataclass

from django.db import models


class State(models.TextChoices):
    LIVE = "live", "Live"
    DRAFT = "draft", "Draft"
    WITHDRAWN = "withdrawn", "Withdrawn"


# What each state means, in the words a status line or an email uses.
MEANING = {
    State.LIVE: "families see it",
    State.DRAFT: "unpublished changes, which families do not see",
    State.WITHDRAWN: "families no longer see it",
}


@dataclass(frozen=True)
class Standing:
    """Where an item stands: what families see of it, and whether it has a draft."""

    state: State
    has_draft: bool = False

    @property
    def label(self):
        if self.state == State.DRAFT:
            return "Draft, never published"
        return f"{self.state.label}, with a draft" if self.has_draft else self.state.label

    @property
    def is_live(self):
        return self.state == State.LIVE

    @property
    def was_published(self):
        return self.state != State.DRAFT

    def __str__(self):
        return self.label


def shown(data):
    """Whether published values (or a draft's) show the item to families."""
    return data.get("show_to_families", True) is not False


def standing(copy_data, draft_data):
    """The Standing of an item from its published values (None if never published) and its draft's."""
    if copy_data is None:
        return Standing(State.DRAFT, has_draft=True)
    state = State.LIVE if shown(copy_data) else State.WITHDRAWN
    return Standing(state, has_draft=copy_data != draft_data)
