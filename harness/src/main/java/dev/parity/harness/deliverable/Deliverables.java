package dev.parity.harness.deliverable;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parity.documents.FileFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns what a model delivered into validated files: the answer's envelope (see
 * {@link DeliverableEnvelope}) or, when the answer has none, the whole answer as
 * {@code deliverable.md} with each other requested format built from it; or files delivered as
 * files. Never throws for bad model output: everything that went wrong is in the
 * {@link DeliveryResult}. Stateless and thread-safe.
 */
public final class Deliverables {
  /** The name of the whole answer when it holds no usable envelope. */
  public static final String FALLBACK_NAME = "deliverable.md";

  private static final ObjectMapper JSON = new ObjectMapper();

  private Deliverables() {}

  /**
   * The files of an answer, built into their formats and validated.
   *
   * @param answerText the model's whole answer
   * @param requested the formats the request asked for; each one missing is a finding
   */
  public static DeliveryResult fromAnswer(String answerText, List<FileFormat> requested) {
    return fromAnswer(answerText, requested, FormatConversion.OFF);
  }

  /**
   * The files of an answer, built into their formats and validated; a requested format missing
   * is built from a delivered Markdown or CSV file when {@code conversion} is
   * {@link FormatConversion#CONVERT}.
   *
   * @param answerText the model's whole answer
   * @param requested the formats the request asked for; each one missing is a finding
   * @param conversion whether a missing format is built from a delivered text file
   */
  public static DeliveryResult fromAnswer(String answerText, List<FileFormat> requested, FormatConversion conversion) {
    EnvelopeParser.Parsed parsed = EnvelopeParser.parse(answerText);
    List<String> notes = new ArrayList<>(parsed.notes());
    Assembly assembly = new Assembly(notes, conversion);
    if (parsed.found()) {
      for (EnvelopeParser.Block block : parsed.blocks()) {
        assembly.add(block, requested);
      }
    }
    if (assembly.files.isEmpty()) {
      notes.add(parsed.found()
          ? "the envelope held no usable file; the whole answer is delivered as " + FALLBACK_NAME
          : "the answer holds no envelope; it is delivered as " + FALLBACK_NAME);
      return fallback(answerText, requested, notes, assembly.failures, conversion);
    }
    return assembly.result(Extraction.ENVELOPE, requested);
  }

  /**
   * Files delivered as files (an agent's output folder, an import from elsewhere), validated.
   *
   * @param files the files, with unique names
   * @param requested the formats the request asked for; each one missing is a finding
   * @throws IllegalArgumentException if two files have the same name
   */
  public static DeliveryResult fromFiles(List<DeliveredFile> files, List<FileFormat> requested) {
    return fromFiles(files, requested, FormatConversion.OFF);
  }

  /**
   * Files delivered as files, validated; a requested format missing is built from a delivered
   * Markdown or CSV file when {@code conversion} is {@link FormatConversion#CONVERT}.
   *
   * @param files the files, with unique names
   * @param requested the formats the request asked for; each one missing is a finding
   * @param conversion whether a missing format is built from a delivered text file
   * @throws IllegalArgumentException if two files have the same name
   */
  public static DeliveryResult fromFiles(List<DeliveredFile> files, List<FileFormat> requested,
      FormatConversion conversion) {
    Set<String> seen = new HashSet<>();
    for (DeliveredFile file : files) {
      if (!seen.add(file.name())) {
        throw new IllegalArgumentException("two delivered files are named " + file.name());
      }
    }
    Assembly assembly = new Assembly(new ArrayList<>(), conversion);
    assembly.files.addAll(files);
    return assembly.result(Extraction.FILES, requested);
  }

  /** The problems of one file: it does not open, is empty, or holds broken formulas. */
  public static List<Finding> validate(DeliveredFile file) {
    return FileValidator.validate(file);
  }

  private static DeliveryResult fallback(String answer, List<FileFormat> requested, List<String> notes,
      List<BuildFailure> envelopeFailures, FormatConversion conversion) {
    Assembly assembly = new Assembly(notes, conversion);
    assembly.failures.addAll(envelopeFailures);
    String text = EnvelopeParser.withoutMarkers(answer).strip();
    Optional<Fences.Unwrapped> fenced = Fences.answerFile(text);
    if (fenced.isPresent() && !fenced.get().content().isEmpty()) {
      // A Markdown file fenced as code would be built as one big code block.
      int prose = fenced.get().proseAround();
      notes.add("the answer is a Markdown file in a code fence; the fence was removed"
          + (prose > 0 ? " and the " + prose + " characters around it were not delivered" : ""));
      text = fenced.get().content();
    }
    if (text.isEmpty()) {
      notes.add("the answer is empty");
      return assembly.result(Extraction.FALLBACK, requested);
    }
    assembly.build(FALLBACK_NAME, FileFormat.MD, ContentKind.MARKDOWN, text);
    for (FileFormat format : new LinkedHashSet<>(requested)) {
      if (format == FileFormat.MD) {
        continue;
      }
      ContentKind kind = format == FileFormat.JSON && parsesAsJson(text) ? ContentKind.JSON : ContentKind.MARKDOWN;
      if (format == FileFormat.JSON && kind != ContentKind.JSON) {
        assembly.failures.add(new BuildFailure("deliverable.json", format, "the answer is not JSON"));
        continue;
      }
      assembly.build("deliverable." + format.id(), format, kind, text);
    }
    return assembly.result(Extraction.FALLBACK, requested);
  }

  private static boolean parsesAsJson(String text) {
    try {
      JSON.readTree(text);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** The files of one deliverable as they are built. Not thread-safe. */
  private static final class Assembly {
    final List<DeliveredFile> files = new ArrayList<>();
    final List<BuildFailure> failures = new ArrayList<>();
    final List<Finding> findings = new ArrayList<>();
    final List<Conversion> conversions = new ArrayList<>();
    final List<String> notes;
    final FileNames names;
    final FormatConversion conversion;

    Assembly(List<String> notes, FormatConversion conversion) {
      this.notes = notes;
      this.names = new FileNames(notes);
      this.conversion = conversion;
    }

    void add(EnvelopeParser.Block block, List<FileFormat> requested) {
      String cleaned = FileNames.clean(block.name());
      if (!block.name().isEmpty() && !cleaned.equals(block.name())) {
        notes.add("the name " + block.name() + " was cleaned to " + cleaned);
      }
      ContentKind named = ContentKind.named(block.contentKind());
      FileFormat format = FileNames.formatOf(cleaned)
          .or(() -> FileFormat.fromId(block.contentKind()))
          .orElseGet(() -> guessFormat(block, named, requested));
      String name = FileNames.withFormat(cleaned, format);
      if (!name.equals(cleaned) && !block.name().isEmpty()) {
        notes.add("the file " + cleaned + " at line " + block.line() + " is delivered as " + name);
      }
      ContentKind kind = named != null ? named : ContentKind.defaultFor(format);
      build(names.unique(name), format, kind, block.content());
    }

    /** A name without a known extension: the one requested format, else what the content is. */
    private FileFormat guessFormat(EnvelopeParser.Block block, ContentKind named, List<FileFormat> requested) {
      Set<FileFormat> distinct = new LinkedHashSet<>(requested);
      if (block.name().isEmpty() && distinct.size() == 1) {
        return distinct.iterator().next();
      }
      return named != null ? named.naturalFormat() : FileFormat.MD;
    }

    void build(String name, FileFormat format, ContentKind kind, String content) {
      try {
        FileBuilder.Built built = FileBuilder.build(name, format, kind, content);
        files.add(built.file());
        findings.addAll(built.findings());
      } catch (FileBuilder.CannotBuild e) {
        failures.add(new BuildFailure(name, format, e.getMessage()));
      }
    }

    DeliveryResult result(Extraction extraction, List<FileFormat> requested) {
      if (conversion == FormatConversion.CONVERT) {
        convertMissing(requested);
      }
      for (DeliveredFile file : files) {
        findings.addAll(FileValidator.validate(file));
      }
      Set<FileFormat> delivered = files.stream().map(DeliveredFile::format).collect(Collectors.toSet());
      for (FileFormat format : new LinkedHashSet<>(requested)) {
        if (!delivered.contains(format)) {
          String why = failures.stream().filter(f -> f.format() == format).map(BuildFailure::reason)
              .findFirst().map(reason -> " (could not build it: " + reason + ")")
              .orElseGet(() -> conversion == FormatConversion.OFF ? convertible(format) : "");
          findings.add(new Finding(Finding.Kind.MISSING, format.id(), "",
              "promised " + format.id() + ", delivered none" + why));
        }
      }
      return new DeliveryResult(files, extraction, failures, findings, notes, conversions);
    }

    /** Builds each requested format no file has from a delivered file it can be built from. */
    private void convertMissing(List<FileFormat> requested) {
      for (FileFormat format : new LinkedHashSet<>(requested)) {
        if (files.stream().anyMatch(f -> f.format() == format)) {
          continue;
        }
        Optional<DeliveredFile> source = sourceFor(format);
        if (source.isEmpty()) {
          continue;
        }
        DeliveredFile from = source.get();
        String name = names.unique(stem(from.name()) + "." + format.id());
        ContentKind kind = from.format() == FileFormat.CSV ? ContentKind.CSV : ContentKind.MARKDOWN;
        int before = files.size();
        build(name, format, kind, new String(from.bytes(), StandardCharsets.UTF_8));
        if (files.size() > before) {
          conversions.add(new Conversion(from.name(), name, format));
        }
      }
    }

    /** What a missing format's finding adds when conversion is off and a file could have been converted. */
    private String convertible(FileFormat format) {
      return sourceFor(format).map(from -> " (" + from.name() + " was delivered instead; with format conversion,"
          + " as parity run --convert-formats asks, " + format.id() + " is built from it)").orElse("");
    }

    /** The delivered file a format can be built from: a CSV file for a workbook, else a Markdown file. */
    private Optional<DeliveredFile> sourceFor(FileFormat format) {
      List<FileFormat> sources = switch (format) {
        case XLSX -> List.of(FileFormat.CSV, FileFormat.MD);
        case DOCX, PDF, PPTX -> List.of(FileFormat.MD);
        default -> List.of();
      };
      for (FileFormat source : sources) {
        Optional<DeliveredFile> file = files.stream().filter(f -> f.format() == source).findFirst();
        if (file.isPresent()) {
          return file;
        }
      }
      return Optional.empty();
    }

    private static String stem(String name) {
      int dot = name.lastIndexOf('.');
      return dot > 0 ? name.substring(0, dot) : name;
    }
  }
}
