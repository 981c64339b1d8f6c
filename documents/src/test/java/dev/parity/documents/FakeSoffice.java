package dev.parity.documents;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;

/**
 * A stand-in for LibreOffice's {@code soffice}: a shell script that answers {@code --version},
 * logs each conversion (call number, profile, network namespace, niceness), and then does what
 * the test asked for that call: crash, hang, wait to be released, run the real LibreOffice, or
 * copy a fixed PDF into the output folder.
 */
final class FakeSoffice {
  private static final String SCRIPT = """
      #!/bin/sh
      dir="$(dirname "$0")"
      if [ "$1" = "--version" ]; then echo "LibreOffice 7.4.7.2 40(Build:2)"; exit 0; fi
      n=$(( $(cat "$dir/calls" 2>/dev/null || echo 0) + 1 )); echo "$n" > "$dir/calls"
      prev=""; out=""; profile=""
      for a in "$@"; do
        [ "$prev" = "--outdir" ] && out="$a"
        case "$a" in -env:UserInstallation=file://*) profile="${a#-env:UserInstallation=file://}";; esac
        prev="$a"
      done
      echo "$n $profile $(readlink /proc/self/ns/net) $(nice)" >> "$dir/log"
      mkdir -p "$profile"
      [ -f "$dir/crash-$n" ] && kill -SEGV $$
      if [ -f "$dir/hang-$n" ]; then echo $$ > "$dir/hanging"; exec sleep 600; fi
      if [ -f "$dir/hold" ]; then
        echo "$n" >> "$dir/started"
        while [ ! -f "$dir/release" ]; do sleep 0.05; done
      fi
      [ -f "$dir/real" ] && exec "$(cat "$dir/real")" "$@"
      # Like LibreOffice on a file it cannot open: no PDF, and still exit code 0.
      [ -f "$dir/fixture.pdf" ] && cp "$dir/fixture.pdf" "$out/document.pdf"
      exit 0
      """;

  final Path dir;
  final Path program;

  private FakeSoffice(Path dir) throws IOException {
    this.dir = dir;
    this.program = dir.resolve("soffice");
    Files.writeString(program, SCRIPT, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  /** A fake whose conversions copy {@code pdf}. */
  static FakeSoffice copying(Path dir, Path pdf) throws IOException {
    FakeSoffice fake = new FakeSoffice(dir);
    Files.copy(pdf, dir.resolve("fixture.pdf"));
    return fake;
  }

  /** A fake whose conversions run the real LibreOffice (unless told to crash or hang). */
  static FakeSoffice runningReal(Path dir) throws IOException {
    FakeSoffice fake = new FakeSoffice(dir);
    Files.writeString(dir.resolve("real"), realSoffice().orElseThrow().toString());
    return fake;
  }

  static Optional<Path> realSoffice() {
    return PageRenderers.findSoffice();
  }

  /** Call {@code n} (from 1) crashes with a segmentation fault. */
  void crashOnCall(int n) throws IOException {
    Files.createFile(dir.resolve("crash-" + n));
  }

  /** Call {@code n} (from 1) hangs until killed, after writing its process id to {@link #hangingMarker()}. */
  void hangOnCall(int n) throws IOException {
    Files.createFile(dir.resolve("hang-" + n));
  }

  Path hangingMarker() {
    return dir.resolve("hanging");
  }

  /** Every conversion waits, after logging, until {@link #release()}. */
  void hold() throws IOException {
    Files.createFile(dir.resolve("hold"));
  }

  void release() throws IOException {
    Files.createFile(dir.resolve("release"));
  }

  /** How many held conversions have started. */
  int started() throws IOException {
    Path started = dir.resolve("started");
    return Files.exists(started) ? Files.readAllLines(started).size() : 0;
  }

  /** Each conversion's log line: call number, profile folder, network namespace, niceness. */
  List<String[]> log() throws IOException {
    return Files.readAllLines(dir.resolve("log")).stream().map(line -> line.split(" ")).toList();
  }
}
