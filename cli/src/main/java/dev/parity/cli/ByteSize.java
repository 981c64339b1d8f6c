package dev.parity.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Reads sizes such as {@code 50MB}, {@code 512k} or {@code 1048576} (bytes). */
final class ByteSize implements CommandLine.ITypeConverter<Long> {
  private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmg]?)i?b?");

  @Override
  public Long convert(String value) {
    Matcher m = SIZE.matcher(value.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new CommandLine.TypeConversionException(
          "'" + value + "' is not a size; write e.g. 50MB, 512KB or 1048576");
    }
    double number = Double.parseDouble(m.group(1));
    long unit = switch (m.group(2)) {
      case "k" -> 1024L;
      case "m" -> 1024L * 1024;
      case "g" -> 1024L * 1024 * 1024;
      default -> 1L;
    };
    long bytes = (long) (number * unit);
    if (bytes <= 0) {
      throw new CommandLine.TypeConversionException("size must be positive: " + value);
    }
    return bytes;
  }
}
