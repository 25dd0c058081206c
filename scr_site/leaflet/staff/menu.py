"""The admin's sections, named and grouped in the words staff use."""

# (heading, [model labels]); a model not listed here is shown only to superusers, under "Other".
SECTIONS = [
    (
        "Leaflet content",
        ["leaflet.leaflet", "leaflet.question", "leaflet.board", "leaflet.guidancelink", "leaflet.page"],
    ),
    ("Whole site", ["leaflet.sitenotice", "leaflet.sitesettings"]),
    ("Feedback from families", ["feedback.usefulnessanswer", "feedback.problemreport"]),
    (
        "Translations",
        [
            "leaflet.language",
            "leaflet.leaflettranslation",
            "leaflet.questiontranslation",
            "leaflet.boardtranslation",
            "leaflet.guidancelinktranslation",
            "leaflet.pagetranslation",
            "leaflet.sitenoticetranslation",
            "leaflet.interfacetext",
        ],
    ),
    ("Staff accounts", ["auth.user", "auth.group"]),
    ("Sign-in security", ["otp_totp.totpdevice", "otp_static.staticdevice", "axes.*"]),
]
# Sections only superusers see: the everyday staff never need them.
SUPERUSER_SECTIONS = {"Staff accounts", "Sign-in security"}
# Clearer names than the models' own, for the list.
NAMES = {
    "auth.group": "Roles (Editor, Publisher)",
    "otp_totp.totpdevice": "Authenticator apps",
    "otp_static.staticdevice": "One-time sign-in codes",
}


def _label(model_dict):
    meta = model_dict["model"]._meta
    return f"{meta.app_label}.{meta.model_name}"


def _section_of(label):
    for heading, labels in SECTIONS:
        if label in labels or f"{label.split('.')[0]}.*" in labels:
            return heading
    return "Other"


def _position(label):
    for _, labels in SECTIONS:
        if label in labels:
            return labels.index(label)
    return len(label)


def grouped(app_list, user):
    """Django's app list regrouped into SECTIONS, hiding what only superusers use."""
    sections = {}
    for app in app_list:
        for model_dict in app["models"]:
            label = _label(model_dict)
            heading = _section_of(label)
            if not user.is_superuser and (heading in SUPERUSER_SECTIONS or heading == "Other"):
                continue
            model_dict["name"] = NAMES.get(label, model_dict["name"])
            sections.setdefault(heading, []).append(model_dict)
    order = [heading for heading, _ in SECTIONS] + ["Other"]
    return [
        {
            "name": heading,
            "app_label": heading.lower().replace(" ", "-"),
            "app_url": "",
            "has_module_perms": True,
            "models": sorted(sections[heading], key=lambda m: (_position(_label(m)), m["name"])),
        }
        for heading in order
        if heading in sections
    ]
