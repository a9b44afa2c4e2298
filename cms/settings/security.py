"""Security settings: password hashing and rules, login lockout, rate limits, CSP, browser features.

Star-imported into base.py; the reader of the environment is module-private so that the
import leaves base's `env` (with its declared defaults) alone.
"""

from environ import Env

_env = Env()

# Argon2 first: new and re-saved passwords are hashed with it; older hashes still verify.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]

# Brute-force protection of the admin login, counted in the database every instance shares.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = _env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = 1  # hour
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# Proxies in front of the app that append to X-Forwarded-For; the lockout and every rate
# limit read the client address through one function that honours it.
TRUSTED_PROXY_COUNT = _env.int("TRUSTED_PROXY_COUNT", default=0)
AXES_CLIENT_IP_CALLABLE = "cms.client_address.client_address"

# Rate limits (django-ratelimit) count in the default cache: Redis in production, which every
# app instance shares, so the limits hold for the site, not per worker.
RATELIMIT_USE_CACHE = "default"
# While the cache is out of reach nothing can be counted: public forms and the API then take
# every request rather than refuse them all (the admin login's lockout counts in the database).
RATELIMIT_FAIL_OPEN = True
RATELIMIT_IP_META_KEY = "cms.client_address.client_address"
# Requests to the JSON APIs (/api/v1 and /api/v2 together) per client address ("" turns the
# limit off, e.g. for benchmarks).
API_RATE_LIMIT = _env("API_RATE_LIMIT", default="120/m")

# Content security policy: no inline scripts or styles on public pages. The Wagtail admin
# (and the API's browsable docs) rely on inline code of their own and are left out.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/", "/api/v1/docs"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": [
            "https://www.youtube-nocookie.com",
            "https://www.youtube.com",
            "https://player.vimeo.com",
        ],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
}

# Browser features no page of the site uses, switched off for it and anything it frames.
# (Fullscreen stays allowed: the embedded videos use it.)
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer", "camera", "display-capture", "geolocation", "gyroscope",
        "magnetometer", "microphone", "midi", "payment", "usb",
    )
}  # fmt: skip
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
