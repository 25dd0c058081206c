"""What the public pages read, in one place.

Every model a family's page is built from is listed here once, with how it reaches them:

- PUBLISHED: staff edit the row as a draft; families see its published copy
  (models/published.py), which changes only when someone publishes it;
- LIVE: read as saved (site settings, notices, languages): a change shows at once.

The page cache, the saved outage copies, publishing, withdrawing on delete, history, the
roles, the admin, the content/ loader and exporters, the translators' files, the test
languages and the out-of-date lists all derive from these lists. A new translation model is
listed here once, with its FIELDS, KIND and WHERE on the model; what no list can give (how
content/ lays it out, the roles' migration) tests/test_registry.py asks for. A model the site
stores but no public page reads is named in NOT_PUBLIC with the reason, so a test can check
that every model is one or the other.
"""

from dataclasses import dataclass

from .models import (
    Board,
    BoardTranslation,
    GuidanceLink,
    GuidanceLinkTranslation,
    InterfaceText,
    Language,
    Leaflet,
    LeafletTranslation,
    Page,
    PageTranslation,
    Question,
    QuestionTranslation,
    SiteNotice,
    SiteNoticeTranslation,
    SiteSettings,
)
from .models.translations import Translation

# The English content, in the order a family reads it, then its translations.
ENGLISH = (Leaflet, Question, Board, GuidanceLink, Page)
# Shown on every leaflet's page after its own questions, so published with any leaflet; a
# leaflet's translation is published with their translations and the interface words.
ON_EVERY_LEAFLET = (Board, GuidanceLink)
PUBLISHED = (
    *ENGLISH,
    LeafletTranslation,
    QuestionTranslation,
    BoardTranslation,
    GuidanceLinkTranslation,
    PageTranslation,
    InterfaceText,
)


@dataclass(frozen=True)
class Live:
    """A model public pages read as saved. `shown` names the box that, unticked, withdraws a row."""

    model: type
    shown: str | None = None


LIVE = (
    Live(SiteSettings),
    Live(SiteNotice, shown="show_to_families"),
    Live(SiteNoticeTranslation),
    Live(Language, shown="offered"),
)
LIVE_MODELS = tuple(live.model for live in LIVE)

# Every translation model, and those of them that are published (notices' show when saved).
TRANSLATIONS = tuple(model for model in (*PUBLISHED, *LIVE_MODELS) if issubclass(model, Translation))
PUBLISHED_TRANSLATIONS = tuple(model for model in PUBLISHED if issubclass(model, Translation))
# The translations of one English item each (the interface words translate no item).
ITEM_TRANSLATIONS = tuple(model for model in PUBLISHED_TRANSLATIONS if model is not InterfaceText)
TRANSLATION_OF = {model.english_model(): model for model in TRANSLATIONS if model is not InterfaceText}

# Stored by the site, read by no public page: "app_label.ModelName": why.
NOT_PUBLIC = {
    "leaflet.PublishedCopy": "the published copies themselves: read for every model in PUBLISHED",
    "leaflet.ApprovalRequest": "staff's requests for approval, shown only in the admin",
    "leaflet.Activity": "the publishing history, shown only in the admin",
    "leaflet.ReviewReminder": "when a review reminder was last emailed, used only by review_reminders",
    "leaflet.SeededItem": "what load_content has created, so a deleted item stays deleted",
    "feedback.UsefulnessAnswer": "families' answers, written by a page's form, read only in the admin",
    "feedback.ProblemReport": "families' reports, written by a page's form, read only in the admin",
    "feedback.RecentPosts": "counts of posts for the rate limit, read only when a form is sent",
    "feedback.DigestSent": "when the weekly feedback summary was last emailed",
    "admin.LogEntry": "the admin's own record of changes",
    "auth.Permission": "staff rights",
    "auth.Group": "staff roles",
    "auth.User": "staff accounts",
    "contenttypes.ContentType": "Django's index of models; published copies refer to it, never change it",
    "sessions.Session": "staff sign-ins: public pages set no session",
    "reversion.Revision": "saved versions, for history and restore in the admin",
    "reversion.Version": "saved versions, for history and restore in the admin",
    "axes.AccessAttempt": "failed staff sign-ins, for the lockout",
    "axes.AccessFailureLog": "failed staff sign-ins, for the lockout",
    "axes.AccessAttemptExpiration": "failed staff sign-ins, for the lockout",
    "axes.AccessLog": "staff sign-ins, for the lockout",
    "otp_totp.TOTPDevice": "staff's authenticator apps for two-factor sign-in",
    "otp_static.StaticDevice": "staff's backup codes for two-factor sign-in",
    "otp_static.StaticToken": "staff's backup codes for two-factor sign-in",
}


def translation_of(english_model):
    """The translation model of an English model, or None."""
    return TRANSLATION_OF.get(english_model)


def is_published(model):
    return model in PUBLISHED
