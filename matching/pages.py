"""Public pages of the matching half, in the page tree and translatable like any other page.

One module per page; named together here for the code that takes them as a set (the
models module registers them with the app).
"""

from matching.city_pages import CityIndexPage
from matching.finder_page import PartnerFinderPage
from matching.public_page import MatchingPage, confirmation
from matching.registration_page import RegisterCityPage

__all__ = ["CityIndexPage", "MatchingPage", "PartnerFinderPage", "RegisterCityPage", "confirmation"]
