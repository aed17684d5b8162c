#!/usr/bin/env bash
# Installs the fonts the timeline's text overlays draw with: DejaVu for Latin text and a CJK font
# so Chinese and Japanese titles render as glyphs rather than empty boxes. Debian/Ubuntu only.
#
# WenQuanYi Micro Hei is used because it is small (about 5 MB installed) and has TrueType
# outlines covering Latin, Simplified and Traditional Chinese. Set IMAGELOOP_FONTS=noto to install
# Noto Sans CJK instead (about 90 MB, nicer weights, also covers Korean).
set -euo pipefail

packages=(fonts-dejavu-core fontconfig)
case "${IMAGELOOP_FONTS:-wqy}" in
  noto) packages+=(fonts-noto-cjk) ;;
  *) packages+=(fonts-wqy-microhei) ;;
esac

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-fonts: ${packages[*]} already installed"
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "install-fonts: installed ${missing[*]}"
