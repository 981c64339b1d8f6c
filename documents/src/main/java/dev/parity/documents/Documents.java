package dev.parity.documents;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What Parity reads out of a document, with one reader per format ({@code FormatReader}: Apache
 * POI and the package's parts for DOCX, XLSX and PPTX, PDFBox for PDF, UTF-8 for the text
 * formats, the metadata segments of JPEG and PNG), which every use below shares: its text for a model or a check, its pieces
 * of text with their places, its pages, headings and cells for a rubric check, its HTML view for
 * a grader, and the metadata that says who made it and the active content that could run or call
 * out when it is opened, both of which {@link #strip} removes.
 *
 * <p>Text: parts of a document are marked with delimiter lines so that a reader knows where each
 * part starts: {@code --- sheet 1: Q3 actuals ---} before each worksheet, {@code --- slide 2: Title ---}
 * before each slide, {@code --- page 3 ---} before each PDF page. Within a worksheet each row is one
 * CSV line holding the cells' displayed values (formula cells show their last computed value; one
 * saved without it, as openpyxl writes them, is computed now, or shown as its formula with a note
 * where it cannot be: never as 0) and
 * the sheet's formulas follow under {@code formulas:} as {@code B7: =SUM(B2:B6)}. Within a Word
 * document, headings become Markdown headings, list items start with {@code - } and table rows are
 * written as {@code | a | b |}. The text formats (TXT, MD, CSV, JSON) are read as they are.
 *
 * <p>Views: every format renders to a {@link Rendering}, sanitised HTML with one look whatever
 * made the file. A file that cannot be read renders as a message saying so
 * ({@link Rendering#readable()} false), never as an exception, so one broken file cannot stop a
 * grading page.
 *
 * <p>Stateless and safe to call from many threads.
 */
public final class Documents {
  private Documents() {}

  /** Whether files of {@code format} have text to extract (images have none). */
  public static boolean hasText(FileFormat format) {
    return !format.isImage();
  }

  /**
   * The text of {@code file}, read as {@code format}.
   *
   * @throws UnableToExtractTextException when the format holds no text (PNG, JPG), or the file
   *     cannot be read or parsed as that format; the message names the file
   */
  public static String text(Path file, FileFormat format) {
    requireText(file, format);
    byte[] content;
    try {
      content = Files.readAllBytes(file);
    } catch (IOException e) {
      throw unreadable(file, format, e);
    }
    return text(file, content, format);
  }

  /**
   * {@link #text(Path, FileFormat)} of {@code content}, the bytes already read from {@code file}
   * (named in nothing but the exception's message).
   *
   * @throws UnableToExtractTextException as {@link #text(Path, FileFormat)}
   */
  public static String text(Path file, byte[] content, FileFormat format) {
    requireText(file, format);
    try {
      return FormatReader.of(format).text(content);
    } catch (IOException | RuntimeException e) {
      throw unreadable(file, format, e);
    }
  }

  private static void requireText(Path file, FileFormat format) {
    if (!hasText(format)) {
      throw new UnableToExtractTextException(
          file + ": a " + format.id() + " image holds no text to extract", null);
    }
  }

  private static UnableToExtractTextException unreadable(Path file, FileFormat format, Exception e) {
    return new UnableToExtractTextException(file + ": cannot read it as " + format.id() + ": " + describe(e), e);
  }

  /**
   * Why the file at {@code file} would not open as {@code format} for a run, a judge or a grader,
   * or empty if it opens: its text is extracted as {@link #text} extracts it, a picture is
   * decoded. {@code parity validate} asks this of every reference and baseline file.
   *
   * @return the reader's reason, one line (e.g. {@code not a png image}, or what POI said of a
   *     PDF named {@code .xlsx})
   */
  public static Optional<String> whyUnreadable(Path file, FileFormat format) {
    byte[] content;
    try {
      content = Files.readAllBytes(file);
    } catch (IOException e) {
      // As text() reports it for a text format (the reading's exception as the cause), and as the
      // picture's decoding did when it read the file itself.
      return Optional.of(reason(hasText(format) ? unreadable(file, format, e) : e));
    }
    return whyUnreadable(file, content, format);
  }

  /**
   * {@link #whyUnreadable(Path, FileFormat)} of {@code content}, the bytes already read from
   * {@code file} (named in nothing but the reasons): for a caller that needs the bytes too, so
   * that the file is read once.
   */
  public static Optional<String> whyUnreadable(Path file, byte[] content, FileFormat format) {
    try {
      if (hasText(format)) {
        text(file, content, format);
      } else {
        new ImageReader(format).decode(content);
      }
      return Optional.empty();
    } catch (UnableToExtractTextException | IOException e) {
      return Optional.of(reason(e));
    }
  }

  /** A failure's reason in one line: its cause's, when it has one. */
  private static String reason(Exception e) {
    Throwable cause = e.getCause() == null ? e : e.getCause();
    return cause instanceof Exception reason ? firstLine(reason) : cause.toString();
  }

  /**
   * Every piece of text in a file with its place, in document order: the lines of a text file; a
   * Word document's paragraphs, table cells, headers, footers and comments; a workbook's sheet
   * names, text cells and cell comments; each slide's and its notes' text shapes; each PDF page.
   * Images have none.
   *
   * @throws UnableToExtractTextException when the bytes do not open as {@code format}; the
   *     message is what the reader said, its cause the reader's exception
   */
  public static List<TextPiece> pieces(FileFormat format, byte[] bytes) {
    try {
      return FormatReader.of(format).pieces(bytes);
    } catch (IOException | RuntimeException e) {
      throw new UnableToExtractTextException(e.getMessage(), e);
    }
  }

  /** The {@link Surface#label} of a place holding a position, as {@code latitude,longitude} in degrees. */
  public static final String GPS_LABEL = "GPS";

  /**
   * Every piece of text in a file, the places a reader does not see at first included, for
   * vetting: in DOCX tracked changes, hidden text, field codes, hyperlink targets, alt text,
   * comments and their authors, headers, footers, footnotes, custom XML, the attached template and
   * the properties; in XLSX every sheet (hidden ones named so), hidden rows and columns, defined
   * names, cell comments, external links and their cached values, pivot caches, properties; in
   * PPTX slides, speaker notes, alt text, charts' embedded workbooks, properties; in PDF pages,
   * annotations, form fields, bookmarks, the Info dictionary and XMP; in JPEG and PNG EXIF (the
   * GPS position as a surface labelled {@link #GPS_LABEL}), XMP and text chunks; the lines of
   * text files, the cells of CSV files (labelled with their column's header), and the field
   * names, strings (decoded) and numbers of a JSON file at {@code line N /json/pointer}. A PEM
   * block a document holds over several places (a key pasted into Word, one paragraph a line) is
   * one surface, so that a private key is found, and redacted, whole.
   *
   * @throws UnableToExtractTextException when the bytes do not open as {@code format}
   */
  public static List<Surface> surfaces(FileFormat format, byte[] bytes) {
    try {
      return FormatReader.of(format).surfaces(bytes);
    } catch (IOException | RuntimeException e) {
      throw new UnableToExtractTextException(e.getMessage(), e);
    }
  }

  /**
   * The number of pages the file says it has: a PDF's pages, a deck's slides, the page count Word
   * stored in a DOCX file; empty for other formats and for a DOCX file without one.
   *
   * @throws UnableToExtractTextException if the file cannot be read or parsed as {@code format};
   *     the message is what the reader said
   */
  public static OptionalInt pages(Path file, FileFormat format) {
    return read(file, FormatReader.of(format)::pages);
  }

  /**
   * The headings the file's structure names: a Word document's heading and title paragraphs, a
   * deck's slide titles, a workbook's sheet names; empty (not an empty list) for formats whose
   * headings are in their text only, such as Markdown.
   *
   * @throws UnableToExtractTextException if the file cannot be read or parsed as {@code format};
   *     the message is what the reader said
   */
  public static Optional<List<String>> headings(Path file, FileFormat format) {
    return switch (format) {
      case DOCX, PPTX, XLSX -> read(file, FormatReader.of(format)::headings);
      default -> Optional.empty(); // their headings are in their text: the file is not read
    };
  }

  /**
   * How long the file is and what form it takes (see {@link DocumentFeatures}), read by the same
   * reader as its text.
   *
   * @throws UnableToExtractTextException when the bytes do not open as {@code format} (an image
   *     that does not decode included); the message is what the reader said
   */
  public static DocumentFeatures features(FileFormat format, byte[] bytes) {
    try {
      return FormatReader.of(format).features(bytes);
    } catch (IOException | RuntimeException e) {
      throw new UnableToExtractTextException(firstLine(e), e);
    }
  }

  /**
   * The value of the cell {@code reference} ({@code Sheet1!B7}, or {@code B7} on the first sheet)
   * of the workbook at {@code file}, its formula evaluated; a formula that cannot be evaluated
   * gives the result it was saved with, or without one {@link SheetCell.Kind#UNCOMPUTED}.
   *
   * @throws UnableToExtractTextException if the file cannot be read or parsed as a workbook, or
   *     {@code reference} is not a cell reference; the message is what the reader said
   */
  public static SheetCell cell(Path file, String reference) {
    return read(file, bytes -> XlsxReader.cell(bytes, reference));
  }

  /** A reader of a file's bytes. */
  private interface Reader<T> {
    T read(byte[] bytes) throws IOException;
  }

  private static <T> T read(Path file, Reader<T> reader) {
    try {
      return reader.read(Files.readAllBytes(file));
    } catch (IOException | RuntimeException e) {
      throw new UnableToExtractTextException(e.getMessage(), e);
    }
  }

  /**
   * The view of the file at {@code path}, its format taken from its extension.
   *
   * @throws UnableToRenderException if the file cannot be read from disk
   */
  public static Rendering render(Path path) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (IOException e) {
      throw new UnableToRenderException("cannot read " + path + ": " + e.getMessage(), e);
    }
    return render(path.getFileName().toString(), bytes);
  }

  /** The view of a file given by its name (for its extension) and its bytes. */
  public static Rendering render(String name, byte[] bytes) {
    Optional<FileFormat> format = FileFormat.ofFileName(name);
    if (format.isEmpty()) {
      return Draft.unreadable("this file cannot be shown: its format is not one of " + FileFormat.knownIds());
    }
    return render(format.get(), bytes);
  }

  /** The view of bytes of a known format. */
  public static Rendering render(FileFormat format, byte[] bytes) {
    Draft draft = new Draft();
    try {
      switch (format) {
        case MD -> TextRenderers.markdown(PlainText.text(bytes), draft);
        case TXT -> TextRenderers.plain(PlainText.text(bytes), draft);
        case CSV -> TextRenderers.csv(PlainText.text(bytes), draft);
        case JSON -> TextRenderers.json(PlainText.text(bytes), draft);
        case DOCX -> DocxRenderer.render(bytes, draft);
        case XLSX -> XlsxRenderer.render(bytes, draft);
        case PPTX -> PptxRenderer.render(bytes, draft);
        case PDF -> PdfRenderer.render(bytes, draft);
        case PNG, JPG -> image(format, bytes, draft);
      }
    } catch (IOException | RuntimeException e) {
      return Draft.unreadable("this " + format.id() + " file cannot be shown: it does not open ("
          + firstLine(e) + ")");
    }
    return draft.finish();
  }

  private static void image(FileFormat format, byte[] bytes, Draft draft) throws IOException {
    new ImageReader(format).decode(bytes);
    if (!Html.appendImage(draft.root.appendElement("figure"), bytes, "image")) {
      throw new IOException("not a " + format.id() + " image");
    }
  }

  /**
   * The metadata in a file that says who or what made it, as {@link #strip} would remove it:
   * <ul>
   *   <li>DOCX, XLSX, PPTX: core, extended and custom properties (author, last modified by,
   *       company, manager, application and version, template, total editing time, timestamps,
   *       revision); comment, tracked-change and co-author names and dates; the folder a workbook
   *       was saved from; the attached template's path; metadata of embedded pictures.
   *   <li>PDF: the Info dictionary, XMP metadata, applications' private data.
   *   <li>JPEG, PNG: EXIF, XMP, IPTC, comments, text and time chunks.
   *   <li>MD, TXT, CSV, JSON: none (what the text itself says is not metadata).
   * </ul>
   *
   * @throws UnableToStripMetadataException if the bytes do not open as {@code format}; the
   *     message is what the reader said
   */
  public static List<MetadataEntry> metadata(FileFormat format, byte[] bytes) {
    try {
      return FormatReader.of(format).metadata(bytes).entries();
    } catch (IOException | RuntimeException e) {
      throw new UnableToStripMetadataException(e.getMessage(), e);
    }
  }

  /**
   * The active and outward-pointing content in a file, as {@link #strip} would remove or
   * neutralise it:
   * <ul>
   *   <li>PDF: the document's open action and additional actions, its JavaScript, embedded files
   *       and file attachments, XFA forms; additional actions of pages, annotations and form
   *       fields; every action of a link, widget or bookmark other than a jump within the
   *       document (Launch, JavaScript, URI, SubmitForm, ImportData, GoToR, ...).
   *   <li>DOCX, XLSX, PPTX: external relationships (external pictures, hyperlinks, including
   *       {@code javascript:} ones, attached templates, linked files); fields that fetch or link
   *       outside the file ({@code INCLUDEPICTURE}, {@code INCLUDETEXT}, {@code DDE},
   *       {@code HYPERLINK} to a web address, ...); macro projects; embedded objects (OLE objects,
   *       embedded documents, charts' data workbooks) and ActiveX controls; a workbook's data
   *       connections, query tables, and DDE and OLE links.
   *   <li>Images and the text formats: none.
   * </ul>
   *
   * @throws UnableToStripMetadataException if the bytes do not open as {@code format}; the
   *     message is what the reader said
   */
  public static List<MetadataEntry> activeContent(FileFormat format, byte[] bytes) {
    try {
      Found found = switch (format) {
        case DOCX, XLSX, PPTX -> OoxmlActiveContent.inspect(bytes);
        case PDF -> PdfActiveContent.inspect(bytes);
        case PNG, JPG, MD, TXT, CSV, JSON -> new Found();
      };
      return found.entries();
    } catch (IOException | RuntimeException e) {
      throw new UnableToStripMetadataException(e.getMessage(), e);
    }
  }

  /**
   * The file with every value of {@code replacements} replaced by its placeholder, in its own
   * format, and the list of changes made. DOCX, XLSX, PPTX: every XML part rewritten (a value
   * split over runs included; comments, tracked changes, fields, headers and footers, notes, shared
   * strings, defined names, pivot caches, external links, embedded workbooks) and the properties
   * emptied. PDF: a page with a value is rasterised with the value painted over, so its text layer
   * is lost (PDFBox has no safe text redaction); annotations and form fields holding a value are
   * removed, bookmarks retitled, document information and XMP removed. JPEG, PNG: metadata
   * removed (text in the picture itself is not found). TXT, Markdown, CSV: replaced in the text,
   * a value spanning lines whole. JSON: each string value decoded, replaced, and written back
   * escaped, the rest of the file as it was (a file that is not valid JSON is redacted as text).
   *
   * @throws UnableToRedactException if the bytes do not open as {@code format}
   */
  public static RedactedFile redact(FileFormat format, byte[] bytes, Replacements replacements) {
    try {
      return switch (format) {
        case DOCX, XLSX, PPTX -> OoxmlRedaction.redact(bytes, replacements);
        case PDF -> PdfRedaction.redact(bytes, replacements);
        case PNG, JPG -> new RedactedFile(ImageMetadata.strip(bytes),
            List.of(RedactionChange.noted("metadata", "EXIF, XMP, IPTC and comments removed")));
        case MD, TXT, CSV -> TextRedaction.redact(bytes, replacements);
        case JSON -> JsonText.redact(bytes, replacements);
      };
    } catch (IOException | RuntimeException e) {
      throw new UnableToRedactException("cannot redact a file as " + format.id() + ": " + e.getMessage(), e);
    }
  }

  /**
   * The file's bytes without the metadata {@link #metadata} lists and without the active content
   * {@link #activeContent} lists, still opening as {@code format}: external relationships point
   * at {@code about:blank}, outward fields keep their last result as plain content, links keep
   * their place without their action, embedded objects and controls leave their preview picture,
   * a table filled by a query keeps its values, DDE and OLE links keep their place with no program
   * to start; the rest of the content is unchanged. Zip
   * entry times of DOCX, XLSX and PPTX are set to one fixed date; a PDF is saved anew (earlier
   * revisions kept by incremental saves are dropped, and it gets a new file identifier); JPEG
   * and PNG pixels are kept as they are (no re-encoding); the text formats are copied.
   *
   * @throws UnableToStripMetadataException if the bytes do not open as {@code format}; the
   *     message is what the reader said
   */
  public static byte[] strip(FileFormat format, byte[] bytes) {
    try {
      return switch (format) {
        case DOCX, XLSX, PPTX -> OoxmlActiveContent.strip(OoxmlMetadata.strip(bytes));
        case PDF -> PdfMetadata.strip(bytes);
        case PNG, JPG -> ImageMetadata.strip(bytes);
        case MD, TXT, CSV, JSON -> bytes.clone();
      };
    } catch (IOException | RuntimeException e) {
      throw new UnableToStripMetadataException(e.getMessage(), e);
    }
  }

  private static String firstLine(Exception e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.lines().findFirst().orElse(message);
  }

  private static String describe(Exception e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
