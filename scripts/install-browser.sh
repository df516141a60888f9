#!/usr/bin/env bash
# System packages the tests need on Debian: Chromium (driven by playwright-core at
# /usr/bin/chromium), the Noto CJK fonts (so Chinese renders), poppler-utils, ghostscript, nginx
# (the security, link and smoke tests serve the built site through it with public/_headers) and
# openssl (a throwaway certificate for the HTTPS server of the bench and tests/e2e/https.test.ts).
# Installs them with apt when something is missing and we are root; otherwise says what to
# install and exits 1. Does nothing when everything is present.
set -euo pipefail

PACKAGES=(chromium fonts-noto-cjk poppler-utils ghostscript nginx openssl)
missing=()

[ -x /usr/bin/chromium ] || missing+=("chromium (/usr/bin/chromium)")
if ! { command -v fc-list >/dev/null 2>&1 && fc-list | grep -qi 'Noto.*CJK'; } &&
  ! dpkg -s fonts-noto-cjk >/dev/null 2>&1; then
  missing+=("fonts-noto-cjk (Noto CJK fonts)")
fi
command -v pdftoppm >/dev/null 2>&1 || missing+=("poppler-utils (pdftoppm)")
command -v gs >/dev/null 2>&1 || missing+=("ghostscript (gs)")
[ -x /usr/sbin/nginx ] || missing+=("nginx (/usr/sbin/nginx)")
command -v openssl >/dev/null 2>&1 || missing+=("openssl")

if [ "${#missing[@]}" -eq 0 ]; then
  echo "install-browser: chromium, Noto CJK fonts, poppler-utils, ghostscript, nginx and openssl are present."
  exit 0
fi

printf 'install-browser: missing: %s\n' "${missing[@]}"
if [ "$(id -u 2>/dev/null)" != 0 ]; then
  echo "install-browser: not root; install them with:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y ${PACKAGES[*]}" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update && apt-get install -y "${PACKAGES[@]}"
