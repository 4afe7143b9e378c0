#!/usr/bin/env bash
# Build the documentation site and take a screenshot of its main pages with
# headless Chromium (Debian package `chromium`), to check the rendered site
# as a reader sees it: tables, navigation, code blocks, German characters.
#
# Usage: tools/docs-screenshots.sh [OUTPUT_DIR]   (default: a new temp dir)
# Not part of CI: it needs Chromium, which the test suite does not.
set -euo pipefail
cd "$(dirname "$0")/.."

out="${1:-$(mktemp -d)}"
site="$(mktemp -d)"
mkdir -p "$out"
mkdocs build --strict --quiet --site-dir "$site"

pages=(
    index.html
    tutorial/index.html
    agreement/index.html
    how-to/billing/index.html
    explanation/cents/index.html
    explanation/nkf/index.html
    reference/cli/index.html
    reference/files/index.html
    reference/glossary/index.html
)
for page in "${pages[@]}"; do
    name="$(echo "${page%/index.html}" | tr '/' '-')"
    name="${name%.html}"
    chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$(mktemp -d)" --hide-scrollbars --window-size=1280,2400 \
        --screenshot="$out/$name.png" "file://$site/$page" 2>/dev/null
    echo "$out/$name.png"
done
