# Sourced by make-real-fixtures.sh and make-rendered-fixtures.sh: the HTML-to-text tool settings
# whose output form345 reads (versions in fixtures/real/TOOLS.txt), one name each.

TOOLS=(w3m w3m100 lynx pandoc-plain pandoc-md html2text html2text79)

isolate_tools() { # the same output on any machine: C locale, no terminal, no user settings
  export LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=dumb
  # lynx reads ~/.lynxrc and lynx.cfg; w3m reads ~/.w3m/config: keep user settings out.
  HOME="$(mktemp -d)"
  export HOME
  trap 'rm -rf "$HOME"' EXIT
}

convert() { # tool html
  local tool=$1 html=$2
  case "$tool" in
    w3m) w3m -dump -cols 160 -T text/html -I UTF-8 -O UTF-8 <"$html" ;;
    w3m100) w3m -dump -cols 100 -T text/html -I UTF-8 -O UTF-8 <"$html" ;;
    lynx) lynx -dump -width=160 -force_html -nolist -display_charset=utf-8 -assume_charset=utf-8 "$html" ;;
    pandoc-plain) pandoc -f html -t plain --columns=160 "$html" ;;
    pandoc-md) pandoc -f html -t markdown "$html" ;;
    html2text) html2text -width 160 -utf8 -nobs "$html" ;;
    html2text79) html2text -utf8 -nobs "$html" ;;
    *) echo "unknown tool $tool" >&2; return 2 ;;
  esac
}

tool_versions() { # the first line of each tool's version (sed reads all of it: no SIGPIPE under pipefail)
  echo "Tool versions used for the committed conversions:"
  w3m -version | sed -n 1p
  lynx -version | sed -n 1p
  pandoc --version | sed -n 1p
  html2text -version 2>&1 | sed -n 1p
}

# Each tool as run with its defaults (a terminal's 80 columns, pandoc's 72), two more markdown
# converters, links and elinks, and narrow panes (60 columns) and a wide markdown: what users most often type. fixtures/defaults holds these conversions.
DEFAULT_TOOLS=(w3m80 lynx80 pandoc-plain72 gfm h2md links elinks w3m60 lynx60 html2text60 pandoc-plain60 pandoc-md120)

convert_default() { # tool html
  local tool=$1 html=$2
  case "$tool" in
    w3m80) w3m -dump -cols 80 -T text/html -I UTF-8 -O UTF-8 <"$html" ;;
    lynx80) lynx -dump -width=80 -force_html -nolist -display_charset=utf-8 -assume_charset=utf-8 "$html" ;;
    pandoc-plain72) pandoc -f html -t plain "$html" ;;
    gfm) pandoc -f html -t gfm "$html" ;;
    h2md) html2markdown <"$html" ;; # Python html2text (Debian python3-html2text), default 78-column body
    links) links -dump -width 80 "$html" ;;
    elinks) elinks -dump -dump-width 80 -no-references -no-numbering "$html" ;;
    w3m60) w3m -dump -cols 60 -T text/html -I UTF-8 -O UTF-8 <"$html" ;; # a narrow terminal or editor pane
    lynx60) lynx -dump -width=60 -force_html -nolist -display_charset=utf-8 -assume_charset=utf-8 "$html" ;;
    html2text60) html2text -width 60 -utf8 -nobs "$html" ;;
    pandoc-plain60) pandoc -f html -t plain --columns=60 "$html" ;;
    pandoc-md120) pandoc -f html -t markdown --columns=120 "$html" ;;
    *) echo "unknown tool $tool" >&2; return 2 ;;
  esac
}
