"""The verification service: a Dutch page and a JSON API for gemeenten."""
