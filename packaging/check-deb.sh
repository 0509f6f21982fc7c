#!/bin/sh
# Builds the Debian package of a built tree with CPack (into a temporary folder) and checks
# it: the three programs, the desktop file, the AppStream metadata and the icon are inside,
# the metadata validates against the installed tree, Depends names the libraries and
# plugins the programs need at run time, and the service's systemd unit, its options file (a
# conffile) and the maintainer scripts that make its system user are there.
#   packaging/check-deb.sh BUILD_DIR [VERSION]
# The tree must have been built: cpack only installs it (unlike the "package" target, it
# builds nothing). Needs cpack, dpkg-deb, dpkg-shlibdeps (dpkg-dev); appstreamcli if present.
set -eu

build=${1:?usage: check-deb.sh BUILD_DIR [VERSION]}
version=${2:-}
config=$build/CPackConfig.cmake
[ -f "$config" ] || { echo "check-deb: no $config (configure the tree first)" >&2; exit 1; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/connect-admin-deb.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

if ! cpack --config "$config" -G DEB -B "$tmp/out" >"$tmp/cpack.log" 2>&1; then
    cat "$tmp/cpack.log" >&2
    echo "check-deb: cpack failed" >&2
    exit 1
fi
set -- "$tmp"/out/*.deb
if [ $# -ne 1 ] || [ ! -f "$1" ]; then
    cat "$tmp/cpack.log" >&2
    echo "check-deb: expected exactly one .deb in $tmp/out" >&2
    exit 1
fi
deb=$1
echo "check-deb: built $(basename "$deb") ($(wc -c <"$deb") bytes)"

failed=0
fail() { echo "check-deb: $*" >&2; failed=1; }

# ---- control fields
package=$(dpkg-deb -f "$deb" Package)
[ "$package" = connect-admin ] || fail "Package is \"$package\", not connect-admin"
if [ -n "$version" ]; then
    v=$(dpkg-deb -f "$deb" Version)
    [ "$v" = "$version" ] || fail "Version is \"$v\", not $version"
fi

# ---- contents: "-rwxr-xr-x root/root 123 2026-11-27 22:00 ./usr/bin/connect-admin"
dpkg-deb -c "$deb" >"$tmp/contents" || { echo "check-deb: dpkg-deb -c failed" >&2; exit 1; }
awk '{ print $1, $6 }' "$tmp/contents" >"$tmp/files"
for f in \
    usr/bin/connect-admin \
    usr/bin/connect-admin-cli \
    usr/bin/connect-admin-service
do
    grep -qx -- "-rwxr-xr-x ./$f" "$tmp/files" || fail "no executable /$f in the package"
done
for f in \
    usr/share/applications/io.github.connectadmin.ConnectAdmin.desktop \
    usr/share/metainfo/io.github.connectadmin.ConnectAdmin.metainfo.xml \
    usr/share/icons/hicolor/scalable/apps/io.github.connectadmin.ConnectAdmin.svg \
    usr/share/man/man1/connect-admin.1.gz \
    usr/share/man/man1/connect-admin-cli.1.gz \
    usr/share/man/man1/connect-admin-service.1.gz \
    usr/share/doc/connect-admin/copyright \
    lib/systemd/system/connect-admin-service.service \
    etc/default/connect-admin-service
do
    grep -qx -- "-rw-r--r-- ./$f" "$tmp/files" || fail "no /$f (mode 0644) in the package"
done

# ---- Depends: from dpkg-shlibdeps (libraries) and explicit (Qt plugins)
depends=$(dpkg-deb -f "$deb" Depends)
echo "check-deb: Depends: $depends"
# One package name per line, alternatives split, version constraints dropped.
echo "$depends" | tr ',|' '\n\n' | sed 's/(.*)//; s/^ *//; s/ *$//' >"$tmp/depends"
for p in \
    libqt6core6 libqt6gui6 libqt6widgets6 libqt6network6 libqt6sql6 \
    libqt6sql6-sqlite libqt6sql6-psql libqt6svg6 libssl3 libargon2-1 libqt6keychain1 adduser
do
    grep -qx -- "$p" "$tmp/depends" || fail "Depends lacks $p"
done
recommends=$(dpkg-deb -f "$deb" Recommends)
case $recommends in
    *gnome-keyring*) ;;
    *) fail "Recommends lacks gnome-keyring (is \"$recommends\")" ;;
esac

# ---- the service's unit and options: as in the source tree (where check-unit.sh checks
# them), the options file a conffile, the maintainer scripts executable
mkdir "$tmp/root" "$tmp/control"
dpkg-deb -x "$deb" "$tmp/root"
dpkg-deb -e "$deb" "$tmp/control"
here=$(cd "$(dirname "$0")" && pwd)
cmp -s "$tmp/root/lib/systemd/system/connect-admin-service.service" "$here/connect-admin-service.service" ||
    fail "the packaged unit differs from packaging/connect-admin-service.service"
cmp -s "$tmp/root/etc/default/connect-admin-service" "$here/connect-admin-service.default" ||
    fail "the packaged /etc/default/connect-admin-service differs from packaging/connect-admin-service.default"
grep -qx /etc/default/connect-admin-service "$tmp/control/conffiles" 2>/dev/null ||
    fail "/etc/default/connect-admin-service is not a conffile"
for script in postinst prerm postrm; do
    [ -x "$tmp/control/$script" ] || fail "no executable $script in the package"
done
{ grep -q "adduser .*--system" "$tmp/control/postinst" &&
    grep -q "install -d -o connect-admin -g connect-admin -m 0700 /var/lib/connect-admin" "$tmp/control/postinst"; } ||
    fail "postinst does not make the system user connect-admin and /var/lib/connect-admin"

# ---- the installed tree: metadata, desktop file and icon agree
if command -v desktop-file-validate >/dev/null 2>&1; then
    desktop-file-validate "$tmp/root/usr/share/applications/io.github.connectadmin.ConnectAdmin.desktop" \
        >"$tmp/dfv" 2>&1 || fail "desktop-file-validate: $(cat "$tmp/dfv")"
    ! grep -q "error:\|warning:" "$tmp/dfv" || fail "desktop-file-validate: $(cat "$tmp/dfv")"
fi
if command -v readelf >/dev/null 2>&1; then
    for f in connect-admin connect-admin-cli connect-admin-service; do
        ! readelf -d "$tmp/root/usr/bin/$f" | grep -q "RPATH\|RUNPATH" \
            || fail "/usr/bin/$f has an RPATH or RUNPATH"
    done
fi
if command -v appstreamcli >/dev/null 2>&1; then
    appstreamcli validate-tree --no-net --strict "$tmp/root" >"$tmp/asv" 2>&1 \
        || fail "appstreamcli validate-tree: $(cat "$tmp/asv")"
fi

[ "$failed" = 0 ] || exit 1
echo "check-deb: OK"
