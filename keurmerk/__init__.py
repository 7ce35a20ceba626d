"""Certificate side of Sleutelpersonen Werken (the keurmerk).

Planned in issue 7: rules → decision, signed Open Badges 3.0 credential, registry,
status list, PDF and the verification service. Nothing is implemented here yet.
"""
