"""`country_name`: a country code as the visitor's language names the country."""

from django import template

from matching.regions import country_name

register = template.Library()

register.filter("country_name", country_name)
