"""Single sign-on against the council's OpenID Connect provider (Microsoft Entra ID).

Off unless settings.OIDC_ENABLED (the OIDC_* environment variables, README). The provider says
who someone is; Stabilise alone says what they may see. So the person must already have an
active Stabilise account with the same email (their role and teams set here by an
administrator): nobody is created, and nothing about a role is taken from the provider.

If the provider says it did multi-factor itself (`amr` holds "mfa", as Entra ID's Conditional
Access does), that counts as this session's two-factor; otherwise Stabilise asks for its own.
"""

from typing import Any

from django.db.models import QuerySet
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from stabilise.accounts.access import IDP_MFA_SESSION_KEY
from stabilise.accounts.models import User


def email_of(claims: dict[str, Any]) -> str:
    """Entra ID gives `email` when the account has a mailbox, else the sign-in name."""
    for claim in ("email", "preferred_username", "upn"):
        value = str(claims.get(claim) or "").strip()
        if "@" in value:
            return value
    return ""


class CouncilOIDCBackend(OIDCAuthenticationBackend):
    def get_userinfo(self, access_token: str, id_token: str, payload: dict[str, Any]) -> Any:
        # The ID token's claims (amr, preferred_username), then the userinfo endpoint's.
        userinfo = super().get_userinfo(access_token, id_token, payload)
        return {**payload, **userinfo}

    def verify_claims(self, claims: dict[str, Any]) -> bool:
        return bool(email_of(claims))

    def filter_users_by_claims(self, claims: dict[str, Any]) -> QuerySet[User]:
        email = email_of(claims)
        if not email:
            return User.objects.none()
        return User.objects.filter(email__iexact=email, is_active=True)

    def update_user(self, user: User, claims: dict[str, Any]) -> User:
        """Nothing about the user is changed from the provider's claims, least of all a role."""
        if "mfa" in (claims.get("amr") or []) and self.request is not None:
            self.request.session[IDP_MFA_SESSION_KEY] = True
        return user
