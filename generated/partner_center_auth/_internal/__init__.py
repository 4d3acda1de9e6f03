"""What both token providers share, with no I/O of its own and nothing sync or async about it.

``schedule`` decides when the cached token is served and when (and by whom) it is fetched anew;
``answers`` says what the token service's answer means (a token, or a typed error);
``provider_base`` holds the providers' options and ties the two together. The providers
themselves (``_provider.py``, ``aio/_provider.py``) only send: they differ at the I/O edge alone.
"""

__all__ = ()
