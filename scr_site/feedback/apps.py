from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    name = "scr_site.feedback"
    verbose_name = "Feedback from families"
