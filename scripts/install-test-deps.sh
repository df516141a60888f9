#!/usr/bin/env bash
# System packages the tests need on Debian:
# - chromium (driven by playwright-core at /usr/bin/chromium) and fonts-noto-cjk (Chinese renders);
# - poppler-utils and ghostscript (print exports: rasterise, CMYK, separations);
# - python3-pikepdf (PDF/X keys, output intent, overprint in the exported PDFs);
# - nginx (security, link and smoke tests serve the built site with public/_headers) and openssl
#   (a throwaway certificate for the HTTPS server of the bench and tests/e2e/https.test.ts);
# - gdal-bin and csvkit (the downloads opened as GIS users and data journalists open them).
# Installs them with apt when something is missing and we are root; otherwise says what to
# install and exits 1. Does nothing when everything is present.
set -euo pipefail

PACKAGES=(chromium fonts-noto-cjk poppler-utils ghostscript python3-pikepdf nginx openssl gdal-bin csvkit)
missing=()

[ -x /usr/bin/chromium ] || missing+=("chromium (/usr/bin/chromium)")
if ! { command -v fc-list >/dev/null 2>&1 && fc-list | grep -qi 'Noto.*CJK'; } &&
  ! dpkg -s fonts-noto-cjk >/dev/null 2>&1; then
  missing+=("fonts-noto-cjk (Noto CJK fonts)")
fi
command -v pdftoppm >/dev/null 2>&1 || missing+=("poppler-utils (pdftoppm)")
command -v gs >/dev/null 2>&1 || missing+=("ghostscript (gs)")
/usr/bin/python3 -c 'import pikepdf' >/dev/null 2>&1 || missing+=("python3-pikepdf (/usr/bin/python3 -c 'import pikepdf')")
[ -x /usr/sbin/nginx ] || missing+=("nginx (/usr/sbin/nginx)")
command -v openssl >/dev/null 2>&1 || missing+=("openssl")
command -v ogrinfo >/dev/null 2>&1 || missing+=("gdal-bin (ogrinfo)")
command -v csvstat >/dev/null 2>&1 || missing+=("csvkit (csvstat)")

if [ "${#missing[@]}" -eq 0 ]; then
  echo "install-test-deps: ${PACKAGES[*]} are present."
  exit 0
fi

printf 'install-test-deps: missing: %s\n' "${missing[@]}"
if [ "$(id -u 2>/dev/null)" != 0 ]; then
  echo "install-test-deps: not root; install them with:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y ${PACKAGES[*]}" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update && apt-get install -y "${PACKAGES[@]}"
