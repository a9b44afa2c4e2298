"""schema.org data (JSON-LD) for articles and events, and the social-preview image."""

from django.conf import settings

from cms.pages.sanitising import safe_url

PUBLISHER = {
    "@type": "Organization",
    "name": "RESCOM: Resilient Communities Learning Platform",
    "parentOrganization": {
        "@type": "Organization",
        "name": "Council of the Baltic Sea States Secretariat",
    },
}
SOCIAL_IMAGE_SPEC = "fill-1200x630"


def absolute_image_url(image, request) -> str | None:
    """The full address of the social-preview rendition of `image`."""
    if image is None:
        return None
    url = image.get_rendition(SOCIAL_IMAGE_SPEC).url
    if url.startswith(("http://", "https://")):
        return url
    if request is not None:
        return request.build_absolute_uri(url)
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url


def article_data(page, request, schema_type: str = "Article") -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": schema_type,
        "headline": page.title,
        "description": page.listing_summary,
        "url": page.get_full_url(request),
        "inLanguage": page.locale.language_code,
        "publisher": PUBLISHER,
    }
    if page.first_published_at:
        data["datePublished"] = page.first_published_at.isoformat()
    if page.last_published_at:
        data["dateModified"] = page.last_published_at.isoformat()
    image = absolute_image_url(page.og_image(), request)
    if image:
        data["image"] = image
    return data


ATTENDANCE_MODES = {
    "online": "https://schema.org/OnlineEventAttendanceMode",
    "venue": "https://schema.org/OfflineEventAttendanceMode",
    "hybrid": "https://schema.org/MixedEventAttendanceMode",
}


def event_data(event, request) -> dict:
    address = event.get_full_url(request)
    online = {"@type": "VirtualLocation", "url": address}
    venue = {"@type": "Place", "name": event.venue or event.title}
    if event.venue_address:
        venue["address"] = event.venue_address
    locations = {"online": online, "venue": venue, "hybrid": [venue, online]}
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.listing_summary,
        "url": address,
        "startDate": event.local_start.isoformat(),
        "endDate": event.local_end.isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": ATTENDANCE_MODES[event.attendance],
        "location": locations[event.attendance],
        "inLanguage": list(event.languages),
        "organizer": PUBLISHER,
    }
    registration_url = safe_url(event.registration_url)
    if event.registration_open and registration_url:
        data["offers"] = {
            "@type": "Offer",
            "url": registration_url,
            "availability": "https://schema.org/InStock",
        }
        if event.registration_deadline:
            data["offers"]["validThrough"] = event.registration_deadline.isoformat()
    return data
