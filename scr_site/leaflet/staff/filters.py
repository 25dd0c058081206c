from django.contrib import admin

from ..links.checker import BROKEN, REDIRECTED, UNCHECKED, WORKING


class LinkCheckFilter(admin.SimpleListFilter):
    title = "last link check"
    parameter_name = "link_check"
    outcomes = {
        "broken": ("Broken", BROKEN),
        "redirected": ("Moved (still works)", REDIRECTED),
        "working": ("Working", WORKING),
        "unchecked": ("Not checked yet", UNCHECKED),
    }

    def lookups(self, request, model_admin):
        return [(key, label) for key, (label, _) in self.outcomes.items()]

    def queryset(self, request, queryset):
        if self.value() in self.outcomes:
            return queryset.filter(self.outcomes[self.value()][1])
        return queryset
