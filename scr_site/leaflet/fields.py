from django import forms
from django.db import models

from .validators import http_url_validator


class WebAddressFormField(forms.URLField):
    default_validators = [http_url_validator]
    default_error_messages = {"invalid": http_url_validator.message}

    def __init__(self, **kwargs):
        # Staff often paste "www.gov.uk/..." without the scheme: assume the secure one.
        kwargs.setdefault("assume_scheme", "https")
        super().__init__(**kwargs)


class WebAddressField(models.URLField):
    """A URL that families can open in a browser: http or https only, never javascript: or data:."""

    default_validators = [http_url_validator]

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": WebAddressFormField, **kwargs})
