from django.urls import path

from . import views

app_name = "feedback"

urlpatterns = [
    path("feedback/useful/", views.useful, name="useful"),
    path("feedback/problem/", views.problem, name="problem"),
    path("feedback/thank-you/", views.thank_you, name="thank_you"),
]
