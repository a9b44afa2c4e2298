"""Django's LocaleMiddleware, except that it never sends API or admin 404s to a language prefix."""

from django.middleware.locale import LocaleMiddleware

#: Paths outside the language prefixes: a 404 there is final, not a missing "/en/".
UNPREFIXED = ("/api/", "/admin/", "/documents/", "/static/", "/media/")


class SiteLocaleMiddleware(LocaleMiddleware):
    def process_response(self, request, response):
        if request.path_info.startswith(UNPREFIXED):
            return response
        return super().process_response(request, response)
