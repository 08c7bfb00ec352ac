#!/usr/bin/env bash
# Regenerates the installers' icons from one drawing (ImageMagick 6+ and python3). The images are committed;
# run this only to change the drawing: a teal rounded square with a white pulse line.
#   assets/healdesk.png   512 x 512, the Linux launcher and .deb/.rpm menu icon
#   assets/healdesk.ico   16 to 256 px, Windows (.msi, the launcher .exe)
#   assets/healdesk.icns  16 to 512 px PNG entries, macOS (.dmg, the .app bundle)
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

convert -size 1024x1024 xc:none -fill '#0f766e' -draw 'roundrectangle 64,64 960,960 200,200' \
  -fill none -stroke white -strokewidth 64 \
  -draw 'stroke-linecap round stroke-linejoin round polyline 200,540 380,540 450,360 560,720 640,460 700,540 824,540' \
  "$tmp/1024.png"
for size in 16 32 48 64 128 256 512; do
  convert "$tmp/1024.png" -resize "${size}x${size}" -strip "PNG32:$tmp/$size.png"
done
cp "$tmp/512.png" healdesk.png
convert "$tmp/16.png" "$tmp/32.png" "$tmp/48.png" "$tmp/64.png" "$tmp/128.png" "$tmp/256.png" healdesk.ico

# ICNS: 'icns', the file length, then one entry per size: its type, its length (header included), a PNG.
python3 - "$tmp" healdesk.icns <<'PY'
import struct, sys, pathlib
tmp, out = pathlib.Path(sys.argv[1]), sys.argv[2]
types = {16: b'icp4', 32: b'icp5', 64: b'icp6', 128: b'ic07', 256: b'ic08', 512: b'ic09'}
body = b''.join(t + struct.pack('>I', 8 + len(d)) + d
                for t, d in ((t, (tmp / f'{s}.png').read_bytes()) for s, t in types.items()))
pathlib.Path(out).write_bytes(b'icns' + struct.pack('>I', 8 + len(body)) + body)
PY
ls -l healdesk.png healdesk.ico healdesk.icns
