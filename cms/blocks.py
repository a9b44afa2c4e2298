"""StreamField blocks: one place for every block editors can use."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=120)

    class Meta:
        icon = "title"
        template = "components/streamfield/blocks/heading_block.html"
        label = _("Heading")
        description = _("A section heading (level 2), listed in the page outline.")
        preview_value = {"text": "Culture as the Root"}


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False)
    link_page = blocks.PageChooserBlock(label=_("Page"), required=False)
    link_url = blocks.URLBlock(label=_("Or an external address"), required=False)
    link_text = blocks.CharBlock(label=_("Button text"), max_length=60)

    class Meta:
        icon = "link"
        template = "components/streamfield/blocks/call_to_action_block.html"
        label = _("Call to action")
        description = _("A highlighted box that sends readers to one page or address.")
        preview_value = {
            "title": "Find a partner city",
            "text": "See which Baltic Sea Region cities share your challenges.",
            "link_url": "https://example.org/",
            "link_text": "Open the partner finder",
        }


class FeatureBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    text = blocks.TextBlock(label=_("Text"))
    page = blocks.PageChooserBlock(label=_("Links to"), required=False)


class FeatureListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    features = blocks.ListBlock(FeatureBlock(), label=_("Features"), min_num=1)

    class Meta:
        icon = "list-ul"
        template = "components/streamfield/blocks/feature_list_block.html"
        label = _("Feature list")
        description = _("A heading over a grid of short cards, each optionally linking to a page.")
        preview_value = {
            "heading": "What RESCOM offers",
            "features": [
                {"title": "Good-practice stories", "text": "How Cultural Pearls cities work."},
                {"title": "Learning labs", "text": "Roundtables ending in conclusions."},
            ],
        }


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        label=_("Rich text"),
        icon="pilcrow",
        template="components/streamfield/blocks/paragraph_block.html",
        description=_("Paragraphs, lists and links."),
        preview_value="<p>Culture is a driver of <b>social resilience</b>.</p>",
    )
    call_to_action = CallToActionBlock()
    feature_list = FeatureListBlock()
