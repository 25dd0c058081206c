"""Who may do what to the site's content: the one home of the permission names.

The Editor and Publisher roles (auth groups, made by migration 0003) hold these. Editors
write drafts; Publishers also publish, restore and delete.
"""

APP = "leaflet"
PUBLISH = f"{APP}.publish_content"
RESTORE = f"{APP}.restore_content"

# Custom rights, declared on the Leaflet model's Meta.
CUSTOM_PERMISSIONS = [
    ("publish_content", "Can publish changes to the leaflets, pages, boards and guidance links"),
    ("restore_content", "Can restore earlier versions and deleted items"),
]


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
CONTENT_MODELS = ["leaflet", "question", "board", "guidancelink", "page"]
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
TRANSLATIONS = [
    "leaflettranslation",
    "questiontranslation",
    "boardtranslation",
    "guidancelinktranslation",
    "pagetranslation",
    "interfacetext",
]
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
