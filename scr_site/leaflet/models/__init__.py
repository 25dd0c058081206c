"""The leaflet app's models.

- content: what staff edit (leaflets, their questions, boards, guidance links, pages);
- published: the published copies families see;
- activity: each step of publishing, as a typed event;
- approval: drafts sent to a Publisher for approval;
- reviews: review dates and the reminders sent about them;
- site: site-wide settings and notices, and what load_content has created;
- languages: the languages offered to families;
- translations: each item's words in them.
"""

from .activity import Activity
from .approval import ApprovalRequest
from .content import Board, GuidanceLink, Leaflet, Page, Question
from .languages import Language
from .published import PublishedCopy
from .reviews import ReviewReminder, a_year_after_today
from .site import SeededItem, SiteNotice, SiteSettings
from .translations import (
    BoardTranslation,
    GuidanceLinkTranslation,
    InterfaceText,
    LeafletTranslation,
    PageTranslation,
    QuestionTranslation,
    SiteNoticeTranslation,
)

__all__ = [
    "Activity",
    "ApprovalRequest",
    "Board",
    "BoardTranslation",
    "GuidanceLink",
    "GuidanceLinkTranslation",
    "InterfaceText",
    "Language",
    "Leaflet",
    "LeafletTranslation",
    "Page",
    "PageTranslation",
    "PublishedCopy",
    "Question",
    "QuestionTranslation",
    "ReviewReminder",
    "SeededItem",
    "SiteNotice",
    "SiteNoticeTranslation",
    "SiteSettings",
    "a_year_after_today",
]
