"""Public URLs of the matching half that are not pages in the tree (language-prefixed)."""

from django.urls import path

from .withdrawal import withdraw_consent_view

urlpatterns = [
    path("consent/withdraw/<str:token>/", withdraw_consent_view, name="matching_withdraw_consent"),
]
