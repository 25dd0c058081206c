"""Who may do what to the site's content: the one home of the permission names.

The Editor and Publisher roles (auth groups, made by migration 0003) hold these. Editors
write drafts; Publishers also publish, restore and delete. The content and translation
models each role edits are the registry's (registry.py).

The two rights of their own (publishing and restoring) are declared on the Leaflet model's
Meta, where Django creates them, and named here: the models never import this module, so it
can build on the registry, which imports the models.
"""

from .registry import ENGLISH, PUBLISHED_TRANSLATIONS

APP = "leaflet"
PUBLISH = f"{APP}.publish_content"
RESTORE = f"{APP}.restore_content"


def can_publish(user):
    return user.has_perm(PUBLISH)


def can_restore(user):
    return user.has_perm(RESTORE)


def model_permission(action, model):
    """The full permission name Django gives a model's view/add/change/delete right."""
    return f"{model._meta.app_label}.{action}_{model._meta.model_name}"


def can(user, action, model):
    return user.has_perm(model_permission(action, model))


# The two roles, as the migrations set them up. Kept here too so tests that empty the
# database can make them again exactly as deployed.
CONTENT_MODELS = [model._meta.model_name for model in ENGLISH]
EDITOR = [f"{action}_{model}" for model in CONTENT_MODELS for action in ("view", "add", "change")] + [
    "view_sitenotice",
    "view_sitesettings",
]
PUBLISHER = (
    EDITOR
    + [f"delete_{model}" for model in CONTENT_MODELS]
    + ["publish_content", "restore_content"]
    + ["add_sitenotice", "change_sitenotice", "delete_sitenotice", "add_sitesettings", "change_sitesettings"]
)
TRANSLATIONS = [model._meta.model_name for model in PUBLISHED_TRANSLATIONS]
EDITOR += [f"{action}_{model}" for model in TRANSLATIONS for action in ("view", "add", "change")] + [
    "view_language",
    "view_sitenoticetranslation",
]
PUBLISHER += (
    [f"{action}_{model}" for model in TRANSLATIONS for action in ("view", "add", "change", "delete")]
    + ["view_language", "add_language", "change_language", "delete_language"]
    + [f"{action}_sitenoticetranslation" for action in ("view", "add", "change", "delete")]
)
# Families' feedback (scr_site/feedback): Editors read it; Publishers also mark reports dealt with.
FEEDBACK_EDITOR = ["view_usefulnessanswer", "view_problemreport"]
FEEDBACK_PUBLISHER = [*FEEDBACK_EDITOR, "mark_dealt_with", "delete_problemreport"]

# Each role's rights as "app_label.codename".
ROLES = {
    "Editor": [f"{APP}.{name}" for name in EDITOR] + [f"feedback.{name}" for name in FEEDBACK_EDITOR],
    "Publisher": [f"{APP}.{name}" for name in PUBLISHER]
    + [f"feedback.{name}" for name in FEEDBACK_PUBLISHER],
}


def role_permissions(role):
    """The Permission rows a role holds, for making the role again where the database was emptied."""
    from django.contrib.auth.models import Permission
    from django.db.models import Q

    wanted = Q(pk__in=[])
    for name in ROLES[role]:
        app_label, codename = name.split(".")
        wanted |= Q(content_type__app_label=app_label, codename=codename)
    return Permission.objects.filter(wanted)
