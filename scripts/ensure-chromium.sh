#!/usr/bin/env bash
# Makes sure the browser tests (tests/e2e/) have what they drive and draw with:
#   - Debian's Chromium at /usr/bin/chromium (driven by playwright-core; never
#     `npx playwright install`);
#   - a Chinese (CJK) font, so the zh-CN pages and the README's Chinese screenshot render
#     characters rather than empty boxes: Debian's fonts-wqy-microhei (small), or
#     fonts-noto-cjk when that is the one the archive has;
#   - pdftotext (Debian's poppler-utils), with which tests/cli/statements.test.ts reads back the
#     text of a PDF statement (`perfplan statements --format pdf` prints with this Chromium).
#
#   scripts/ensure-chromium.sh        # run by `npm test` (pretest) and `npm run test:e2e`
#
# Idempotent: when both are there it touches nothing and needs no network. It installs with
# apt-get only what is missing and only as root; otherwise it says why it did nothing and
# exits 0, so the e2e suite can skip itself cleanly (without a CJK font the tests still run;
# only the screenshots show boxes).
set -u

CHROMIUM="${PERFPLAN_CHROMIUM:-/usr/bin/chromium}"
CJK_PACKAGES=(fonts-wqy-microhei fonts-noto-cjk)

version() { "$CHROMIUM" --version 2>/dev/null || echo "(version unknown)"; }

# A font that covers Chinese: fontconfig's own answer when it is installed, else the files the
# two packages install.
have_cjk_font() {
  if command -v fc-list >/dev/null 2>&1; then
    [ -n "$(fc-list :lang=zh-cn family 2>/dev/null | head -n 1)" ] && return 0
  fi
  compgen -G "/usr/share/fonts/truetype/wqy/wqy-microhei.tt?" >/dev/null 2>&1 && return 0
  compgen -G "/usr/share/fonts/opentype/noto/NotoSansCJK-*" >/dev/null 2>&1 && return 0
  return 1
}

missing=()
if [ -x "$CHROMIUM" ]; then
  echo "ensure-chromium: $CHROMIUM already installed: $(version)."
else
  missing+=(chromium)
fi
if have_cjk_font; then
  echo "ensure-chromium: a Chinese font is installed."
  cjk_missing=0
else
  cjk_missing=1
fi
if command -v pdftotext >/dev/null 2>&1; then
  echo "ensure-chromium: pdftotext (poppler-utils) already installed."
else
  missing+=(poppler-utils)
fi

if [ "${#missing[@]}" -eq 0 ] && [ "$cjk_missing" -eq 0 ]; then
  echo "ensure-chromium: nothing to do."
  exit 0
fi

wanted="${missing[*]:-}"
[ "$cjk_missing" -eq 1 ] && wanted="${wanted:+$wanted and }a Chinese font (${CJK_PACKAGES[0]} or ${CJK_PACKAGES[1]})"

if [ "$(id -u)" != "0" ]; then
  echo "ensure-chromium: missing $wanted, and this is not root (uid $(id -u)); skipping the install."
  fonts=""
  [ "$cjk_missing" -eq 1 ] && fonts="${CJK_PACKAGES[0]}"
  echo "ensure-chromium: install it yourself with: sudo apt-get update && sudo apt-get install -y ${missing[*]:-} $fonts"
  [[ " ${missing[*]:-} " == *" chromium "* ]] && echo "ensure-chromium: the browser tests (tests/e2e) will be skipped."
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: missing $wanted, and apt-get is not available (not Debian/Ubuntu); skipping."
  [[ " ${missing[*]:-} " == *" chromium "* ]] && echo "ensure-chromium: the browser tests (tests/e2e) will be skipped."
  exit 0
fi

export DEBIAN_FRONTEND=noninteractive
updated=0
# apt-get install, after one apt-get update when the package lists do not know the package yet.
install() {
  if apt-get install -y "$@"; then return 0; fi
  if [ "$updated" -eq 0 ]; then
    echo "ensure-chromium: running: apt-get update"
    apt-get update || return 1
    updated=1
    apt-get install -y "$@"
    return $?
  fi
  return 1
}

for package in "${missing[@]}"; do
  echo "ensure-chromium: running: apt-get install -y $package"
  if ! install "$package"; then
    case "$package" in
      chromium) echo "ensure-chromium: apt-get install chromium failed; skipping (the browser tests will be skipped)." >&2 ;;
      *) echo "ensure-chromium: apt-get install $package failed; skipping (the statements test will not extract PDF text)." >&2 ;;
    esac
  fi
done

if [ "$cjk_missing" -eq 1 ]; then
  for package in "${CJK_PACKAGES[@]}"; do
    echo "ensure-chromium: running: apt-get install -y $package"
    if install "$package" && have_cjk_font; then
      echo "ensure-chromium: installed the Chinese font $package."
      cjk_missing=0
      break
    fi
  done
  if [ "$cjk_missing" -eq 1 ]; then
    echo "ensure-chromium: no Chinese font could be installed; zh-CN screenshots will show boxes." >&2
  elif command -v fc-cache >/dev/null 2>&1; then
    fc-cache -f >/dev/null 2>&1 || true
  fi
fi

if [ -x "$CHROMIUM" ]; then
  echo "ensure-chromium: $CHROMIUM: $(version)"
else
  echo "ensure-chromium: $CHROMIUM is still missing; the browser tests will be skipped." >&2
fi
exit 0
