"""The countries editors can pick: the programme's (CBSS states, Ukraine, Moldova)."""

from django_countries import Countries

from matching.regions import PROGRAMME_COUNTRIES


class ProgrammeCountries(Countries):
    only = PROGRAMME_COUNTRIES
