from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms.api.v2 import wagtail_api
from cms.events import calendar
from cms.feeds import views as feeds
from cms.search.views import search
from cms.seo import sitemap as crawlers
from matching.api import api as matching_api

# A body too large or malformed to read gets a page in the visitor's language.
handler400 = "home.views.bad_request"
handler404 = "home.views.page_not_found"
# A lost database connection answers 503 with a page in the visitor's language (cms.outage).
handler500 = "cms.outage.server_error"

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", crawlers.sitemap, name="sitemap"),
    path("robots.txt", crawlers.robots_txt, name="robots_txt"),
    path("api/v1/", matching_api.urls),
    path("api/v2/", wagtail_api.urls),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Everything a visitor reads lives under a language prefix; the bare root redirects by
# the browser's preferred language (LocaleMiddleware).
urlpatterns += i18n_patterns(
    path("", include("home.urls")),
    path("search/", search, name="search"),
    path("feeds/stories/", feeds.StoryFeed(), name="feed_stories"),
    path("feeds/stories/atom/", feeds.StoryAtomFeed(), name="feed_stories_atom"),
    path("feeds/conclusions/", feeds.ConclusionsFeed(), name="feed_conclusions"),
    path("feeds/conclusions/atom/", feeds.ConclusionsAtomFeed(), name="feed_conclusions_atom"),
    path("feeds/events/", feeds.EventFeed(), name="feed_events"),
    path("feeds/events/atom/", feeds.EventAtomFeed(), name="feed_events_atom"),
    path("calendar/upcoming.ics", calendar.upcoming_ics, name="calendar_upcoming"),
    path("calendar/events/<int:page_id>.ics", calendar.event_ics, name="calendar_event"),
    path("", include("contacts.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
