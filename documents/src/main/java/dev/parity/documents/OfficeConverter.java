package dev.parity.documents;

import dev.parity.core.doctor.Programs;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * DOCX, XLSX and PPTX to PDF with LibreOffice headless, one office process per conversion.
 *
 * <p>Why not a long-lived office process driven over UNO (JODConverter): UNO needs a TCP socket
 * between the JVM and the office process, so the office process cannot be shut in a network
 * namespace of its own (LibreOffice's pipe connection needs a native library Debian's packages
 * do not ship). Here every conversion is {@code nice -n 10 unshare -rn soffice --convert-to pdf}:
 * lower CPU priority, no network (when the system lets users make namespaces; see {@link
 * #isolated()}), a private profile, a timeout after which the process and its children are
 * killed. A crash or a hang never outlives its document. Each of the {@link
 * OfficeSettings#maxConcurrent()} slots keeps its profile between conversions (building a profile
 * takes a second or two), and builds it anew after {@link OfficeSettings#conversionsPerProfile()}
 * conversions, a crash or a timeout. See docs/rendering.md.
 *
 * <p>Thread-safe; {@link #close()} deletes the profiles.
 */
final class OfficeConverter implements AutoCloseable {
  /** Waits for a process to end, or not: the timeout is injected so that tests decide when a hang is one. */
  interface ProcessWatch {
    /** Whether {@code process} ended within {@code timeout}. */
    boolean ended(Process process, Duration timeout) throws InterruptedException;
  }

  static final ProcessWatch WAIT = (process, timeout) -> process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration KILL_WAIT = Duration.ofSeconds(30);

  private final OfficeSettings settings;
  private final ProcessWatch watch;
  private final String version;
  private final boolean isolated;
  private final List<String> prefix;
  private final Path root;
  private final Semaphore permits;
  private final ConcurrentLinkedQueue<Slot> slots = new ConcurrentLinkedQueue<>();
  private volatile boolean closed;

  /**
   * @throws UnableToRenderException if {@code settings.soffice()} does not run or does not say
   *     it is LibreOffice
   */
  OfficeConverter(OfficeSettings settings, ProcessWatch watch) {
    this.settings = settings;
    this.watch = watch;
    this.version = Programs.firstLine(List.of(settings.soffice().toString(), "--version"), PROBE_TIMEOUT)
        .filter(line -> line.startsWith("LibreOffice"))
        .map(OfficeConverter::shortVersion)
        .orElseThrow(() -> new UnableToRenderException(
            settings.soffice() + " does not run as LibreOffice (" + settings.soffice() + " --version failed)", null));
    Optional<Path> unshare = Programs.onPath("unshare");
    this.isolated = unshare.isPresent()
        && Programs.firstLine(List.of(unshare.get().toString(), "-rn", "echo", "isolated"), PROBE_TIMEOUT).isPresent();
    List<String> command = new ArrayList<>();
    Programs.onPath("nice").ifPresent(nice -> command.addAll(List.of(nice.toString(), "-n", "10")));
    if (isolated) {
      command.addAll(List.of(unshare.get().toString(), "-rn"));
    }
    this.prefix = List.copyOf(command);
    try {
      this.root = Files.createTempDirectory("parity-office-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make a folder for office profiles: " + e.getMessage(), e);
    }
    this.permits = new Semaphore(settings.maxConcurrent(), true);
    for (int i = 0; i < settings.maxConcurrent(); i++) {
      slots.add(new Slot(root.resolve("slot-" + i)));
    }
  }

  /** {@code LibreOffice 7.4.7.2}, from {@code LibreOffice 7.4.7.2 40(Build:2)}. */
  private static String shortVersion(String line) {
    String[] words = line.split("\\s+");
    return words.length >= 2 ? words[0] + " " + words[1] : line;
  }

  /** The LibreOffice version, e.g. {@code LibreOffice 7.4.7.2}. */
  String version() {
    return version;
  }

  /** Whether each office process runs without network, in a network namespace of its own. */
  boolean isolated() {
    return isolated;
  }

  /** How many conversions are waiting for a free slot right now. */
  int waiting() {
    return permits.getQueueLength();
  }

  /**
   * The PDF of an office file. Blocks while {@link OfficeSettings#maxConcurrent()} conversions
   * run.
   *
   * @throws UnableToRenderException "could not be rendered: …" when LibreOffice crashed, timed
   *     out, or made no PDF of it, or the converter is closed
   */
  byte[] toPdf(FileFormat format, byte[] bytes) {
    if (closed) {
      throw new UnableToRenderException("could not be rendered: the office converter is closed", null);
    }
    try {
      permits.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UnableToRenderException("could not be rendered: interrupted while waiting for the office converter", e);
    }
    Slot slot = slots.poll();
    try {
      return slot.convert(format, bytes);
    } finally {
      slots.add(slot);
      permits.release();
    }
  }

  /** Deletes the profiles; conversions still running finish, later ones fail. */
  @Override
  public void close() {
    closed = true;
    deleteTree(root);
  }

  /** One place to convert: a profile folder, how many conversions it served, which generation it is. */
  private final class Slot {
    private final Path folder;
    private int generation;
    private int served;

    Slot(Path folder) {
      this.folder = folder;
    }

    byte[] convert(FileFormat format, byte[] bytes) {
      Path work = null;
      boolean healthy = true;
      try {
        Path profile = folder.resolve("profile-" + generation);
        work = Files.createDirectories(folder.resolve("work"));
        Path input = Files.write(work.resolve("document." + format.id()), bytes);
        Path out = Files.createDirectories(work.resolve("out"));
        Path log = work.resolve("office.log");
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(settings.soffice().toString(), "-env:UserInstallation=" + profile.toUri(),
            "--headless", "--invisible", "--nologo", "--nodefault", "--norestore", "--nolockcheck",
            "--convert-to", "pdf", "--outdir", out.toString(), input.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .redirectOutput(log.toFile());
        // Nothing of the user's environment reaches the office process but what it needs to run.
        builder.environment().put("HOME", work.toString());
        builder.environment().put("TMPDIR", work.toString());
        Process process = builder.start();
        boolean ended;
        try {
          ended = watch.ended(process, settings.timeout());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          kill(process);
          healthy = false;
          throw new UnableToRenderException("could not be rendered: interrupted during the conversion", e);
        }
        if (!ended) {
          kill(process);
          healthy = false;
          throw new UnableToRenderException("could not be rendered: LibreOffice did not finish within "
              + seconds(settings.timeout()) + " and was stopped", null);
        }
        int exit = process.exitValue();
        // LibreOffice may leave helpers behind when it crashes; none may outlive the conversion.
        kill(process);
        if (exit != 0) {
          healthy = false;
          throw new UnableToRenderException("could not be rendered: LibreOffice "
              + (exit > 128 ? "crashed (signal " + (exit - 128) + ")" : "failed (exit code " + exit + ")")
              + lastLine(log), null);
        }
        Path pdf = out.resolve("document.pdf");
        if (!Files.isRegularFile(pdf) || Files.size(pdf) == 0) {
          throw new UnableToRenderException("could not be rendered: LibreOffice made no PDF of this "
              + format.id() + " file" + lastLine(log), null);
        }
        return Files.readAllBytes(pdf);
      } catch (IOException e) {
        throw new UnableToRenderException("could not be rendered: " + e.getMessage(), e);
      } finally {
        if (work != null) {
          deleteTree(work);
        }
        served++;
        if (!healthy || served >= settings.conversionsPerProfile()) {
          // A crash or a kill may leave a profile half-written or locked: the next one starts clean.
          deleteTree(folder.resolve("profile-" + generation));
          generation++;
          served = 0;
        }
      }
    }
  }

  /** Kills the process and every process it started, and waits until they are gone. */
  private static void kill(Process process) {
    // Taken before the kill: once the parent is gone its children are no longer its descendants.
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    tree.forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    tree.add(process.toHandle());
    for (ProcessHandle handle : tree) {
      try {
        handle.onExit().get(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (ExecutionException | TimeoutException e) {
        // Killed but not yet reaped by whoever inherited it: nothing more can be done from here.
      }
    }
  }

  private static String lastLine(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      for (int i = lines.size() - 1; i >= 0; i--) {
        if (!lines.get(i).isBlank()) {
          return ": " + lines.get(i).strip();
        }
      }
    } catch (IOException | UncheckedIOException e) {
      // The log is a courtesy to the reader of the message; without it the message still stands.
    }
    return "";
  }

  private static String seconds(Duration duration) {
    return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
  }

  private static void deleteTree(Path folder) {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // Left-overs in the temporary folder are harmless; the conversion's answer stands.
    }
  }
}
