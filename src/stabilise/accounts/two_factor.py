"""Two-factor sign-in (TOTP, django-otp): the code page, and the first-time set-up page.

After the password, AccessMiddleware sends someone who has not yet entered a code this session
here (accounts/access.py). Set-up is offered only to someone with no confirmed authenticator:
a person who knows only a password cannot add an authenticator of their own to the account.
"""

import base64
from io import BytesIO

import qrcode
import qrcode.image.svg
from django import forms
from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from stabilise.accounts.audit import record
from stabilise.accounts.models import AuditAction, User

DEVICE_NAME = "Authenticator app"


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Security code",
        max_length=12,
        error_messages={"required": "Enter the 6-digit security code from your authenticator app"},
    )

    def clean_code(self) -> str:
        code = "".join(self.cleaned_data["code"].split())
        if not (code.isdigit() and len(code) == 6):
            raise forms.ValidationError("Enter the security code as 6 digits, like 123456")
        return code


def _next(request: HttpRequest) -> str:
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return wanted
    return reverse(settings.LOGIN_REDIRECT_URL)


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)  # AccessMiddleware lets only signed-in users here
    return user


def secret_of(device: TOTPDevice) -> str:
    """The key as an authenticator app asks for it when typed in: base32, in groups of four."""
    text = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


def qr_svg(url: str) -> str:
    """The otpauth:// URL as an inline SVG QR code, drawn here (no outside service)."""
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8, border=2)
    buffer = BytesIO()
    image.save(buffer)
    svg = buffer.getvalue().decode()
    return svg[svg.index("<svg") :]


def verify(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        return redirect(f"{reverse('two_factor_setup')}?next={_next(request)}")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        # django-otp makes each wrong code wait longer before the next is tried.
        allowed, _ = device.verify_is_allowed()
        if device.verify_token(form.cleaned_data["code"]):
            otp_login(request, device)
            return HttpResponseRedirect(_next(request))
        record(request, AuditAction.TWO_FACTOR_FAILED)
        form.add_error(
            "code",
            "The security code is wrong or has expired: enter the code your app shows now"
            if allowed
            else "Too many wrong codes: wait a minute, then enter the code your app shows now",
        )
    return render(
        request, "accounts/two_factor_verify.html", {"form": form, "next": _next(request)}
    )


def setup(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        return redirect(f"{reverse('two_factor_verify')}?next={_next(request)}")
    # One unconfirmed device per person, kept until confirmed, so the QR code does not change
    # between showing it and entering its first code.
    device, _ = TOTPDevice.objects.get_or_create(
        user=user, confirmed=False, defaults={"name": DEVICE_NAME}
    )
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            record(request, AuditAction.TWO_FACTOR_SET_UP)
            return HttpResponseRedirect(_next(request))
        record(request, AuditAction.TWO_FACTOR_FAILED)
        form.add_error(
            "code", "The security code is wrong or has expired: enter the code your app shows now"
        )
    return render(
        request,
        "accounts/two_factor_setup.html",
        {
            "form": form,
            "next": _next(request),
            "secret": secret_of(device),
            "qr_code": qr_svg(device.config_url),
        },
    )
