# Sourced by the scripts that read ../shared: `require_shared NAME PATH...` returns when every
# PATH exists; otherwise it fails in CI (where ../shared is always present) and elsewhere says
# NAME was skipped and exits the calling script successfully.
require_shared() {
    local name=$1
    shift
    local path
    for path in "$@"; do
        if [ ! -e "$path" ]; then
            if [ -n "${CI:-}" ]; then
                echo "$name: $path is missing in CI" >&2
                exit 1
            fi
            echo "$name SKIPPED: $path is missing next to the checkout"
            exit 0
        fi
    done
}
