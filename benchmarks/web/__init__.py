"""Web benchmark: our pages against a bare Wagtail site and a plain Django view, in one run."""
