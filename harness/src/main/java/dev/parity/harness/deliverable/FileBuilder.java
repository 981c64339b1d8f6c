package dev.parity.harness.deliverable;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.parity.documents.FileFormat;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Builds one file of a requested format from the text a model wrote, or says why it cannot.
 * Stateless and thread-safe.
 */
final class FileBuilder {
  private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();
  private static final int MAX_LISTED_GLYPHS = 10;
  private static final Pattern DATA_URI = Pattern.compile("(?s)^data:[\\w/+.-]+;base64,");

  private FileBuilder() {}

  /** A built file and the problems found while building it (formulas that did not parse). */
  record Built(DeliveredFile file, List<Finding> findings) {}

  /** Why a file could not be built, in words for the report. */
  static final class CannotBuild extends Exception {
    private static final long serialVersionUID = 1L;

    CannotBuild(String reason) {
      super(reason);
    }
  }

  static Built build(String name, FileFormat format, ContentKind kind, String content) throws CannotBuild {
    if (content.isBlank()) {
      throw new CannotBuild("the model wrote nothing for it");
    }
    if (kind == ContentKind.BASE64) {
      return plain(new DeliveredFile(name, format, decode(content)));
    }
    try {
      return switch (format) {
        case MD, TXT, JSON -> plain(DeliveredFile.ofText(name, format, content));
        case CSV -> plain(DeliveredFile.ofText(name, format, kind == ContentKind.MARKDOWN ? csvOf(content) : content));
        case DOCX -> plain(new DeliveredFile(name, format, MarkdownDocx.build(content)));
        case PDF -> pdf(name, content);
        case PPTX -> deck(name, content);
        case XLSX -> workbook(name, kind, content);
        case PNG, JPG -> throw new CannotBuild("a " + format.id() + " image can only be delivered as base64");
      };
    } catch (RuntimeException e) {
      throw new CannotBuild(format.id() + " builder failed: " + e);
    }
  }

  private static Built plain(DeliveredFile file) {
    return new Built(file, List.of());
  }

  private static Built pdf(String name, String content) {
    MarkdownPdf.Built pdf = MarkdownPdf.build(content);
    List<Finding> findings = new ArrayList<>();
    if (!pdf.unshowable().isEmpty()) {
      List<Integer> shown = pdf.unshowable().subList(0, Math.min(pdf.unshowable().size(), MAX_LISTED_GLYPHS));
      StringBuilder listed = new StringBuilder();
      for (int cp : shown) {
        listed.append(listed.length() == 0 ? "" : ", ").append(Character.toChars(cp))
            .append(String.format(" (U+%04X)", cp));
      }
      int more = pdf.unshowable().size() - shown.size();
      findings.add(new Finding(Finding.Kind.MISSING_GLYPHS, name, "",
          "pdf file " + name + " cannot show " + pdf.unshowable().size() + " character"
              + (pdf.unshowable().size() == 1 ? "" : "s") + ", printed as #: " + listed
              + (more > 0 ? " and " + more + " more" : "")));
    }
    return new Built(new DeliveredFile(name, FileFormat.PDF, pdf.bytes()), findings);
  }

  private static byte[] decode(String content) throws CannotBuild {
    String base64 = DATA_URI.matcher(content.strip()).replaceFirst("").replaceAll("\\s+", "");
    try {
      return Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new CannotBuild("the base64 content does not decode: " + e.getMessage());
    }
  }

  private static Built deck(String name, String content) throws CannotBuild {
    SlideOutline outline = SlideOutline.parse(content);
    if (outline.slides().isEmpty()) {
      throw new CannotBuild("the slide outline holds no slide");
    }
    return plain(new DeliveredFile(name, FileFormat.PPTX, OutlinePptx.build(outline)));
  }

  private static Built workbook(String name, ContentKind kind, String content) throws CannotBuild {
    // Markdown tables are looked for whatever the envelope said: a model that wrote tables but
    // called them csv still means tables, and real CSV never has a |---| delimiter row.
    List<TableXlsx.SheetRows> sheets = new ArrayList<>();
    for (Tables.Titled table : Tables.tables(Markdown.parse(content))) {
      sheets.add(new TableXlsx.SheetRows(table.title(), table.rows()));
    }
    if (sheets.isEmpty() && kind == ContentKind.MARKDOWN) {
      throw new CannotBuild("the Markdown holds no table to put in a spreadsheet");
    }
    if (sheets.isEmpty()) {
      sheets.add(new TableXlsx.SheetRows("Sheet1", csvRows(content)));
    }
    TableXlsx.Result result = TableXlsx.build(name, sheets);
    return new Built(new DeliveredFile(name, FileFormat.XLSX, result.bytes()), result.findings());
  }

  /** Rows of CSV text; the separator is a comma, or a tab or semicolon when no line has a comma. */
  static List<List<String>> csvRows(String content) throws CannotBuild {
    char separator = ',';
    if (!content.contains(",")) {
      separator = content.contains("\t") ? '\t' : content.contains(";") ? ';' : ',';
    }
    CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(separator);
    try (MappingIterator<List<String>> rows = CSV.readerForListOf(String.class).with(schema).readValues(content.strip())) {
      List<List<String>> all = rows.readAll();
      if (all.isEmpty()) {
        throw new CannotBuild("the CSV holds no row");
      }
      return all;
    } catch (IOException | RuntimeException e) {
      throw new CannotBuild("the CSV does not parse: " + e.getMessage().lines().findFirst().orElse(""));
    }
  }

  private static String csvOf(String markdown) throws CannotBuild {
    List<Tables.Titled> tables = Tables.tables(Markdown.parse(markdown));
    if (tables.isEmpty()) {
      throw new CannotBuild("the Markdown holds no table to write as CSV");
    }
    try {
      return CSV.writeValueAsString(tables.get(0).rows());
    } catch (IOException e) {
      throw new CannotBuild("the table cannot be written as CSV: " + e.getMessage());
    }
  }
}
