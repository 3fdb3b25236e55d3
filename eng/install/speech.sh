#!/usr/bin/env bash
# Installs what voice-note transcription needs on Debian 12 (bookworm), idempotently:
#  - ffmpeg (decodes OGG/Opus, MP3, M4A/AAC, WebM, WAV to 16 kHz mono float),
#  - libopusfile0 (the in-process OGG/Opus decoder),
#  - pocketsphinx + its en-us model (the fallback engine when no Whisper model is configured),
#  - espeak-ng (tests speak sentences with it),
#  - libwhisper, built from the whisper.cpp 1.9.1 sources inside npm nodejs-whisper@0.3.1, into
#    the git-ignored native/linux-x64/, plus whisper.cpp's own whisper-cli for the benchmark.
# See docs/speech.md. Run from anywhere; it works relative to the repository root.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
native_dir="$repo_root/native/linux-x64"
whisper_npm_version="0.3.1"

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_packages=(ffmpeg libopusfile0 espeak-ng pocketsphinx pocketsphinx-en-us libgomp1)
missing=()
for pkg in "${apt_packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done
# Build tools: the dotnet image brings its own node/npm (not from apt), so only the missing commands
# are installed from Debian.
for tool in cmake:cmake ninja:ninja-build g++:g++ npm:npm; do
  if ! command -v "${tool%%:*}" >/dev/null 2>&1; then
    missing+=("${tool##*:}")
  fi
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "speech.sh: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -qq
  as_root apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "speech.sh: apt packages already installed"
fi

# libwhisper and whisper-cli are built together from one source tree, so the benchmark compares
# the same code. A stamp file records the source they came from.
stamp="$native_dir/.built-from"
expected_stamp="nodejs-whisper@$whisper_npm_version"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$expected_stamp" ] \
  && [ -e "$native_dir/libwhisper.so.1" ] && [ -x "$native_dir/whisper-cli" ]; then
  echo "speech.sh: libwhisper already built in native/linux-x64 ($expected_stamp)"
  exit 0
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "speech.sh: building libwhisper from npm nodejs-whisper@$whisper_npm_version (about a minute)"
(cd "$work" && npm pack --silent "nodejs-whisper@$whisper_npm_version" >/dev/null && tar xzf "nodejs-whisper-$whisper_npm_version.tgz")
src="$work/package/cpp/whisper.cpp"
# CPU only and portable AVX2 (not -march=native), so the library runs on any x86-64 box with AVX2.
# RUNPATH $ORIGIN lets NativeLibrary.Load find libggml* beside libwhisper without LD_LIBRARY_PATH.
cmake -S "$src" -B "$work/build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DBUILD_SHARED_LIBS=ON -DWHISPER_BUILD_EXAMPLES=ON -DWHISPER_BUILD_TESTS=OFF -DWHISPER_BUILD_SERVER=OFF \
  -DWHISPER_SDL2=OFF -DWHISPER_CURL=OFF -DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_BMI2=ON \
  -DCMAKE_BUILD_WITH_INSTALL_RPATH=ON '-DCMAKE_INSTALL_RPATH=$ORIGIN' >/dev/null
ninja -C "$work/build" -j"$(nproc)" whisper whisper-cli >/dev/null

mkdir -p "$native_dir"
cp -a "$work"/build/bin/lib{whisper,ggml,ggml-base,ggml-cpu}.so* "$native_dir/" 2>/dev/null \
  || cp -a "$work"/build/src/libwhisper.so* "$work"/build/ggml/src/libggml*.so* "$native_dir/"
cp "$work/build/bin/whisper-cli" "$native_dir/whisper-cli"
printf '%s' "$expected_stamp" > "$stamp"
echo "speech.sh: libwhisper and whisper-cli are in native/linux-x64"
