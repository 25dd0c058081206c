"""Counting the answers to "Is this page useful?", for the admin, its CSV and the weekly email."""

import csv

from django.db.models import Count, Q
from django.db.models.functions import TruncMonth
from django.http import HttpResponse

from .models import UsefulnessAnswer

# A spreadsheet treats a cell starting with one of these as a formula to run.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def list_monthly_counts(answers=None):
    """Yes and No for each page in each month, newest month first, as a list of dicts."""
    answers = UsefulnessAnswer.objects.all() if answers is None else answers
    return list(
        answers.annotate(month=TruncMonth("received_on"))
        .values("month", "page")
        .annotate(yes=Count("pk", filter=Q(useful=True)), no=Count("pk", filter=Q(useful=False)))
        .order_by("-month", "page")
    )


def list_page_counts(answers):
    """Yes and No for each page over the given answers, as a list of dicts."""
    return list(
        answers.values("page")
        .annotate(yes=Count("pk", filter=Q(useful=True)), no=Count("pk", filter=Q(useful=False)))
        .order_by("page")
    )


def spreadsheet_cell(value):
    """The value as text a spreadsheet will show, never run: what families type could start with =."""
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(_FORMULA_STARTS) else text


def csv_download(filename, header, rows):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # Marks the file as UTF-8, so Excel shows "£" and accents as typed.
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(header)
    writer.writerows([spreadsheet_cell(value) for value in row] for row in rows)
    return response
