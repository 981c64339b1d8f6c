package dev.parity.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Help.Ansi;

/**
 * {@code parity --help} (and {@code -h}, and {@code parity} alone) printed from text picocli wrote
 * at build time, without building any command: building even the one-command line picocli needs
 * loads about 800 classes, most of {@code --help}'s start-up (docs/design/0007-start-up.md).
 *
 * <p>The build runs {@link #main} after compiling (cli/pom.xml) to write picocli's own top-level
 * usage, plain and coloured, into the classes; {@code TopLevelHelpTest} checks that what this
 * prints is what the full command line prints. When the text is missing (classes compiled by an
 * IDE that skipped that step), the command runs the usual way.
 */
public final class TopLevelHelp {
  static final String PLAIN = "top-level-usage.txt";
  static final String COLOURED = "top-level-usage.ansi.txt";

  private TopLevelHelp() {}

  /** Whether {@code args} ask for nothing but the top-level usage. */
  static boolean asked(String... args) {
    return args.length == 0 || args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"));
  }

  /**
   * Prints the top-level usage to {@code out} if {@code args} ask for it and the text is there;
   * false when the command must run the usual way.
   */
  static boolean print(String[] args, PrintStream out) {
    if (!asked(args)) {
      return false;
    }
    // The same choice of colour picocli makes for the full command line (its default, AUTO).
    String text = text(Ansi.AUTO.enabled() ? COLOURED : PLAIN);
    if (text == null) {
      return false;
    }
    out.print(text);
    out.flush();
    return true;
  }

  /** The resource's text, or null when it is missing. */
  static String text(String resource) {
    try (InputStream in = TopLevelHelp.class.getResourceAsStream(resource)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What picocli prints for {@code parity --help}, in colour or not. */
  static String rendered(Ansi ansi) {
    return ParityCommand.commandLine("--help").getUsageMessage(ansi);
  }

  /** Writes both texts into the folder of this class's package under {@code args[0]}, the build's classes folder. */
  public static void main(String[] args) throws IOException {
    Path folder = Path.of(args[0]).resolve(TopLevelHelp.class.getPackageName().replace('.', '/'));
    Files.createDirectories(folder);
    Files.writeString(folder.resolve(PLAIN), rendered(Ansi.OFF), StandardCharsets.UTF_8);
    Files.writeString(folder.resolve(COLOURED), rendered(Ansi.ON), StandardCharsets.UTF_8);
  }
}
