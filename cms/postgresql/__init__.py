"""Django's PostgreSQL backend with two costs of every request taken out (see `base`)."""
