from django import template

from ..forms import form_context
from ..models import ProblemReport

register = template.Library()

NEW_REPORTS_SHOWN = 10


@register.inclusion_tag("feedback/feedback_block.html", takes_context=True)
def feedback_form(context):
    """The feedback forms for the page being shown, about its own address (so /pl/privacy/ too)."""
    request = context["request"]
    return form_context(request, request.path)


@register.simple_tag(takes_context=True)
def new_problem_reports(context):
    """The newest reports nobody has dealt with yet, for staff allowed to read them; else None."""
    if not context["request"].user.has_perm("feedback.view_problemreport"):
        return None
    waiting = ProblemReport.objects.filter(dealt_with=False)
    return {
        "count": waiting.count(),
        "latest": list(waiting.order_by("-received_on", "-pk")[:NEW_REPORTS_SHOWN]),
    }
