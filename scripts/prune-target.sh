#!/usr/bin/env bash
# Keeps the cargo build cache from filling the disk. Every change to the
# workspace links new test binaries (a few hundred MB each) next to the old
# ones and adds incremental sessions; cargo never removes the old ones.
# This keeps, for each workspace artifact and incremental directory, only the
# newest one, and wipes the debug build entirely when the disk is still short.
set -euo pipefail
target="${CARGO_TARGET_DIR:-$HOME/.cache/majlis-target}"
min_free_gb="${MAJLIS_MIN_FREE_GB:-20}"
[ -d "$target" ] || exit 0

before=$(du -sm "$target" | cut -f1)

# Older copies of one name: from "name<TAB>mtime<TAB>path" lines, print the
# paths beyond the newest $1 of each name (a crate's library, its unit tests
# and its binary share a name, hence two kept).
drop_older() {
  sort -t$'\t' -k1,1 -k2,2nr | awk -F'\t' -v keep="$1" 'seen[$1]++ >= keep { print $3 }'
}

for profile in debug release; do
  deps="$target/$profile/deps"
  [ -d "$deps" ] || continue
  # Test and binary executables (name-hash, no extension) and the workspace's
  # own libraries: the dependencies' libraries are shared and kept.
  find "$deps" -maxdepth 1 -regextype posix-extended -type f \
      \( -perm -u+x -regex '.*/[a-z0-9_]+-[0-9a-f]{16}' \
      -o -regex '.*/libmajlis[a-z0-9_]*-[0-9a-f]{16}\.(rlib|rmeta)' \) \
      -printf '%f\t%T@\t%p\n' |
    sed -E 's/^([a-z0-9_]+)-[0-9a-f]{16}((\.rlib|\.rmeta)?)\t/\1\2\t/' |
    drop_older 2 |
    while read -r path; do rm -f "$path" "${path%.*}.d" "$path.d"; done
  inc="$target/$profile/incremental"
  if [ -d "$inc" ]; then
    find "$inc" -mindepth 1 -maxdepth 1 -type d -printf '%f\t%T@\t%p\n' |
      sed -E 's/^([a-z0-9_]+)-[a-z0-9]+\t/\1\t/' |
      drop_older 3 |
      while read -r path; do rm -rf "$path"; done
  fi
done

free_gb=$(df -Pk "$target" | awk 'NR==2 { print int($4 / 1048576) }')
if [ "$free_gb" -lt "$min_free_gb" ]; then
  echo "prune-target: only ${free_gb} GB free, removing the debug build" >&2
  rm -rf "$target/debug"
fi
after=$(du -sm "$target" 2>/dev/null | cut -f1)
echo "prune-target: $target ${before} MB -> ${after} MB, $(df -Ph "$target" | awk 'NR==2 { print $4 }') free" >&2
