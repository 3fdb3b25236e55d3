# Shared by the install steps in eng/install/: make sure node and npm exist, and install one folder's pinned
# npm packages with `npm ci` unless its package-lock.json is unchanged since the last install (sha256 stamp).
# Source it, then call: npm_install <folder> <label>

npm_as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

npm_ensure() {
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    npm_as_root apt-get update -qq
    npm_as_root apt-get install -y -qq --no-install-recommends nodejs npm
  fi
}

npm_install() {
  local dir="$1" label="$2"
  local stamp="$dir/node_modules/.switchboard-lock.sha256"
  local want
  npm_ensure
  want="$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)"
  if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
    echo "$label: ${dir#"$repo_root"/} is up to date"
    return 0
  fi
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  echo "$want" > "$stamp"
  echo "$label: installed ${dir#"$repo_root"/}"
}
