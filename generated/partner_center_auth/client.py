import ssl
from typing import Any, Self

import httpx
from attrs import define, evolve, field

from . import _fork
from ._urls import shown, validate_base_url


@define
class Client:
    """A class for keeping track of data related to the API

    The following are accepted as keyword arguments and will be used to construct httpx Clients internally:

        ``base_url``: The base URL for the API, all requests are made to a relative path to this URL

        ``cookies``: A dictionary of cookies to be sent with every request

        ``headers``: A dictionary of headers to be sent with every request

        ``timeout``: The maximum amount of a time a request can take. API functions will raise
        httpx.TimeoutException if this is exceeded.

        ``verify_ssl``: Whether or not to verify the SSL certificate of the API server. This should be True in production,
        but can be set to False for testing purposes.

        ``follow_redirects``: Whether or not to follow redirects. Default value is False.

        ``httpx_args``: A dictionary of additional arguments to be passed to the ``httpx.Client`` and ``httpx.AsyncClient`` constructor.

    And by the operations, against hostile or broken servers:

        ``max_response_size``: the most bytes of (decoded) response body read; past it, errors.ResponseTooLarge. 1 MiB.

        ``total_timeout``: the most seconds one response may take, body included (a slow drip); past it, errors.TransportTimeout. 60.

        ``allow_insecure_http``: send the bearer token over plain http:// to hosts other than loopback. Off: only for test setups.

        ``strict``: refuse a response whose values break a constraint of the spec (a pattern, a length or numeric
        bound, an enum value it does not list) with errors.ResponseDecodeError. Off: such values are kept, and logged
        at DEBUG (where, and which constraint); types, required properties and structure are always checked. Each
        operation's ``strict=`` keyword overrides it for one call.


    Attributes:
        raise_on_unexpected_status: Whether or not to raise an errors.UnexpectedStatus if the API returns a
            status code that was not documented in the source OpenAPI document. Can also be provided as a keyword
            argument to the constructor.
    """

    raise_on_unexpected_status: bool = field(default=False, kw_only=True)
    # Checked at construction: a URL httpx or the resolver cannot use is errors.InvalidBaseURL.
    _base_url: str = field(alias="base_url", validator=validate_base_url)
    _cookies: dict[str, str] = field(factory=dict, kw_only=True, alias="cookies")
    _headers: dict[str, str] = field(factory=dict, kw_only=True, alias="headers")
    _timeout: httpx.Timeout | None = field(default=None, kw_only=True, alias="timeout")
    _verify_ssl: str | bool | ssl.SSLContext = field(default=True, kw_only=True, alias="verify_ssl")
    _follow_redirects: bool = field(default=False, kw_only=True, alias="follow_redirects")
    _httpx_args: dict[str, Any] = field(factory=dict, kw_only=True, alias="httpx_args")
    _client: httpx.Client | None = field(default=None, init=False)
    _async_client: httpx.AsyncClient | None = field(default=None, init=False)
    # Safety limits of the operations (see the class docstring); keyword-only, with safe defaults.
    max_response_size: int = field(default=1048576, kw_only=True)
    total_timeout: float | None = field(default=60.0, kw_only=True)
    allow_insecure_http: bool = field(default=False, kw_only=True)
    strict: bool = field(default=False, kw_only=True)

    def __repr__(self) -> str:
        # Never the token or headers (the Authorization header lives there), nor a password in the URL.
        return f"{type(self).__name__}(base_url={shown(self._base_url)!r})"

    # The with_* methods return a new client and change nothing on this one: its httpx clients
    # may be the caller's own (set_httpx_client), which the package never changes.
    def with_headers(self, headers: dict[str, str]) -> "Client":
        """Get a new client matching this one with additional headers"""
        from . import _security

        headers = _security.checked_headers(headers)
        return evolve(self, headers={**self._headers, **headers})

    def with_cookies(self, cookies: dict[str, str]) -> "Client":
        """Get a new client matching this one with additional cookies"""
        return evolve(self, cookies={**self._cookies, **cookies})

    def with_timeout(self, timeout: httpx.Timeout) -> "Client":
        """Get a new client matching this one with a new timeout configuration"""
        return evolve(self, timeout=timeout)

    def set_httpx_client(self, client: httpx.Client) -> Self:
        """Manually set the underlying httpx.Client

        **NOTE**: This will override any other settings on the client, including cookies, headers, and timeout.
        Requests are then built and sent by ``client`` as httpx does for any request of its own: its
        headers, cookies, auth and event hooks apply, and cookies the server sets land in its jar.
        Nothing else of it is changed (``with_headers`` and the like leave it alone), and it is
        closed only by leaving this client's context.
        """
        self._client = client
        return self

    def get_httpx_client(self) -> httpx.Client:
        """Get the underlying httpx.Client, constructing a new one if not previously set"""
        if self._client is None:
            # On a transport whose every wait ends by the exchange's deadline (see _transport.py),
            # which imports httpcore: loaded with the first client, not at start-up.
            from . import _security, _transport

            self._client = _transport.deadline_aware_client(
                base_url=self._base_url,
                cookies=self._cookies,
                headers=_security.checked_headers(self._headers),
                timeout=self._timeout,
                verify=self._verify_ssl,
                follow_redirects=self._follow_redirects,
                **self._httpx_args,
            )
            _fork.forget_in_child(self, "_client")  # a forked child makes its own: no socket shared
        return self._client

    def __enter__(self) -> Self:
        """Enter a context manager for self.client—you cannot enter twice (see httpx docs)"""
        self.get_httpx_client().__enter__()
        return self

    def __exit__(self, *args: Any, **kwargs: Any) -> None:
        """Exit a context manager for internal httpx.Client (see httpx docs)"""
        self.get_httpx_client().__exit__(*args, **kwargs)

    def set_async_httpx_client(self, async_client: httpx.AsyncClient) -> Self:
        """Manually set the underlying httpx.AsyncClient

        **NOTE**: This will override any other settings on the client, including cookies, headers, and timeout.
        As for ``set_httpx_client``: requests are built and sent by it, cookies the server sets land
        in its jar, and nothing else of it is changed.
        """
        self._async_client = async_client
        return self

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        """Get the underlying httpx.AsyncClient, constructing a new one if not previously set"""
        if self._async_client is None:
            from . import _security, _transport

            self._async_client = _transport.async_client(
                base_url=self._base_url,
                cookies=self._cookies,
                headers=_security.checked_headers(self._headers),
                timeout=self._timeout,
                verify=self._verify_ssl,
                follow_redirects=self._follow_redirects,
                **self._httpx_args,
            )
            _fork.forget_in_child(self, "_async_client")
        return self._async_client

    async def __aenter__(self) -> Self:
        """Enter a context manager for underlying httpx.AsyncClient—you cannot enter twice (see httpx docs)"""
        await self.get_async_httpx_client().__aenter__()
        return self

    async def __aexit__(self, *args: Any, **kwargs: Any) -> None:
        """Exit a context manager for underlying httpx.AsyncClient (see httpx docs)"""
        await self.get_async_httpx_client().__aexit__(*args, **kwargs)


@define
class AuthenticatedClient:
    """A Client which has been authenticated for use on secured endpoints

    The following are accepted as keyword arguments and will be used to construct httpx Clients internally:

        ``base_url``: The base URL for the API, all requests are made to a relative path to this URL

        ``cookies``: A dictionary of cookies to be sent with every request

        ``headers``: A dictionary of headers to be sent with every request

        ``timeout``: The maximum amount of a time a request can take. API functions will raise
        httpx.TimeoutException if this is exceeded.

        ``verify_ssl``: Whether or not to verify the SSL certificate of the API server. This should be True in production,
        but can be set to False for testing purposes.

        ``follow_redirects``: Whether or not to follow redirects. Default value is False.

        ``httpx_args``: A dictionary of additional arguments to be passed to the ``httpx.Client`` and ``httpx.AsyncClient`` constructor.

    And by the operations, against hostile or broken servers:

        ``max_response_size``: the most bytes of (decoded) response body read; past it, errors.ResponseTooLarge. 1 MiB.

        ``total_timeout``: the most seconds one response may take, body included (a slow drip); past it, errors.TransportTimeout. 60.

        ``allow_insecure_http``: send the bearer token over plain http:// to hosts other than loopback. Off: only for test setups.

        ``strict``: refuse a response whose values break a constraint of the spec (a pattern, a length or numeric
        bound, an enum value it does not list) with errors.ResponseDecodeError. Off: such values are kept, and logged
        at DEBUG (where, and which constraint); types, required properties and structure are always checked. Each
        operation's ``strict=`` keyword overrides it for one call.


    Attributes:
        raise_on_unexpected_status: Whether or not to raise an errors.UnexpectedStatus if the API returns a
            status code that was not documented in the source OpenAPI document. Can also be provided as a keyword
            argument to the constructor.
        token: The token to use for authentication
        prefix: The prefix to use for the Authorization header
        auth_header_name: The name of the Authorization header
    """

    raise_on_unexpected_status: bool = field(default=False, kw_only=True)
    # Checked at construction: a URL httpx or the resolver cannot use is errors.InvalidBaseURL.
    _base_url: str = field(alias="base_url", validator=validate_base_url)
    _cookies: dict[str, str] = field(factory=dict, kw_only=True, alias="cookies")
    _headers: dict[str, str] = field(factory=dict, kw_only=True, alias="headers")
    _timeout: httpx.Timeout | None = field(default=None, kw_only=True, alias="timeout")
    _verify_ssl: str | bool | ssl.SSLContext = field(default=True, kw_only=True, alias="verify_ssl")
    _follow_redirects: bool = field(default=False, kw_only=True, alias="follow_redirects")
    _httpx_args: dict[str, Any] = field(factory=dict, kw_only=True, alias="httpx_args")
    _client: httpx.Client | None = field(default=None, init=False)
    _async_client: httpx.AsyncClient | None = field(default=None, init=False)
    # Safety limits of the operations (see the class docstring); keyword-only, with safe defaults.
    max_response_size: int = field(default=1048576, kw_only=True)
    total_timeout: float | None = field(default=60.0, kw_only=True)
    allow_insecure_http: bool = field(default=False, kw_only=True)
    strict: bool = field(default=False, kw_only=True)

    token: str
    prefix: str = "Bearer"
    auth_header_name: str = "Authorization"

    def __repr__(self) -> str:
        # Never the token or headers (the Authorization header lives there), nor a password in the URL.
        return f"{type(self).__name__}(base_url={shown(self._base_url)!r})"

    # The with_* methods return a new client and change nothing on this one: its httpx clients
    # may be the caller's own (set_httpx_client), which the package never changes.
    def with_headers(self, headers: dict[str, str]) -> "AuthenticatedClient":
        """Get a new client matching this one with additional headers"""
        from . import _security

        headers = _security.checked_headers(headers)
        return evolve(self, headers={**self._headers, **headers})

    def with_cookies(self, cookies: dict[str, str]) -> "AuthenticatedClient":
        """Get a new client matching this one with additional cookies"""
        return evolve(self, cookies={**self._cookies, **cookies})

    def with_timeout(self, timeout: httpx.Timeout) -> "AuthenticatedClient":
        """Get a new client matching this one with a new timeout configuration"""
        return evolve(self, timeout=timeout)

    def set_httpx_client(self, client: httpx.Client) -> Self:
        """Manually set the underlying httpx.Client

        **NOTE**: This will override any other settings on the client, including cookies, headers, and timeout.
        Requests are then built and sent by ``client`` as httpx does for any request of its own: its
        headers, cookies, auth and event hooks apply, and cookies the server sets land in its jar.
        Nothing else of it is changed (``with_headers`` and the like leave it alone), and it is
        closed only by leaving this client's context.
        """
        self._client = client
        return self

    def get_httpx_client(self) -> httpx.Client:
        """Get the underlying httpx.Client, constructing a new one if not previously set"""
        if self._client is None:
            # On a transport whose every wait ends by the exchange's deadline (see _transport.py),
            # which imports httpcore: loaded with the first client, not at start-up.
            from . import _security, _transport

            self._client = _transport.deadline_aware_client(
                base_url=self._base_url,
                cookies=self._cookies,
                headers=_security.checked_headers(
                    {**self._headers, self.auth_header_name: _security.credential_value(self.prefix, self.token)}
                ),
                timeout=self._timeout,
                verify=self._verify_ssl,
                follow_redirects=self._follow_redirects,
                **self._httpx_args,
            )
            _fork.forget_in_child(self, "_client")  # a forked child makes its own: no socket shared
        return self._client

    def __enter__(self) -> Self:
        """Enter a context manager for self.client—you cannot enter twice (see httpx docs)"""
        self.get_httpx_client().__enter__()
        return self

    def __exit__(self, *args: Any, **kwargs: Any) -> None:
        """Exit a context manager for internal httpx.Client (see httpx docs)"""
        self.get_httpx_client().__exit__(*args, **kwargs)

    def set_async_httpx_client(self, async_client: httpx.AsyncClient) -> Self:
        """Manually set the underlying httpx.AsyncClient

        **NOTE**: This will override any other settings on the client, including cookies, headers, and timeout.
        As for ``set_httpx_client``: requests are built and sent by it, cookies the server sets land
        in its jar, and nothing else of it is changed.
        """
        self._async_client = async_client
        return self

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        """Get the underlying httpx.AsyncClient, constructing a new one if not previously set"""
        if self._async_client is None:
            from . import _security, _transport

            self._async_client = _transport.async_client(
                base_url=self._base_url,
                cookies=self._cookies,
                headers=_security.checked_headers(
                    {**self._headers, self.auth_header_name: _security.credential_value(self.prefix, self.token)}
                ),
                timeout=self._timeout,
                verify=self._verify_ssl,
                follow_redirects=self._follow_redirects,
                **self._httpx_args,
            )
            _fork.forget_in_child(self, "_async_client")
        return self._async_client

    async def __aenter__(self) -> Self:
        """Enter a context manager for underlying httpx.AsyncClient—you cannot enter twice (see httpx docs)"""
        await self.get_async_httpx_client().__aenter__()
        return self

    async def __aexit__(self, *args: Any, **kwargs: Any) -> None:
        """Exit a context manager for underlying httpx.AsyncClient (see httpx docs)"""
        await self.get_async_httpx_client().__aexit__(*args, **kwargs)
