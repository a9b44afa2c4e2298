from django.urls import path

from home import views

urlpatterns = [
    path("untranslated/<int:page_id>/", views.untranslated, name="untranslated"),
]
