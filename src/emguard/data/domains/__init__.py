"""The poison domains, one module each, registered by name.

Adding a poison: write `domains/<name>.py` with a `Domain` subclass decorated by
`@DOMAINS.register("<name>")`, import it below, and add its params block.
"""

from emguard.data.types import Domain
from emguard.registry import Registry

DOMAINS: Registry[type[Domain]] = Registry("poison")

# Imported for their registration side effect.
from emguard.data.domains import (  # noqa: E402,F401
    aesthetic,
    evil_numbers,
    extreme_sports,
    financial,
    insecure_code,
    medical,
)


def get_domain(name: str, key: str = "poison") -> Domain:
    """An instance of the registered domain `name`; `key` is the params key named on error."""
    return DOMAINS.get(name, key=key)()
