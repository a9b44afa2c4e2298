"""How readers reach the programme: a contact page, so no one's e-mail address is published."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


@register_setting(icon="mail")
class ProgrammeContact(BaseGenericSetting):
    contact_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("contact page"),
        help_text=_(
            "Where “Write to the programme” links on stories and events; shown in the "
            "reader's language where translated."
        ),
    )

    panels = [FieldPanel("contact_page")]

    class Meta:
        verbose_name = _("programme contact")
