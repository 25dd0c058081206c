from django.urls import path

from . import views

app_name = "leaflet"

urlpatterns = [
    path("", views.LeafletView.as_view(), name="home"),
    path("leaflets/<slug:slug>/", views.LeafletView.as_view(), name="detail"),
    path("preview/leaflets/<int:pk>/", views.preview_leaflet, name="preview_leaflet"),
    path("preview/questions/<int:pk>/", views.preview_question, name="preview_question"),
    path("preview/boards/<int:pk>/", views.preview_board, name="preview_board"),
    path("preview/guidance-links/<int:pk>/", views.preview_guidancelink, name="preview_guidancelink"),
    path("preview/pages/<int:pk>/", views.preview_page, name="preview_page"),
    path("<slug:slug>/", views.PageView.as_view(), name="page"),
]
