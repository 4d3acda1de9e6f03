"""azure-core's ``TokenCredential`` protocol over a :class:`TokenProvider`.

Azure SDK pipelines (``BearerTokenCredentialPolicy``) call ``get_token(*scopes)`` and read
``.token`` and ``.expires_on``; this answers with the Partner Center token whatever the scopes.
Nothing here imports azure: the protocol is structural.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from ._provider import TokenProvider

__all__ = ["AccessToken", "PartnerCenterCredential"]

if TYPE_CHECKING:
    # Type checkers see azure-core's own class where it is installed, so that the credential passes
    # for a TokenCredential (a NamedTuple is typed by name); at run time, the same shape of ours.
    from azure.core.credentials import AccessToken  # type: ignore[import-not-found, unused-ignore]
else:

    class AccessToken(NamedTuple):
        """The shape of ``azure.core.credentials.AccessToken``: the token and its expiry (epoch seconds)."""

        token: str
        expires_on: int

        def __repr__(self) -> str:
            return f"AccessToken(token=<hidden>, expires_on={self.expires_on})"


class PartnerCenterCredential:
    """A ``TokenCredential`` whose tokens are Partner Center tokens from ``provider``."""

    def __init__(self, provider: TokenProvider) -> None:
        if not isinstance(provider, TokenProvider):  # azure-core's sync protocol: an async provider cannot serve it
            raise TypeError(f"PartnerCenterCredential needs a TokenProvider, not a {type(provider).__name__}")
        self.provider = provider

    def get_token(
        self,
        *scopes: str,
        claims: str | None = None,
        tenant_id: str | None = None,
        enable_cae: bool = False,
        **kwargs: Any,
    ) -> AccessToken:
        """The Partner Center token, whatever the scopes, claims or tenant (azure-core's signature)."""
        token = self.provider.get_token()
        return AccessToken(token.access_token, int(token.expires_on))

    def __repr__(self) -> str:
        return f"PartnerCenterCredential({self.provider!r})"
