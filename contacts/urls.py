"""Public URLs about a person's data that are not pages in the tree (language-prefixed)."""

from django.urls import path

from contacts.withdrawal import withdraw_consent_view

urlpatterns = [
    # Named as the public templates call it; the address is the one e-mailed links carry.
    path("consent/withdraw/<str:token>/", withdraw_consent_view, name="withdraw_consent"),
]
