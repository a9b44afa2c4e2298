"""Month names in dates ("14 May 2031"), marked here so our catalogues decide them.

Django's Romanian catalogue capitalises month names ("14 Mai"); Romanian writes them in lower
case. Our translations take precedence over Django's, and marking the messages here keeps
`makemessages` from dropping them.
"""

from django.utils.translation import pgettext_lazy

#: The forms the `E` date format uses (genitive where a language has one: "14 травня").
MONTHS_IN_DATES = (
    pgettext_lazy("alt. month", "January"),
    pgettext_lazy("alt. month", "February"),
    pgettext_lazy("alt. month", "March"),
    pgettext_lazy("alt. month", "April"),
    pgettext_lazy("alt. month", "May"),
    pgettext_lazy("alt. month", "June"),
    pgettext_lazy("alt. month", "July"),
    pgettext_lazy("alt. month", "August"),
    pgettext_lazy("alt. month", "September"),
    pgettext_lazy("alt. month", "October"),
    pgettext_lazy("alt. month", "November"),
    pgettext_lazy("alt. month", "December"),
)
