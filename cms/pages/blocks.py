"""StreamField blocks: one place for every block editors can use, each with help and a preview."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

# A deliberate list: two heading levels below the block heading, emphasis, lists and links.
# No h2 (the heading block owns it), no images or embeds inside text (their blocks carry
# alt text and captions), no code or raw HTML.
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


class ImageWithCaptionBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(
        label=_("Caption"), required=False, max_length=250, help_text=_("Shown under the image.")
    )
    credit = blocks.CharBlock(
        label=_("Credit"), required=False, max_length=120, help_text=_("Who made the image.")
    )

    class Meta:
        icon = "image"
        template = "components/streamfield/blocks/image_block.html"
        label = _("Image")
        description = _(
            "An image with alt text (what it shows, for readers who cannot see it) and a caption."
        )

    def get_preview_value(self):
        from wagtail.images import get_image_model

        image = get_image_model().objects.order_by("pk").first()
        if image is None:
            return self.get_default()
        return self.to_python(
            {
                "image": {"image": image.pk, "alt_text": image.title, "decorative": False},
                "caption": "A reading room turned into a meeting place.",
                "credit": "RESCOM",
            }
        )


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(
        label=_("Attribution"),
        required=False,
        max_length=160,
        help_text=_("Who said it, by role and organisation, e.g. “Librarian, Härnösand”."),
    )

    class Meta:
        icon = "openquote"
        template = "components/streamfield/blocks/quote_block.html"
        label = _("Quote")
        description = _("A short quotation set apart from the text.")
        preview_value = {
            "quote": "Social resilience is about a community's ability to overcome hardship together.",
            "attribution": "BSR Cultural Pearls",
        }


class KeyFigureBlock(blocks.StructBlock):
    figure = blocks.CharBlock(label=_("Figure"), max_length=20, help_text=_("e.g. 120 or 35%."))
    label = blocks.CharBlock(label=_("What it counts"), max_length=120)


class KeyFiguresBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=120)
    figures = blocks.ListBlock(KeyFigureBlock(), label=_("Figures"), min_num=1, max_num=6)

    class Meta:
        icon = "table"
        template = "components/streamfield/blocks/key_figures_block.html"
        label = _("Key figures")
        description = _("Up to six numbers with what each one counts, shown large.")
        preview_value = {
            "heading": "In figures",
            "figures": [
                {"figure": "5", "label": "partner organisations"},
                {"figure": "10,000 to 100,000", "label": "inhabitants in the cities we focus on"},
            ],
        }


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Title"),
        required=False,
        max_length=160,
        help_text=_("Leave empty to use the document's own title."),
    )
    description = blocks.TextBlock(
        label=_("Description"), required=False, help_text=_("What the reader will find in it.")
    )

    class Meta:
        icon = "doc-full"
        template = "components/streamfield/blocks/document_link_block.html"
        label = _("Document")
        description = _("A link to download a document, with its type and size.")

    def get_preview_value(self):
        from wagtail.documents import get_document_model

        document = get_document_model().objects.order_by("pk").first()
        if document is None:
            return self.get_default()
        return self.to_python(
            {
                "document": document.pk,
                "title": "",
                "description": "A guide for city teams planning their first pilot.",
            }
        )


class AccordionItemBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=160)
    content = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Content"))


class AccordionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=120)
    items = blocks.ListBlock(AccordionItemBlock(), label=_("Items"), min_num=1)

    class Meta:
        icon = "list-ul"
        template = "components/streamfield/blocks/accordion_block.html"
        label = _("Accordion")
        description = _(
            "Questions or sections that readers open one at a time; works without scripts."
        )
        preview_value = {
            "heading": "Questions",
            "items": [
                {
                    "title": "Who can take part?",
                    "content": "<p>Local authorities of mid-sized cities.</p>",
                },
                {"title": "What does it cost?", "content": "<p>Nothing.</p>"},
            ],
        }


class EmbedWithTitleBlock(blocks.StructBlock):
    embed = EmbedBlock(
        label=_("Address"), help_text=_("A video or slides address, e.g. from YouTube or Vimeo.")
    )
    title = blocks.CharBlock(
        label=_("Title"),
        max_length=160,
        help_text=_("What the embedded content is; screen readers announce it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "media"
        template = "components/streamfield/blocks/embed_block.html"
        label = _("Embed")
        description = _("A video or slides from another site, with a title and caption.")
        preview_value = {
            "embed": "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
            "title": "Webinar recording",
            "caption": "The recording of a webinar.",
        }


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        label=_("Rich text"),
        icon="pilcrow",
        template="components/streamfield/blocks/paragraph_block.html",
        description=_("Paragraphs, subheadings, lists and links."),
        preview_value="<p>Culture is a driver of <b>social resilience</b>.</p>",
    )
    image = ImageWithCaptionBlock()
    quote = QuoteBlock()
    key_figures = KeyFiguresBlock()
    document = DocumentLinkBlock()
    call_to_action = CallToActionBlock()
    accordion = AccordionBlock()
    embed = EmbedWithTitleBlock()
    feature_list = FeatureListBlock()
